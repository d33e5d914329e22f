// Answering a question: read it (read.ts), run the query it became through
// the schema as any client's query runs (same context, same loaders), and say
// the result in a sentence. The answer carries the GraphQL text and variables
// it ran and how each word was read, so an analyst can check the reading and
// refine the query in GraphiQL.
import { readFileSync } from 'node:fs';
import { type DocumentNode, execute, type GraphQLSchema, Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { type Plan, type QueryName, type ReadWord, readQuestion } from './read.js';
import { EXAMPLES } from './vocabulary.js';

/** Each query of queries.graphql by its operation name: the text a client would send, parsed once. */
const QUERIES = new Map(
  parse(readFileSync(new URL('./queries.graphql', import.meta.url), 'utf8'))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => {
      const text = print(d);
      return [d.name?.value as QueryName, { text, document: parse(text) }];
    }),
);

const NEWEST_YEAR = parse('{ reports(first: 1) { nodes { year } } }');

export interface AskAnswer {
  question: string;
  /** Whether the question was read into a query (false: refused, see `unread`). */
  understood: boolean;
  /** The result in a sentence, or why the question was not answered. */
  answer: string;
  reading: ReadWord[];
  query: QueryName | null;
  graphql: string | null;
  variables: Record<string, unknown> | null;
  data: unknown;
  /** The words not understood or not usable (a refusal names them). */
  unread: string[];
  /** Questions it can answer (given with a refusal). */
  suggestions: readonly string[];
}

/** A relative year (今年, 去年, 近三年, 最近两年) needs the graph's newest report year. */
const RELATIVE_YEAR = /今年|去年|前年|(?:近|最近|过去|前)(?:\d+|[一二两三四五六七八九十])年/;

export async function answerQuestion(question: string, schema: GraphQLSchema, context: object): Promise<AskAnswer> {
  const run = (document: DocumentNode, variableValues?: Record<string, unknown>) => execute({ schema, document, contextValue: context, variableValues });
  let latestYear: number | null = null;
  if (RELATIVE_YEAR.test(question)) {
    const newest = await run(NEWEST_YEAR);
    latestYear = (newest.data as { reports?: { nodes: { year: number | null }[] } } | null)?.reports?.nodes[0]?.year ?? null;
  }
  const reading = readQuestion(question, { latestYear });
  const base = { question, reading: reading.words, unread: reading.refusal?.unread ?? [] };
  if (!reading.plan) {
    const what = reading.refusal?.unread.length ? `：${reading.refusal.unread.join('、')}` : '';
    return {
      ...base,
      understood: false,
      answer: `${reading.refusal?.reason ?? '没有读懂这个问题'}${what}。`,
      query: null,
      graphql: null,
      variables: null,
      data: null,
      suggestions: EXAMPLES,
    };
  }
  const query = QUERIES.get(reading.plan.query);
  if (!query) throw new Error(`queries.graphql has no query ${reading.plan.query}`);
  const graphql = query.text;
  const result = await run(query.document, reading.plan.variables);
  const answer = result.errors?.length ? `查询出错：${result.errors.map((e) => e.message).join('；')}` : sentence(reading.plan, result.data as Data);
  return {
    ...base,
    understood: true,
    answer,
    query: reading.plan.query,
    graphql,
    variables: reading.plan.variables,
    data: result.data ?? null,
    suggestions: [],
  };
}

// ── the answer in a sentence ─────────────────────────────────────────────────

// biome-ignore lint/suspicious/noExplicitAny: the shape is that of the query run, which queries.graphql fixes
type Data = Record<string, any>;

/** At most ten items joined with 、, and 等 when there are more. */
const list = (items: string[], total = items.length) => `${items.slice(0, 10).join('、')}${total > 10 ? ` 等 ${total} 项` : ''}`;

