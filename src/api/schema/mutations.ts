// Writing over HTTP: ingest one report from its text or an uploaded file
// (GraphQL multipart request: .txt in any encoding, .html, .docx, .pdf — the
// same readers as `govgraph ingest`), or delete one. Both need the bearer
// token; expected failures (the input is not a report) are typed results.
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { EXTRACTOR_VERSION, extractReport, NotAReportError } from '../../extract/index.js';
import { formatSize, MAX_TEXT_BYTES } from '../../ingest/limits.js';
import { RefusedInput } from '../../ingest/read.js';
import { readUpload } from '../../ingest/uploads.js';
import type { AppContext } from '../context.js';
import { builder } from '../builder.js';
import type { UploadedFile } from '../types.js';
import { Report } from './refs.js';
import type { ReportShape } from './shapes.js';
import { sameIssuerAndYearParams } from '../../store/write-plan.js';
import type { ParamsOf } from '../../store/types.js';

/** Refuses the mutation unless the request carried the server's token. */
function requireWriteAccess(ctx: AppContext): void {
  if (ctx.writeAccess === 'granted') return;
  if (ctx.writeAccess === 'disabled') {
    throw new GraphQLError('mutations are disabled on this server: start it with GOVGRAPH_TOKEN set to allow them', {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  throw new GraphQLError('mutations need the header "Authorization: Bearer <GOVGRAPH_TOKEN>"', {
    // a 401 names the scheme it wants (RFC 9110 §11.6.1)
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="govgraph"' } } },
  });
}

const NotAReport = builder.objectType(NotAReportError, {
  name: 'NotAReport',
  description: 'The text was refused: it does not look like a report (too short, or without the vocabulary of governance reports).',
  fields: (t) => ({ message: t.exposeString('message', { description: 'Why the text was refused.' }) }),
});

const UnreadableFile = builder.objectType(RefusedInput, {
  name: 'UnreadableFile',
  description: 'The uploaded file was refused before extraction: empty, too large, binary, undecodable, an unsupported format or a scan without a text layer.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'Why the file was refused, naming the supported formats where that is the reason.' }) }),
});

const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && typeof (value as UploadedFile).arrayBuffer === 'function' && typeof (value as UploadedFile).name === 'string';

const Upload = builder.addScalarType(
  'Upload',
  new GraphQLScalarType<UploadedFile, never>({
    name: 'Upload',
    description: 'A file sent with the GraphQL multipart request specification (curl -F operations=… -F map=… -F 0=@report.docx).',
    serialize: () => {
      throw new GraphQLError('Upload is an input-only scalar');
    },
    parseValue: (value) => {
      if (isUploadedFile(value)) return value;
      throw new GraphQLError('Upload expects a file sent as a multipart request part');
    },
    parseLiteral: () => {
      throw new GraphQLError('Upload cannot be written inline in the query: send the file as a multipart request part');
    },
  }),
);

const IngestOutcome = builder.enumType('IngestOutcome', {
  description: 'What ingesting did to the store.',
  values: {
    CREATED: { value: 'created', description: 'A new report was written.' },
    REPLACED: { value: 'replaced', description: 'The report was stored by another extractor version and was written again.' },
    UNCHANGED: { value: 'unchanged', description: 'The same report was already stored; nothing changed.' },
  } as const,
});

const IngestReportInput = builder.inputType('IngestReportInput', {
  description: 'A report to ingest, as text, with optional corrections of what extraction would find.',
  fields: (t) => ({
    text: t.string({ description: 'The report text (UTF-8). Give either `text` or `upload`.' }),
    upload: t.field({
      type: Upload,
      description: 'The report as a file (.txt in UTF-8/GBK/GB18030/UTF-16, .html, .docx, .pdf with a text layer). Give either `text` or `upload`.',
    }),
    file: t.string({ description: "Name to record as the report's source file (default: the uploaded file's name)." }),
    url: t.string({
      description:
        "Address of the web page the report came from (http:// or https://): recorded as the report's `sourceUrl` and read for its place, as a government site's address spells it (www.xuwen.gov.cn: 徐闻县). An uploaded HTML page's own address (canonical link, og:url) comes first.",
    }),
    year: t.int({ description: 'The year the report covers, when extraction would get it wrong (1900 to next year).' }),
    title: t.string({ description: 'The title, when the text does not state it.' }),
  }),
});

const IngestReportPayload = builder
  .objectRef<{ outcome: 'created' | 'replaced' | 'unchanged'; reportId: string; twinParams: ParamsOf<'report_same_issuer_year'> | null }>('IngestReportPayload')
  .implement({
    description: 'The stored report and what ingesting did.',
    fields: (t) => ({
      outcome: t.field({ type: IngestOutcome, description: 'Created, replaced or unchanged.', resolve: (p) => p.outcome }),
      reportId: t.exposeString('reportId', { description: 'Id of the report (a hash of its normalized text).' }),
      report: t.field({
        type: Report,
        description: 'The stored report.',
        resolve: (p, _args, ctx) => Report.getDataloader(ctx).load(p.reportId) as Promise<ReportShape>,
      }),
      sameIssuerAndYear: t.field({
        type: [Report],
        description:
          'Other stored reports of the same jurisdiction, issuer and year: most likely this report from another file (a .txt and a PDF or web page of one report have different texts, so different ids). Empty when there are none.',
        resolve: async (p, _args, ctx) => {
          if (!p.twinParams) return [];
          const rows = await ctx.store.run('report_same_issuer_year', p.twinParams);
          return Promise.all(rows.map((row) => Report.getDataloader(ctx).load(String(row.id)) as Promise<ReportShape>));
        },
      }),
    }),
  });

const DeleteReportPayload = builder.objectRef<{ reportId: string; deleted: boolean }>('DeleteReportPayload').implement({
  description: 'Whether a report was deleted.',
  fields: (t) => ({
    reportId: t.exposeString('reportId', { description: 'The id asked for.' }),
    deleted: t.exposeBoolean('deleted', { description: 'False when there was no such report.' }),
  }),
});

/** A year override must be one a report can cover: 1900 (what extraction reads: 19xx or 20xx) to next year. */
function checkedYear(year: number): number {
  const latest = new Date().getFullYear() + 1;
  if (year < 1900 || year > latest) {
    throw new GraphQLError(`input.year must be a year a report covers, 1900 to ${latest} (got ${year})`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return year;
}

/** The ReportGraph of the text or the uploaded file; exactly one of them must be given. */
async function extractInput(input: { text?: string | null; upload?: UploadedFile | null; file?: string | null; url?: string | null }, maxBytes: number) {
  if ((input.text == null) === (input.upload == null)) {
    throw new GraphQLError('give exactly one of input.text and input.upload', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const url = input.url == null ? undefined : checkedUrl(input.url);
  if (input.upload != null) {
    // Checked before reading the parts into memory; the reader checks again.
    if (input.upload.size > maxBytes)
      throw new RefusedInput(`the file is ${formatSize(input.upload.size)}, over the ${formatSize(maxBytes)} limit (GOVGRAPH_MAX_FILE_MB)`);
    // read and extracted on a worker thread, within the file caps and time budget (src/ingest/uploads.ts)
    return readUpload(new Uint8Array(await input.upload.arrayBuffer()), input.file ?? input.upload.name, maxBytes, url);
  }
  const text = input.text!;
  // the store's limit on a report's text (a string has at most 3 UTF-8 bytes per UTF-16 unit)
  if (text.length * 3 > MAX_TEXT_BYTES && Buffer.byteLength(text) > MAX_TEXT_BYTES) {
    throw new GraphQLError(
      `the text is ${formatSize(Buffer.byteLength(text))} (UTF-8), over the ${formatSize(MAX_TEXT_BYTES)} the store takes for one report`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return extractReport(text, { file: input.file ?? undefined, ...(url ? { url } : {}) });
}

/** A page's address must be one: http:// or https:// and a host. */
function checkedUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
    throw new GraphQLError(`input.url must be a web page's address, http:// or https:// (got "${url.slice(0, 80)}")`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return trimmed;
}

builder.mutationFields((t) => ({
  ingestReport: t.field({
    type: IngestReportPayload,
    nullable: true, // a refused write nulls this field only
    description: 'Extracts a report and writes it to the store in one transaction (idempotent by report id).',
    errors: {
      types: [NotAReportError, RefusedInput],
      directResult: true,
      union: { name: 'IngestReportResult', description: 'The stored report, or why the text or file was refused.' },
    },
    args: { input: t.arg({ type: IngestReportInput, required: true, description: 'The report (text or an uploaded file) and optional metadata overrides.' }) },
    resolve: async (_root, { input }, ctx) => {
      requireWriteAccess(ctx);
      const graph = await extractInput(input, ctx.maxFileBytes);
      if (input.year != null) graph.year = checkedYear(input.year);
      if (input.title != null) graph.title = input.title;
      const outcome = await ctx.store.upsertReport(graph, { extractorVersion: EXTRACTOR_VERSION, file: graph.source?.file ?? input.file ?? undefined });
      return { outcome, reportId: graph.reportId, twinParams: sameIssuerAndYearParams([graph]) };
    },
  }),
  deleteReport: t.field({
    type: DeleteReportPayload,
    nullable: true, // a refused write nulls this field only
    description: 'Deletes a report with the problems and plans it owned, and initiatives, regulations and indicators no other report holds.',
    args: { id: t.arg.string({ required: true, description: 'The report id (`reportId`).' }) },
    resolve: async (_root, { id }, ctx) => {
      requireWriteAccess(ctx);
      return { reportId: id, deleted: await ctx.store.deleteReport(id) };
    },
  }),
}));

export { NotAReport, UnreadableFile };
