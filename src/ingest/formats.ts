// Which reader a file goes to. Content decides where it is unambiguous (a
// PDF, a zip holding word/document.xml, an HTML page saved as .txt or .doc,
// an image or an old binary Office file whatever its name); the extension
// decides the rest.
import { extname } from 'node:path';
import { RefusedInput } from './refused.js';

export type Format = 'text' | 'html' | 'docx' | 'pdf';

/** Extensions the directory walk picks up and the readers take. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'];
export const SUPPORTED_LIST = '.txt (UTF-8, GBK/GB18030, UTF-16), .html/.htm, .docx, .pdf (with a text layer)';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** Formats reports also come in that are refused with a hint (the walk yields them too, so none is silently lost). */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '.doc': 'Word 97-2003 .doc: save it as .docx',
  '.wps': 'WPS document: save it as .docx',
  '.rtf': 'RTF: save it as .docx',
  '.odt': 'OpenDocument text: save it as .docx',
  '.ofd': 'OFD: export it as PDF',
  '.caj': 'CAJ: export it as PDF',
  '.xls': 'a spreadsheet',
  '.xlsx': 'a spreadsheet',
  '.et': 'a spreadsheet',
  '.ppt': 'a presentation',
  '.pptx': 'a presentation',
  '.jpg': 'an image: a scanned report needs OCR first',
  '.jpeg': 'an image: a scanned report needs OCR first',
  '.png': 'an image: a scanned report needs OCR first',
  '.gif': 'an image: a scanned report needs OCR first',
  '.tif': 'an image: a scanned report needs OCR first',
  '.tiff': 'an image: a scanned report needs OCR first',
  '.bmp': 'an image: a scanned report needs OCR first',
  '.webp': 'an image: a scanned report needs OCR first',
};

/** Whether the directory walk yields a file of this name (supported, or a document format refused with a hint). */
export function isCandidateFile(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return ext in BY_EXTENSION || ext in KNOWN_UNSUPPORTED;
}

function unsupported(ext: string, what?: string): RefusedInput {
  const named = ext ? `"${ext}"` : '(no extension)';
  return new RefusedInput(`unsupported format ${named}${what ? ` (${what})` : ''}; supported are ${SUPPORTED_LIST}`);
}

const starts = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

function latin1(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(length, bytes.byteLength)).toString('latin1');
}

/** The reader for a file, from its content and name; throws RefusedInput naming the supported formats. */
export function formatOf(path: string, bytes: Uint8Array): Format {
  const ext = extname(path).toLowerCase();
  const head = latin1(bytes, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const names = latin1(bytes, 64 * 1024);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/')) throw unsupported(ext, 'an Excel workbook');
    if (names.includes('ppt/')) throw unsupported(ext, 'a PowerPoint presentation');
    if (names.includes('OFD.xml')) throw unsupported(ext, 'OFD: export it as PDF');
    if (names.includes('opendocument')) throw unsupported(ext, 'OpenDocument: save it as .docx');
    throw unsupported(ext, ext === '.docx' ? 'a zip archive without a Word document in it' : 'a zip archive');
  }
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) throw unsupported(ext, 'Word 97-2003 or another old Office file: save it as .docx');
  if (
    starts(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    starts(bytes, 0xff, 0xd8, 0xff) ||
    head.startsWith('GIF8') ||
    head.startsWith('II*\0') ||
    head.startsWith('MM\0*') ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP')
  ) {
    throw unsupported(ext, 'an image: a scanned report needs OCR first');
  }
  if (head.startsWith('{\\rtf')) throw unsupported(ext, 'RTF: save it as .docx');
  const format = BY_EXTENSION[ext];
  // a page saved under another name (report.txt, or a CMS's "Word" download that is HTML)
  const looksHtml = /^(\ufeff|\xef\xbb\xbf)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>])/i.test(head);
  if (looksHtml && (format === 'text' || ext in KNOWN_UNSUPPORTED || !format)) return 'html';
  if (format === 'docx' || format === 'pdf') throw new RefusedInput(`not a ${ext} file: its content does not start like one`);
  if (format) return format;
  throw unsupported(ext, KNOWN_UNSUPPORTED[ext]);
}
