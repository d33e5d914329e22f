// Standard output as a pipe's writing end: `govgraph stats | head` closes the
// pipe early, and that is the reader's choice, not a failure. Without a
// listener Node turns the pipe's EPIPE into an uncaught 'error' event (a
// stack trace); with this one, output stops quietly and commands that write a
// lot can ask whether anyone is still reading.
let closed = false;

export function watchStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    process.stderr.write(`govgraph: cannot write the output: ${error.message}\n`);
    process.exitCode = 1;
  });
}

/** True once the reader of standard output has gone away. */
export function stdoutClosed(): boolean {
  return closed;
}
