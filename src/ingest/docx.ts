// Word .docx files: the document's paragraphs (tables' cells included), one
// per line, through mammoth's raw-text reader. Old binary .doc is refused
// elsewhere as an unsupported format.
import mammoth from 'mammoth';
import { RefusedInput } from './refused.js';

export async function readDocx(bytes: Uint8Array): Promise<string> {
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (error) {
    throw new RefusedInput(`not a readable Word .docx file (${(error as Error).message.split('\n')[0]})`);
  }
  // mammoth separates paragraphs by a blank line; one line per paragraph is what the extractor reads.
  return value
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
