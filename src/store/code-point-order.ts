// Grafeo orders strings by Unicode code point (Rust's str order); JavaScript's
// `<` compares UTF-16 code units. They disagree where a character beyond the
// BMP (CJK extension B, 𠀀 U+20000, stored as a surrogate pair 0xD840 …) meets
// one from U+E000 to U+FFFF (full-width brackets, （ U+FF08): UTF-16 puts the
// first before, code points after. Rankings computed in JS that must agree
// with a statement's ORDER BY compare with this.

/** Negative, zero or positive as a is before, equal to or after b in code point order. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // (a surrogate is part of a character above U+FFFF, after every BMP character)
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
