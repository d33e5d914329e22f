// Sentence spans of the normalized text: a sentence ends at 。！？ or at a
// line end. Mentions carry the sentence they sit in.
export interface Span {
  start: number;
  end: number;
}

export class Sentences {
  readonly spans: Span[] = [];

  constructor(readonly text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n' || ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
        const end = ch === '\n' ? i : i + 1;
        if (end > start) this.spans.push({ start, end });
        start = i + 1;
      }
    }
    if (start < text.length) this.spans.push({ start, end: text.length });
  }

  /** The sentence containing offset (binary search). */
  at(offset: number): Span {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = this.spans[mid];
      if (offset < span.start) hi = mid - 1;
      else if (offset >= span.end) lo = mid + 1;
      else return span;
    }
    return { start: offset, end: offset };
  }

  /** The sentences covering [start, end), for facts longer than one sentence (a problem item). */
  textSpanning(start: number, end: number): string {
    const first = this.at(start);
    const last = this.at(Math.max(start, end - 1));
    return this.text.slice(first.start, Math.max(first.end, last.end)).trim();
  }

  textAt(offset: number): string {
    const span = this.at(offset);
    return this.text.slice(span.start, span.end).trim();
  }
}
