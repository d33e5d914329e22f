// Answering a request whose body the server will not read. Draining a
// refused body (req.resume()) costs the server the whole upload's time and
// bandwidth; keeping the connection open for the next request would too,
// since HTTP/1.1 must read past the body to find it. So the answer says
// `Connection: close` and the socket is destroyed once the answer has been
// handed to the kernel: the unread rest of the body is never taken in.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A JSON error answer, then the connection closed without reading the body. */
export function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.shouldKeepAlive = false;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    connection: 'close',
    ...headers,
  });
  res.end(text, () => req.socket.destroy());
}
