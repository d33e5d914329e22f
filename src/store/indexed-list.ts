// The rows of the lists the co-occurrence index can give. The reports by their
// own properties (reports_list_by_properties, "the newest reports"): the page's
// ids picked in one pass over the index's reports, their properties read by
// reports_by_ids (the statement sorts every report: 123 ms at 50,000).
// jurisdictions_list_by_initiative_rollup (and its `_among` form)
// made from the co-occurrence index: the initiatives the list starts from are
// matched by the statement's own condition (initiatives_named, on the same
// snapshot), the index walks their rollup and orders the jurisdictions that
// fit, and the page's nodes are read by jurisdictions_by_keys. "Which counties
// mention 三项制度" costs the initiative's rollup entries, not a sort of every
// county by the engine (2,682 of them at 50,000 reports).
// test/integration/store/cooccurrence-index.test.ts holds the two to the same rows.
import type { CooccurrenceIndex, ListAsk, ListStatement, ReportListAsk } from './cooccurrence-index.js';
import type { ParamsOf, RowOf, StatementName } from './catalogue.js';
import type { Row } from './rows.js';

/** Reads nodes by key with one of the keyed load statements. */
export type NodeLoader = (statement: StatementName, params: Record<string, unknown>) => Promise<Row[]>;

/**
 * The nodes of `keys` read by a keyed load statement (its parameter `param`, its columns `keyColumn`
 * and `nodeColumn`), by key; null when one of them is missing (deleted since the index counted it).
 */
export async function nodesByKey(
  load: NodeLoader,
  statement: StatementName,
  param: string,
  keys: readonly string[],
  keyColumn: string,
  nodeColumn: string,
): Promise<Map<string, unknown> | null> {
  const nodes = new Map<string, unknown>();
  if (keys.length) for (const row of await load(statement, { [param]: keys })) nodes.set(String(row[keyColumn]), row[nodeColumn]);
  return keys.every((key) => nodes.has(key)) ? nodes : null;
}

const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isNumber = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value));
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The list's parameters as the index takes them, or null when one is not what the API sends (the statement has its own rules for the rest). */
function askOf(params: Record<string, unknown>): ListAsk | null {
  const { yearFrom, yearTo, level, province, prefecture, text, orderBy, descending, skip, limit } = params;
  if (!isNumber(yearFrom) || !isNumber(yearTo) || !isText(level) || !isText(province) || !isText(prefecture) || !isText(text)) return null;
  if (typeof orderBy !== 'string' || typeof descending !== 'boolean' || !isCount(skip) || !isCount(limit)) return null;
  // (a lone surrogate could match half of a character in JS, never in the engine: /u sees pairs as one code point)
  if (text !== null && /\p{Surrogate}/u.test(text)) return null;
  return { yearFrom, yearTo, level, province, prefecture, text, orderBy, descending, skip, limit };
}

/** The report list's parameters as the index takes them, or null when one is not what the API sends. */
function reportAskOf(params: Record<string, unknown>): ReportListAsk | null {
  const { yearFrom, yearTo, issuerType, jurisdictionKeys, oldestFirst, skip, limit } = params;
  if (!isNumber(yearFrom) || !isNumber(yearTo) || !isText(issuerType) || typeof oldestFirst !== 'boolean' || !isCount(skip) || !isCount(limit)) return null;
  if (jurisdictionKeys !== null && !(Array.isArray(jurisdictionKeys) && jurisdictionKeys.every((key) => typeof key === 'string'))) return null;
  return { yearFrom, yearTo, issuerType, jurisdictionKeys, oldestFirst, skip, limit };
}

/** The statement's one row for the graph as it was after commit `state`, from the index; null when the index cannot give it exactly. */
export async function listFromIndex<N extends ListStatement>(
  index: CooccurrenceIndex,
  state: number,
  name: N,
  params: ParamsOf<N>,
  load: NodeLoader,
): Promise<RowOf<N>[] | null> {
  const given = params as Record<string, unknown>;
  if (name === 'reports_list_by_properties') {
    const ask = reportAskOf(given);
    const listed = ask && index.answerAt(state, () => index.reportsListed(ask));
    if (!listed) return null;
    const reports = await nodesByKey(load, 'reports_by_ids', 'ids', listed.ids, 'id', 'report');
    if (!reports) return null;
    return [{ reports: listed.ids.map((id) => reports.get(id)), total: listed.total }] as RowOf<N>[];
  }
  const ask = askOf(given);
  if (!ask || !Array.isArray(given.initiatives)) return null;
  const among = name === 'jurisdictions_list_by_initiative_rollup_among';
  if (among && !Array.isArray(given.candidates)) return null;
  const matching = { initiatives: given.initiatives, initiativeCategory: given.initiativeCategory ?? null, ...(among ? { candidates: given.candidates } : {}) };
  const names = (await load(among ? 'initiatives_named_among' : 'initiatives_named', matching)).map((row) => String(row.name));
  const listed = index.answerAt(state, () => index.jurisdictionsMentioning(names, ask));
  if (!listed) return null;
  const nodes = await nodesByKey(load, 'jurisdictions_by_keys', 'keys', listed.keys, 'key', 'jurisdiction');
  if (!nodes) return null;
  return [{ jurisdictions: listed.keys.map((key) => nodes.get(key)), total: listed.total }] as RowOf<N>[];
}
