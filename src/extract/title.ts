// The report's own title: a heading line near the top that names the report
// (…报告 / …总结). Never built from 现将…报告如下 (gold GUIDELINES §1).
export function findTitle(text: string): string | null {
  // the first four lines of text.split('\n'), without splitting the whole text
  for (let k = 0, start = 0; k < 4 && start <= text.length; k++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    const trimmed = line.trim();
    if (
      trimmed.length >= 8 &&
      trimmed.length <= 60 &&
      /(报告|总结)$/.test(trimmed) &&
      !/[。,，]/.test(trimmed) &&
      !/^[一二三四五六七八九十]+、/.test(trimmed)
    )
      return trimmed;
  }
  return null;
}
