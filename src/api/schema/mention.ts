// Provenance: the sentence, section and offsets a fact was read from.
import { builder } from '../builder.js';
import type { MentionShape } from './shapes.js';
import { Report } from './refs.js';

export const Mention = builder.objectRef<MentionShape>('Mention').implement({
  description: 'One place in one report where a fact was read: the provenance of an edge of the graph.',
  fields: (t) => ({
    report: t.field({
      type: Report,
      description: 'The report the sentence is in.',
      resolve: (m, _args, ctx) => Report.getDataloader(ctx).load(m.reportId),
    }),
    sentence: t.exposeString('sentence', { description: 'The sentence (句) containing the mention, as in the normalized text.' }),
    section: t.exposeString('section', {
      nullable: true,
      description: 'Heading path of the section (章节), outermost first, joined with " > ".',
    }),
    start: t.exposeInt('start', { description: 'Offset of the first character in the report\'s normalized `text`.' }),
    end: t.exposeInt('end', { description: 'Offset just after the last character.' }),
    surface: t.exposeString('surface', { nullable: true, description: 'The words as written in the report (surface form).' }),
  }),
});
