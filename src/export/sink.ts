// Where an export's text goes: a file, stdout or an HTTP response. Writers
// await each write, so a slow reader (a client on a slow link) slows the
// store reads down instead of letting output pile up in memory.
import type { Writable } from 'node:stream';

export interface Sink {
  /** Text, or text already encoded as UTF-8. */
  write(chunk: string | Uint8Array): Promise<void>;
}

/**
 * A sink on a Node stream, honouring backpressure. It fails with the
 * stream's own error (a file that cannot be written) or when the stream
 * closes first (a client that went away), instead of waiting forever.
 */
export function streamSink(stream: Writable): Sink {
  let failure: Error | null = null;
  // Listening for good: an 'error' nobody listens to would end the process.
  stream.on('error', (error) => {
    failure ??= error;
  });
  const closed = () => failure ?? new Error('the output was closed before the export finished');
  return {
    write(chunk) {
      if (failure || stream.destroyed || stream.writableEnded) return Promise.reject(closed());
      if (stream.write(chunk)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off('drain', onDrain);
          stream.off('close', onClose);
          stream.off('error', onError);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(closed());
        const onError = (error: Error) => done(error);
        stream.on('drain', onDrain).on('close', onClose).on('error', onError);
      });
    },
  };
}

/** A sink collecting into a string (tests). */
export function stringSink(): Sink & { text(): string } {
  const parts: string[] = [];
  return {
    write: async (chunk) => void parts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    text: () => parts.join(''),
  };
}