function sentence(plan: Plan, data: Data): string {
  const v = plan.variables as Data;
  switch (plan.query) {
    case 'jurisdictions': {
      const page = data.jurisdictions;
      if (!page.totalCount) return '没有符合条件的地区。';
      return `共 ${page.totalCount} 个地区：${list(
        page.nodes.map((j: Data) => j.fullName),
        page.totalCount,
      )}。`;
    }
    case 'jurisdictionInitiatives':
    case 'jurisdictionRegulations':
    case 'jurisdictionProblems': {
      const j = data.jurisdiction;
      if (!j) return `图谱里没有 ${v.name} 的报告。`;
      if (plan.query === 'jurisdictionInitiatives')
        return `${j.fullName} 的报告提到 ${j.initiatives.totalCount} 项举措：${list(
          j.initiatives.edges.map((e: Data) => e.node.name),
          j.initiatives.totalCount,
        )}。`;
      if (plan.query === 'jurisdictionRegulations')
        return `${j.fullName} 的报告引用 ${j.regulations.totalCount} 部法规：${list(
          j.regulations.edges.map((e: Data) => `《${e.node.title}》`),
          j.regulations.totalCount,
        )}。`;
      if (!j.problemThemes.totalCount) return `${j.fullName} 的报告没有归入问题类型的问题。`;
      return `${j.fullName} 的报告反映的问题：${list(
        j.problemThemes.nodes.map((t: Data) => `${t.theme}（${t.reports} 份报告）`),
        j.problemThemes.totalCount,
      )}。`;
    }
    case 'spreadByYear':
    case 'spreadByProvince': {
      const i = data.initiative;
      if (!i) return `图谱里没有举措 ${v.initiative}。`;
      if (plan.query === 'spreadByYear')
        return `${i.name} 逐年新增的地区：${i.diffusion.byYear.map((y: Data) => `${y.year} 年 ${y.adopters} 个（累计 ${y.cumulative}）`).join('，')}。`;
      const provinces = i.diffusion.byProvince;
      return `${i.name} 见于 ${provinces.length} 个省级地区：${provinces.map((p: Data) => `${p.province} ${p.adopters} 个（最早 ${p.firstYear} 年）`).join('，')}。`;
    }
    case 'recurringProblems': {
      const page = data.recurringProblemThemes;
      if (!page.totalCount) return `没有在 ${v.minYears} 个以上年份反复出现的问题${v.theme ? `（${v.theme}）` : ''}。`;
      return `共 ${page.totalCount} 处：${list(
        page.nodes.map((r: Data) => `${r.jurisdiction.fullName} ${r.theme}（${r.years.join('、')}）`),
        page.totalCount,
      )}。`;
    }
    case 'problemsOfYear': {
      const page = data.problemThemesOfYear;
      if (!page.totalCount) return `图谱里没有 ${v.year} 年的问题。`;
      return `${v.year} 年最普遍的问题类型：${list(
        page.nodes.map((t: Data) => `${t.theme}（${t.jurisdictions} 个地区）`),
        page.totalCount,
      )}。`;
    }
    case 'shared': {
      const c = data.compareJurisdictions;
      if (!c) return `图谱里没有 ${v.a} 或 ${v.b} 的报告。`;
      return (
        `${c.a.fullName} 与 ${c.b.fullName}：共同的举措 ${c.sharedInitiatives.totalCount} 项（${
          list(
            c.sharedInitiatives.nodes.map((i: Data) => i.name),
            c.sharedInitiatives.totalCount,
          ) || '无'
        }）；` +
        `共同引用的法规 ${c.sharedRegulations.totalCount} 部（${
          list(
            c.sharedRegulations.nodes.map((r: Data) => `《${r.title}》`),
            c.sharedRegulations.totalCount,
          ) || '无'
        }）；` +
        `共同的问题类型：${c.sharedProblemThemes.join('、') || '无'}。`
      );
    }
    case 'coMentioned': {
      const i = data.initiative;
      if (!i) return `图谱里没有举措 ${v.initiative}。`;
      return `与 ${i.name} 在同一报告中出现最多的举措：${
        list(
          i.coMentioned.nodes.map((c: Data) => `${c.initiative.name}（${c.count} 份报告）`),
          i.coMentioned.totalCount,
        ) || '无'
      }。`;
    }
    case 'coCited': {
      const r = data.regulation;
      if (!r) return `图谱里没有法规《${v.regulation}》。`;
      return `与《${r.title}》在同一报告中被引用最多的法规：${
        list(
          r.coCited.nodes.map((c: Data) => `《${c.regulation.title}》（${c.count} 份报告）`),
          r.coCited.totalCount,
        ) || '无'
      }。`;
    }
  }
}
