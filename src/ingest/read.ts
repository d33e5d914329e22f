// Reads one report file into text. This first version takes UTF-8 plain text
// (with or without BOM); other formats and encodings come with the input
// formats work, and are refused with a clear reason until then.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './files.js';

export class RefusedInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedInput';
  }
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function readReportFile(path: string): string {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new RefusedInput(`unsupported format "${ext || 'no extension'}": supported are ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  const size = statSync(path).size;
  if (size === 0) throw new RefusedInput('the file is empty');
  if (size > MAX_FILE_BYTES) throw new RefusedInput(`the file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new RefusedInput('the file is binary (it contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RefusedInput('the file is not valid UTF-8 (other encodings are not supported yet)');
  }
  return text.replace(/^\uFEFF/, '');
}
