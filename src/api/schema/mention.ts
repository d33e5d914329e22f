// Provenance: the sentence, section and offsets a fact was read from.
import { builder } from '../builder.js';
import type { AppContext } from '../context.js';
import { provenanceSourceOf, sectionOf, sentenceOf, surfaceOf, type ProvenanceSource } from '../../store/provenance.js';
import type { MentionShape } from './shapes.js';
import { Report } from './refs.js';
import { sized, VALUE_BYTES } from '../response-budget.js';

/**
 * The text and heading paths the mention's offsets point into. One loader
 * per request: the mentions of any number of reports cost one store call
 * (report_texts_by_ids, shared with Report.text).
 */
async function sourceOf(m: MentionShape, ctx: AppContext): Promise<ProvenanceSource | null> {
  const [row] = await ctx.rowsBy('report_texts_by_ids', 'ids', 'id').load(m.reportId);
  if (!row) return null;
  return provenanceSourceOf(row);
}

export const Mention = builder.objectRef<MentionShape>('Mention').implement({
  description: 'One place in one report where a fact was read: the provenance of an edge of the graph.',
  fields: (t) => ({
    report: t.field({
      type: Report,
      description: 'The report the sentence is in.',
      resolve: (m, _args, ctx) => Report.getDataloader(ctx).load(m.reportId),
    }),
    sentence: t.string({
      description: 'The sentence (句) containing the mention, as in the normalized text.',
      extensions: sized({ bytes: VALUE_BYTES.sentence }),
      resolve: async (m, _args, ctx) => {
        ctx.budget.ensure('Mention.sentence');
        return ctx.budget.chargeString(sentenceOf(m.link, m.index, await sourceOf(m, ctx)), 'Mention.sentence');
      },
    }),
    section: t.string({
      nullable: true,
      description: 'Heading path of the section (章节), outermost first, joined with " > ".',
      extensions: sized({ bytes: VALUE_BYTES.line }),
      resolve: async (m, _args, ctx) => sectionOf(m.link, m.index, await sourceOf(m, ctx)),
    }),
    start: t.exposeInt('start', { description: "Offset of the first character in the report's normalized `text`." }),
    end: t.exposeInt('end', { description: 'Offset just after the last character.' }),
    surface: t.string({
      nullable: true,
      description: 'The words as written in the report (surface form).',
      extensions: sized({ bytes: VALUE_BYTES.line }),
      resolve: async (m, _args, ctx) => surfaceOf(m.link, m.index, await sourceOf(m, ctx), m.withSurface),
    }),
  }),
});
