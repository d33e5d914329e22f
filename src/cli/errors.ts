// How the CLI fails: a usage error exits 2 with the command's help hint; any
// other error prints its message (never a stack trace, unless GOVGRAPH_DEBUG
// is set) and exits 1.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function reportFatal(error: unknown, debug = false): number {
  if (error instanceof UsageError) {
    process.stderr.write(`govgraph: ${error.message}\nRun "govgraph --help" for usage.\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govgraph: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
