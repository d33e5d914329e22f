// ask(question:): a question in Chinese read into one of the documented
// queries (src/api/ask), run, and answered with the query it ran and how
// each word was read.
import { builder } from '../builder.js';
import { type AskAnswer, answerQuestion } from '../ask/answer.js';
import type { ReadWord } from '../ask/read.js';

const AskWord = builder.objectRef<ReadWord>('AskWord').implement({
  description: 'A word of the question and what it was read as (地区, 举措, 级别, 年份…).',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The word as written.' }),
    means: t.exposeString('means', { description: 'What it was read as.' }),
  }),
});

const AskAnswerRef = builder.objectRef<AskAnswer>('AskAnswer').implement({
  description:
    'The answer to a question in Chinese: the result in a sentence, the query it ran (to refine in GraphiQL) and how the question was read; or, when it was not understood, which words and some questions it can answer.',
  fields: (t) => ({
    question: t.exposeString('question', { description: 'The question as asked.' }),
    understood: t.exposeBoolean('understood', { description: 'Whether it was read into a query; false: refused, nothing was guessed.' }),
    answer: t.exposeString('answer', { description: 'The result in a sentence, or why the question was not answered.' }),
    reading: t.field({ type: [AskWord], description: 'The words read, in order, with what each was read as.', resolve: (a) => a.reading }),
    query: t.string({ nullable: true, description: 'Which documented query it became (jurisdictions, spreadByYear…).', resolve: (a) => a.query }),
    graphql: t.string({ nullable: true, description: 'The GraphQL it ran.', resolve: (a) => a.graphql }),
    variables: t.field({ type: 'JSON', nullable: true, description: 'The variables it ran the GraphQL with.', resolve: (a) => a.variables }),
    data: t.field({ type: 'JSON', nullable: true, description: "The query's data, as a client running it would receive it.", resolve: (a) => a.data }),
    unread: t.stringList({ description: 'Words not understood or not usable in one query (named by a refusal).', resolve: (a) => a.unread }),
    suggestions: t.stringList({ description: 'Questions it can answer, given with a refusal.', resolve: (a) => a.suggestions }),
  }),
});

builder.queryFields((t) => ({
  ask: t.field({
    type: AskAnswerRef,
    description:
      "A question in Chinese (哪些县提到了三项制度, 罗江区和清远市有哪些共同的举措), read over the graph's vocabulary into one of the documented queries and answered; a question it cannot read is refused, naming the words it did not understand.",
    args: { question: t.arg.string({ required: true, description: 'The question, in Chinese.' }) },
    resolve: (_root, args, ctx, info) => answerQuestion(args.question, info.schema, ctx),
  }),
}));
