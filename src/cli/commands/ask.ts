// govgraph ask — a question in Chinese, answered from the store through the
// API's own `ask` (the same reading, query and sentence as the GraphQL field).
import { answerQuestion } from '../../api/ask/answer.js';
import { createContext } from '../../api/context.js';
import { schema } from '../../api/schema/index.js';
import { describeStore, openStore } from '../../store/open.js';
import type { Config } from '../config.js';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';

export const help = `Usage: govgraph ask [--json] "QUESTION"

Answers a question in Chinese from the store: which jurisdictions mention an
initiative or cite a regulation (of a level, in a province or prefecture, in
years), what a jurisdiction's reports mention, cite or admit, how an
initiative spread (by year, by province), which problems recur and where, the
most widespread problems of a year, what two jurisdictions share, what goes
together with an initiative or a regulation.

  govgraph ask "哪些县提到了三项制度"
  govgraph ask "2023年有哪些区县落实了一件事一次办"
  govgraph ask "罗江区和清远市有哪些共同的举措"

Prints the answer, how each word was read, and the GraphQL it ran with its
variables (to refine in GraphiQL). A question it cannot read is refused with
the words it did not understand and questions it can answer (exit code 1).

  --json   the whole answer as one JSON object (the fields of the API's AskAnswer)`;

export async function run(argv: string[], { store: config }: Config): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('ask needs a question, e.g. govgraph ask "哪些县提到了三项制度"');
  const store = await openStore(config);
  try {
    const answer = await answerQuestion(question, schema, createContext(store));
    if (values.json) {
      console.log(JSON.stringify(answer));
      return answer.understood ? 0 : 1;
    }
    console.log(answer.answer);
    console.log(`\n读作：${answer.reading.map((w) => `${w.text} → ${w.means}`).join('；') || '（无）'}`);
    if (answer.graphql) console.log(`\n查询（${describeStore(config)}）：\n${answer.graphql}\n变量：${JSON.stringify(answer.variables)}`);
    if (!answer.understood) console.log(`\n可以这样问：\n${answer.suggestions.map((s) => `  ${s}`).join('\n')}`);
    return answer.understood ? 0 : 1;
  } finally {
    await store.close();
  }
}
