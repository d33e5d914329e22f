// Writing over HTTP: ingest one report from its text, or delete one. Both
// need the bearer token; expected failures (the text is not a report) are
// typed results, not errors.
import { GraphQLError } from 'graphql';
import { EXTRACTOR_VERSION, extractReport, NotAReportError } from '../../extract/index.js';
import type { AppContext } from '../context.js';
import { builder } from '../builder.js';
import { Report } from './refs.js';
import type { ReportShape } from './shapes.js';

/** Refuses the mutation unless the request carried the server's token. */
function requireWriteAccess(ctx: AppContext): void {
  if (ctx.writeAccess === 'granted') return;
  if (ctx.writeAccess === 'disabled') {
    throw new GraphQLError('mutations are disabled on this server: start it with GOVGRAPH_TOKEN set to allow them', {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  throw new GraphQLError('mutations need the header "Authorization: Bearer <GOVGRAPH_TOKEN>"', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

const NotAReport = builder.objectType(NotAReportError, {
  name: 'NotAReport',
  description: 'The text was refused: it does not look like a report (too short, or without the vocabulary of governance reports).',
  fields: (t) => ({ message: t.exposeString('message', { description: 'Why the text was refused.' }) }),
});

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
    text: t.string({ required: true, description: 'The report text (UTF-8).' }),
    file: t.string({ description: 'Name to record as the report\'s source file.' }),
    year: t.int({ description: 'The year the report covers, when extraction would get it wrong.' }),
    title: t.string({ description: 'The title, when the text does not state it.' }),
  }),
});

const IngestReportPayload = builder.objectRef<{ outcome: 'created' | 'replaced' | 'unchanged'; reportId: string }>('IngestReportPayload').implement({
  description: 'The stored report and what ingesting did.',
  fields: (t) => ({
    outcome: t.field({ type: IngestOutcome, description: 'Created, replaced or unchanged.', resolve: (p) => p.outcome }),
    reportId: t.exposeString('reportId', { description: 'Id of the report (a hash of its normalized text).' }),
    report: t.field({
      type: Report,
      description: 'The stored report.',
      resolve: (p, _args, ctx) => Report.getDataloader(ctx).load(p.reportId) as Promise<ReportShape>,
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

const MAX_TEXT = 5_000_000;

builder.mutationFields((t) => ({
  ingestReport: t.field({
    type: IngestReportPayload,
    description: 'Extracts a report and writes it to the store in one transaction (idempotent by report id).',
    errors: {
      types: [NotAReportError],
      directResult: true,
      union: { name: 'IngestReportResult', description: 'The stored report, or why the text was refused.' },
    },
    args: { input: t.arg({ type: IngestReportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      requireWriteAccess(ctx);
      if (input.text.length > MAX_TEXT) {
        throw new GraphQLError(`the text has ${input.text.length} characters, over the limit of ${MAX_TEXT}`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const graph = extractReport(input.text, { file: input.file ?? undefined });
      if (input.year != null) graph.year = input.year;
      if (input.title != null) graph.title = input.title;
      const outcome = await ctx.store.upsertReport(graph, { extractorVersion: EXTRACTOR_VERSION, file: input.file ?? undefined });
      return { outcome, reportId: graph.reportId };
    },
  }),
  deleteReport: t.field({
    type: DeleteReportPayload,
    description: 'Deletes a report with the problems and plans it owned, and initiatives, regulations and indicators no other report holds.',
    args: { id: t.arg.string({ required: true, description: 'The report id (`reportId`).' }) },
    resolve: async (_root, { id }, ctx) => {
      requireWriteAccess(ctx);
      return { reportId: id, deleted: await ctx.store.deleteReport(id) };
    },
  }),
}));

export { NotAReport };
