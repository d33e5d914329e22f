// Bytes to text, with the encoding detected rather than assumed. Order of
// evidence: a byte-order mark; the charset a page declares (if the bytes
// decode cleanly in it); strict UTF-8; UTF-16 without a BOM (recognised by
// its NUL bytes); then chardet's ranking of the legacy encodings Chinese text
// comes in (GB18030, which includes GBK and GB2312; Big5), decoded by
// iconv-lite and kept only if the result is clean, plausible text.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { RefusedInput } from './refused.js';

export interface Decoded {
  text: string;
  /** The encoding the text was decoded from: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5… */
  encoding: string;
}

/** How much of a file chardet ranks encodings on. */
const CHARDET_SAMPLE_BYTES = 256 * 1024;

/** Encodings chardet may propose that can carry Chinese text, mapped to iconv-lite's names. */
const CHINESE_ENCODINGS: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

/** Declared charsets (HTML meta) to iconv-lite names; GB2312 and GBK pages routinely use GB18030 characters. */
export function normalizeCharset(name: string): string | null {
  const lower = name.trim().toLowerCase().replace(/^x-/, '');
  if (['gb2312', 'gbk', 'gb18030', 'gb_2312-80', 'euc-cn', 'cp936', 'windows-936'].includes(lower)) return 'gb18030';
  if (['utf8', 'utf-8', 'unicode-1-1-utf-8'].includes(lower)) return 'utf-8';
  if (['big5', 'big5-hkscs', 'cp950'].includes(lower)) return 'big5';
  return iconv.encodingExists(lower) ? lower : null;
}

/** Share of characters that text in a Chinese report is made of: CJK, ASCII printables, whitespace, punctuation. */
export function plausibleShare(text: string): number {
  if (!text.length) return 0;
  const odd = text.match(
    /[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/g,
  );
  return 1 - (odd?.length ?? 0) / text.length;
}

function controlShare(text: string): number {
  if (!text.length) return 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this counts (a wrong decoding's mark)
  return (text.match(/[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/g)?.length ?? 0) / text.length;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function clean(text: string): boolean {
  return !text.includes('\ufffd') && plausibleShare(text) >= 0.97;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

function finish(text: string, encoding: string): Decoded {
  if (controlShare(text) > 0.01) throw new RefusedInput(`the file is binary, not text (control characters throughout, read as ${encoding})`);
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}

/**
 * Decodes a text file's bytes. Throws RefusedInput for binary content and
 * for bytes that are not clean text in any encoding Chinese reports use.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  // 1. byte-order marks
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text === null) throw new RefusedInput('the file starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return finish(text, 'UTF-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(decodeWith(bytes, 'utf-16le'), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(decodeWith(bytes, 'utf-16be'), 'UTF-16BE');
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return finish(decodeWith(bytes.subarray(4), 'gb18030'), 'GB18030');

  // 2. a declared charset, if the bytes really are in it (pages often declare gb2312 and serve UTF-8)
  const declaredName = declared ? normalizeCharset(declared) : null;
  if (declaredName) {
    const text = declaredName === 'utf-8' ? strictUtf8(bytes) : decodeWith(bytes, declaredName);
    if (text !== null && clean(text)) return finish(text, declaredName === 'utf-8' ? 'UTF-8' : declaredName.toUpperCase());
  }

  // 3. UTF-8 (ASCII included)
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && !utf8.includes('\0')) return finish(utf8, 'UTF-8');

  // 4. UTF-16 without a BOM: NUL bytes, and one byte order gives plausible text
  if (bytes.includes(0)) {
    if (bytes.length % 2 === 0) {
      const candidates = (['utf-16le', 'utf-16be'] as const).map((encoding) => ({ encoding, text: decodeWith(bytes, encoding) }));
      const best = candidates.sort((a, b) => plausibleShare(b.text) - plausibleShare(a.text))[0];
      if (clean(best.text)) return finish(best.text, best.encoding.toUpperCase());
    }
    throw new RefusedInput('the file is binary, not text (it contains NUL bytes and is not UTF-16)');
  }

  // 5. legacy encodings, as chardet ranks them, then GB18030 as the usual one. chardet ranks a
  // sample: over a whole file it takes about a second per MB, and each candidate is checked on
  // the whole file anyway
  const ranked = analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES));
  const tried = new Set<string>();
  for (const name of [...ranked.map((m) => CHINESE_ENCODINGS[m.name]).filter(Boolean), 'gb18030']) {
    if (tried.has(name)) continue;
    tried.add(name);
    const text = decodeWith(bytes, name);
    if (clean(text)) return finish(text, name === 'gb18030' ? 'GB18030' : name.toUpperCase());
  }
  const guess = ranked[0] ? `${ranked[0].name}, ${ranked[0].confidence}% confidence` : 'none';
  throw new RefusedInput(`cannot decode the text: it is not valid UTF-8, UTF-16, GB18030/GBK or Big5 (the detector's best guess: ${guess})`);
}
