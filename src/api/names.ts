// What a user's term may stand for. Lookups and filters are alias-aware:
// the term as typed, plus the canonical form the extractor's knowledge gives.
import { canonicalRegulationTitle, resolveInitiativeName } from '../extract/index.js';

/** Every name a user's initiative term may stand for: the term and its canonical form. */
export function initiativeNames(term: string): string[] {
  const trimmed = term.trim().replace(/^[“"「]|[”"」]$/g, '');
  return [...new Set([trimmed, resolveInitiativeName(trimmed)].filter((x): x is string => Boolean(x)))];
}

/** Every title a user's regulation term may stand for: as typed and canonicalized. */
export function regulationTitles(term: string): string[] {
  const trimmed = term.trim();
  return [...new Set([trimmed, trimmed.replace(/^《|》$/g, ''), canonicalRegulationTitle(trimmed)].filter(Boolean))];
}

/** The item whose key sorts first (as the lookups' ORDER BY name would put it). */
export function firstBy<T>(items: T[], key: (item: T) => string): T {
  return items.reduce((best, item) => (key(item) < key(best) ? item : best));
}
