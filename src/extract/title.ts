// The report's own title: a heading line near the top that names the report
// (…报告 / …总结). Never built from 现将…报告如下 (gold GUIDELINES §1).
export function findTitle(text: string): string | null {
  for (const trimmed of leadingLines(text)) {
    if (trimmed.length >= 8 && trimmed.length <= 60 && /(报告|总结)$/.test(trimmed) && !/[。,，]/.test(trimmed) && !/^[一二三四五六七八九十]+、/.test(trimmed))
      return trimmed;
  }
  return null;
}

/** The first lines of a text (where a title stands), trimmed: those of text.split('\n'), without splitting the whole text. */
export function* leadingLines(text: string, count = 4): Generator<string> {
  for (let k = 0, start = 0; k < count && start <= text.length; k++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield text.slice(start, end).trim();
    start = end + 1;
  }
}
