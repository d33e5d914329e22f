// Reports in traditional characters: government sites serve a 繁體 copy of
// their pages (…/gate/big5/…), and the same report then reaches us written
// 朝陽區人民政府…法治政府建設. Everything the extractor knows (GB/T 2260 names,
// the lexicon, genre words) is in simplified characters, so such a text is
// converted to simplified with OpenCC's dictionaries (opencc-js) before it is
// read. A text is taken for traditional when a sample of it changes under
// the conversion: a simplified text is left exactly as it is (its id too).
import * as OpenCC from 'opencc-js/t2cn';

// (built on first use: the dictionaries take a few milliseconds to load, and most texts never need them)
let toSimplified: ((text: string) => string) | null = null;
const converter = () => (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));

/** How many Chinese characters of the text's opening are looked at. */
const SAMPLE = 400;
/** Share of the sample's Chinese characters the conversion must change: a simplified text has variants now and then (乾, 著), a traditional one changes one in four or more. */
const TRADITIONAL_SHARE = 0.05;

// (a table by code unit, looked up over the head: no regex run on every report)
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const c of '這個們國區縣會與關於設報發務動實對開時進應過議說從經將還體點為') TRADITIONAL_ONLY[c.charCodeAt(0)] = 1;
const HEAD = 2 * SAMPLE;

function hasTraditionalOnly(text: string): boolean {
  for (let i = 0, end = Math.min(text.length, HEAD); i < end; i++) if (TRADITIONAL_ONLY[text.charCodeAt(i)]) return true;
  return false;
}

/** The sample: the first SAMPLE Chinese characters of the text (found without converting anything). */
function sampleOf(text: string): string {
  let n = 0;
  let end = 0;
  for (; end < text.length && n < SAMPLE; end++) {
    const c = text.charCodeAt(end);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return text.slice(0, end);
}

/** Whether a text is written in traditional characters. */
export function isTraditional(text: string): boolean {
  // a cheap look first, on the text's head as it stands: the commonest characters of any report that only
  // traditional text writes (a simplified report has none of them, and is left at that)
  if (!hasTraditionalOnly(text)) return false;
  const sample = sampleOf(text);
  const converted = converter()(sample);
  let chinese = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    chinese++;
    if (converted.charCodeAt(i) !== c) changed++;
  }
  return chinese > 0 && changed / chinese >= TRADITIONAL_SHARE;
}

/** The text in simplified characters when it is written in traditional ones; otherwise the text itself. */
export function simplified(text: string): string {
  return isTraditional(text) ? converter()(text) : text;
}
