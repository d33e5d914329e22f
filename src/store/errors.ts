// Failures a user can act on. The CLI and the API print their message as is;
// anything else is an internal error and is masked.
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Another process holds the embedded data directory. */
export class StoreLockedError extends StoreError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLockedError';
  }
}

/** The statement name is not a file of cypher/: a programming error, caught by the conformance suite. */
export class UnknownStatementError extends StoreError {
  constructor(name: string) {
    super(`no Cypher statement named "${name}" in cypher/`);
    this.name = 'UnknownStatementError';
  }
}

/** The report graph handed to the store is malformed (a bug upstream, reported clearly). */
export class InvalidReportError extends StoreError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReportError';
  }
}

/** The file system is out of space (Node's ENOSPC, or an engine's "os error 28"). */
export function isNoSpace(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code === 'ENOSPC' || /No space left on device|os error 28/i.test(e?.message ?? '');
}
