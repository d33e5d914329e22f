// The year a report covers (not the year it was published): from the title,
// then the opening (2024年,我市…; 2023年以来; 2023年度), then 今年以来/去年 read
// against the publication date, then the most frequent year of the opening
// part. A report published early in a year covers the previous one.
export function findYear(text: string, title: string | null, published: string | null): number | null {
  const fromTitle = title && /((?:19|20)\d\d)年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const opening = text.slice(0, 300);
  const stated = /((?:19|20)\d\d)年(?:度|以来|,|，|我|全|是|在|上半年)/.exec(opening);
  if (stated) return Number(stated[1]);
  const publishedYear = published ? Number(published.slice(0, 4)) : null;
  if (published && publishedYear) {
    // 网站发布:2022-01-26 with 今年以来 → the report looks back on 2021.
    const month = Number(published.slice(5, 7));
    if (/今年以来|今年/.test(opening)) return month <= 3 ? publishedYear - 1 : publishedYear;
    if (/去年/.test(opening)) return publishedYear - 1;
  }
  // (not the end of a plan's period, (2023—2027年): a plan looks ahead of the year it is reported in)
  const years = [...text.slice(0, 2000).matchAll(/(?<![—–\-－~～至到])((?:19|20)\d\d)年/g)].map((m) => Number(m[1]));
  if (!years.length) return publishedYear ? publishedYear - 1 : null;
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  // most frequent; ties go to the later year (plans name next year less often than results name this one)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}
