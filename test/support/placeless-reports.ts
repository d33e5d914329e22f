// Report texts made up for the tests of where a report is from: a body in a
// voice of its own that names no place unless told to, and a bureau's year
// summary that names none at all, so that only its page's address can say
// where it is from (zgj.ningbo.gov.cn: 宁波市).

/** A report body in the voice of `self` (我县, 我省, 我局…), naming no place unless `places` does. */
export function reportBody(self: string, places = ''): string {
  const filler = `${self}坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升依法行政能力和水平。`.repeat(8);
  return `2023年,${self}深入学习贯彻习近平法治思想。${places}现将有关情况报告如下。\n一、主要工作\n${filler}`;
}

/** The title line of the bureau's summary. */
export const SUMMARY_TITLE = '2022年法治政府建设工作总结';
/** Its body: the city's natural-resources system (全市…系统), never named. */
export const SUMMARY_BODY = '2022年,全市自然资源规划系统坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育。'.repeat(8);
/** The summary as a report arrives: its title line, then its body. */
export const PLACELESS_SUMMARY = `${SUMMARY_TITLE}\n${SUMMARY_BODY}`;
