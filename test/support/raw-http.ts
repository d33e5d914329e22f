// A client that speaks HTTP/1.1 over a bare socket, for tests of what the
// server does with bodies it refuses and clients that send slowly: it
// announces a body and then sends it as fast as the socket takes it, or a
// few bytes at a time, and records how much it had sent when the answer came
// and whether the server closed the connection. fetch and node:http cannot
// do this (they insist on sending the whole body first).
import { connect } from 'node:net';

export interface RawExchange {
  /** The answer's status, 0 when none came. */
  status: number;
  /** The answer's head (status line and headers) and body, as text. */
  head: string;
  body: string;
  /** Body bytes the client had handed to its socket when the first byte of the answer arrived. */
  sentBeforeAnswer: number;
  /** Body bytes handed to the socket in all. */
  sent: number;
}

export interface RawRequest {
  port: number;
  /** The request line and headers, without the blank line that ends them. */
  head: string;
  /** Bytes of body to send (after the blank line). */
  bodyBytes: number;
  /** `fast`: as fast as the socket takes them; a number: that many bytes every `intervalMs`. */
  pace: 'fast' | number;
  intervalMs?: number;
  /** Send the head a byte at a time every `intervalMs` instead (a slow-headers client); no body. */
  trickleHead?: boolean;
}

/**
 * Sends the request and resolves once the connection closes. The client
 * never closes it, so resolving means the server did: a server that kept the
 * connection open would leave the promise pending (and the test timing out).
 */
export function rawExchange(request: RawRequest): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(request.port, '127.0.0.1');
    const result: RawExchange = { status: 0, head: '', body: '', sentBeforeAnswer: -1, sent: 0 };
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (result.sent < request.bodyBytes && !socket.destroyed) {
        const n = Math.min(chunk.length, request.bodyBytes - result.sent);
        result.sent += n;
        if (!socket.write(chunk.subarray(0, n))) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      if (request.trickleHead) {
        const bytes = Buffer.from(`${request.head}\r\n\r\n`);
        let at = 0;
        timer = setInterval(() => {
          if (at < bytes.length && !socket.destroyed) socket.write(bytes.subarray(at, ++at));
        }, request.intervalMs ?? 100);
        return;
      }
      socket.write(`${request.head}\r\n\r\n`);
      if (request.pace === 'fast') return pump();
      const step = request.pace;
      timer = setInterval(() => {
        if (socket.destroyed || result.sent >= request.bodyBytes) return;
        const n = Math.min(step, request.bodyBytes - result.sent);
        result.sent += n;
        socket.write(chunk.subarray(0, n));
      }, request.intervalMs ?? 100);
    });
    socket.on('data', (data) => {
      if (result.sentBeforeAnswer < 0) result.sentBeforeAnswer = result.sent;
      received += data.toString('latin1');
    });
    // Writing into a connection the server has closed fails (EPIPE, ECONNRESET): that is the point, not an error.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      const split = received.indexOf('\r\n\r\n');
      result.head = split < 0 ? received : received.slice(0, split);
      result.body = split < 0 ? '' : Buffer.from(received.slice(split + 4), 'latin1').toString('utf8');
      result.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(result.head)?.[1] ?? 0);
      resolve(result);
    });
  });
}

/** A header's value in a raw head, or null. */
export function headerOf(head: string, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return match ? match[1].trim() : null;
}
