// How many bytes one HTTP request may make the server answer. Complexity
// counts fields; a field's bytes vary by four orders of magnitude (a year
// against a report's whole text), so a short query of aliases of `text` on a
// page of reports passes every field-count limit and answers hundreds of
// megabytes. Two guards share one limit per request (a batch's operations
// together):
// - before execution, response-estimate.ts bounds what the query may produce
//   from the sizes declared here and the page sizes it asks for, and refuses
//   what is over;
// - while the result is built, the resolvers of heavy fields charge what they
//   return to the request's ResponseBudget; past the limit the field fails and
//   every heavy field after it fails at once, before reading anything, so an
//   estimate that was wrong still stops near the limit.
import { GraphQLError } from 'graphql';

/** GOVGRAPH_MAX_RESPONSE_MB's default: 32 MB, about 500 whole reports or 16,000 sentences. */
export const DEFAULT_MAX_RESPONSE_MB = 32;
export const DEFAULT_MAX_RESPONSE_BYTES = DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/**
 * The sizes the estimate assumes, in bytes of JSON (UTF-8: a Chinese
 * character is 3 bytes). Heavy values are upper bounds with room, measured on
 * the seeds, the fresh set and the devset (322 reports, 5,500 sentences):
 * whole texts are at most 17 KB (p99 17 KB among the seeds, 2.2 KB in the
 * excerpt sets), sentences p99 ~600 B and at most 1.1 KB. A longer value
 * still costs its real size in the runtime count.
 */
export const VALUE_BYTES = {
  /** A number, enum, short name or id (the default of every field not declared). */
  light: 32,
  /** A title, file path, issuer name, problem or plan statement, section path: one line of prose. */
  line: 256,
  /** One sentence (Mention.sentence): ~1.7 × the p99, about the longest seen. */
  sentence: 1024,
  /** One report's whole text (Report.text): ~4 × the largest seed, ~21,000 Chinese characters. */
  text: 64 * 1024,
  /** The properties of one node of a subgraph (a report's text left out; a problem's or plan's statement in). */
  graphProperties: 1024,
} as const;

/**
 * What a field declares about its size (the field's `extensions.responseSize`):
 * `bytes`, the size of one value of a leaf; `items`, how many times its
 * selection is repeated, when the page-size rule of the complexity limit
 * (builder.ts) does not say it. Fields without one are light leaves or
 * objects sized by their selection.
 */
export interface SizeDeclaration {
  bytes?: number;
  items?: (args: Record<string, unknown>) => number;
}

/**
 * The mentions of one relationship (a report's mentions of one initiative, one metric's
 * statements…): 1.2 on average in the seeds, 5 at the 99th percentile, 20 at most. The complexity
 * limit counts every list it knows no size of as 10; the estimate takes the p99 here.
 */
export const MENTIONS_PER_LINK = 5;

/** The field `extensions` that declare a size: `extensions: sized({ bytes: VALUE_BYTES.text })`. */
export const sized = (declaration: SizeDeclaration) => ({ responseSize: declaration });

/** The `extensions` of a list of one relationship's mentions. */
export const linkMentions = () => sized({ items: () => MENTIONS_PER_LINK });

export function sizeOf(extensions: Record<string, unknown> | null | undefined): SizeDeclaration | undefined {
  return extensions?.responseSize as SizeDeclaration | undefined;
}

/** "32 MB", "1.6 GB": a byte count as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Bytes of a string as JSON: UTF-8 plus its quotes and escapes. */
export function jsonStringBytes(s: string): number {
  let escapes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) escapes += c === 10 || c === 13 || c === 9 || c === 8 || c === 12 ? 1 : 5;
    else if (c === 34 || c === 92) escapes += 1;
  }
  return Buffer.byteLength(s, 'utf8') + escapes + 2;
}

/** The error of a request over its budget; `http` only where no result has been started (refused before execution). */
export function responseTooLarge(message: string, http?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: RESPONSE_TOO_LARGE, ...(http ? { http: { status: http } } : {}) } });
}

/** The bytes one request's heavy fields have produced, against its limit. */
export class ResponseBudget {
  used = 0;
  exceeded = false;

  constructor(readonly limit: number) {}

  /** A budget that never refuses (contexts made outside the HTTP handler: scripts, benchmarks). */
  static unlimited(): ResponseBudget {
    return new ResponseBudget(Number.POSITIVE_INFINITY);
  }

  private refusal(coordinate: string): GraphQLError {
    return responseTooLarge(
      `the answer passed this server's limit of ${formatBytes(this.limit)} per request while ${coordinate} was being filled in; ask for fewer items (a smaller \`first\`) or fewer fields and aliases, and page through in several requests`,
    );
  }

  /** Before a heavy field does any work: throws once the budget is spent. */
  ensure(coordinate: string): void {
    if (this.exceeded) throw this.refusal(coordinate);
  }

  /** Counts `bytes` of a value about to be returned; throws, and spends the budget, when they do not fit. */
  charge(bytes: number, coordinate: string): void {
    if (this.exceeded || this.used + bytes > this.limit) {
      this.exceeded = true;
      throw this.refusal(coordinate);
    }
    this.used += bytes;
  }

  /** A string value counted as JSON, then returned. */
  chargeString(value: string, coordinate: string): string {
    this.charge(jsonStringBytes(value), coordinate);
    return value;
  }
}
