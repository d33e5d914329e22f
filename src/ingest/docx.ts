// Word .docx files: the document's paragraphs (tables' cells included), one
// per line, through mammoth's raw-text reader. Old binary .doc is refused
// elsewhere as an unsupported format.
//
// A .docx is a zip, and a zip can unpack to a thousand times its size (a zip
// bomb). Before mammoth unpacks anything, the archive is read once as a
// stream with yauzl: its entries are counted and every entry inflated and
// thrown away, counting the bytes actually inflated, so a bomb is refused as
// soon as the count passes the cap, with the memory of one chunk. yauzl also
// checks each entry against the size its header declares (a header that lies
// is an error), and its count is of what mammoth would unpack.
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { DOCX_MAX_ENTRIES, DOCX_MAX_UNPACKED_BYTES, formatSize } from './limits.js';
import { RefusedInput } from './refused.js';

export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

function unreadable(error: Error): RefusedInput {
  // yauzl's words for an entry that inflates to another size than its header declares
  if (/too (many|few) bytes in the stream/.test(error.message)) {
    return new RefusedInput('the .docx holds an entry that unpacks to another size than it declares: refused (a zip bomb?)');
  }
  return new RefusedInput(`not a readable Word .docx file (${error.message.split('\n')[0]})`);
}

/** Resolves when the archive is within the limits; rejects with RefusedInput (over a limit, or not a readable zip). */
export function checkZipLimits(bytes: Buffer, limits: ZipLimits): Promise<void> {
  const tooLarge = () =>
    new RefusedInput(`the .docx unpacks to more than ${formatSize(limits.maxUnpackedBytes)}, over what a report's .docx unpacks to: refused (a zip bomb?)`);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(unreadable(error ?? new Error('no archive')));
      if (zip.entryCount > limits.maxEntries) {
        return reject(new RefusedInput(`the .docx holds ${zip.entryCount} entries, over the ${limits.maxEntries} a report's .docx has at most: refused`));
      }
      let declared = 0;
      let inflated = 0;
      let settled = false;
      const fail = (refusal: RefusedInput) => {
        if (settled) return;
        settled = true;
        reject(refusal);
      };
      zip.on('error', (e: Error) => fail(unreadable(e)));
      zip.on('end', () => {
        if (!settled) resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (settled) return;
        // what the headers declare is checked first: an honest bomb is refused without inflating it
        declared += entry.uncompressedSize;
        if (declared > limits.maxUnpackedBytes) return fail(tooLarge());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(unreadable(e ?? new Error('no stream')));
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUnpackedBytes) {
              stream.destroy();
              fail(tooLarge());
            }
          });
          stream.on('error', (err: Error) => {
            stream.destroy();
            fail(unreadable(err));
          });
          stream.on('end', () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export async function readDocx(
  bytes: Uint8Array,
  limits: ZipLimits = { maxEntries: DOCX_MAX_ENTRIES, maxUnpackedBytes: DOCX_MAX_UNPACKED_BYTES },
): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkZipLimits(buffer, limits);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer }));
  } catch (error) {
    throw unreadable(error as Error);
  }
  // mammoth separates paragraphs by a blank line; one line per paragraph is what the extractor reads.
  return value
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
