// One file to one ReportGraph: read (any supported format), extract, and
// record where it came from. Used in-process by `govgraph extract` and on the
// worker threads by `govgraph ingest`.
import { extractReport } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';
import { checkTextSize, fileLimits } from './limits.js';
import { readReportBytes, readReportFile, type ReadOptions, type ReportInput } from './read.js';

export interface ExtractedFile {
  graph: ReportGraph;
  format: ReportInput['format'];
  encoding?: string;
}

/** `url`: the page's address when the caller knows it; a page's own (an HTML file's canonical link or og:url) comes first. */
type SourceOptions = ReadOptions & { url?: string };

/** Throws RefusedInput (the file) or NotAReportError (the text); anything else is a failure. */
export async function extractFile(path: string, options: SourceOptions & { file?: string } = {}): Promise<ExtractedFile> {
  return extractInput(await readReportFile(path, options), options.file ?? path, options);
}

/** The same for bytes that arrived without a path (an upload); `name` is recorded as the source file. */
export async function extractBytes(bytes: Buffer, name: string, options: SourceOptions = {}): Promise<ExtractedFile> {
  return extractInput(await readReportBytes(bytes, name, options), name, options);
}

function extractInput(input: ReportInput, file: string, options: SourceOptions): ExtractedFile {
  const url = input.meta.url ?? options.url;
  const graph = extractReport(input.text, { file, ...(url ? { url } : {}) });
  // the text read was checked; the normalized text is what is stored, checked too should it differ in size
  checkTextSize(graph.text, fileLimits(options.limits).maxTextBytes, "the report's text");
  graph.source = {
    file,
    ...(url ? { url } : {}),
    ...((input.meta.published ?? graph.source?.published) ? { published: input.meta.published ?? graph.source?.published } : {}),
  };
  return { graph, format: input.format, ...(input.encoding ? { encoding: input.encoding } : {}) };
}
