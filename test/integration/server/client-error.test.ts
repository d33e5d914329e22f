// Requests Node's HTTP parser refuses before govgraph sees them answer with
// a JSON message saying what is wrong (src/api/client-error.ts), instead of
// Node's bare, empty "400 Bad Request"; the status stays Node's own.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../support/ask.js';
import { serveStore, type Served } from '../../support/served.js';

describe('requests the HTTP parser refuses', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveStore();
  });
  afterAll(() => served.close());

  /** Sends raw bytes and reads the whole answer (the server closes the connection). */
  const raw = (request: Buffer) =>
    new Promise<{ status: number; type: string; body: Answer | null }>((resolve, reject) => {
      const socket = connect(served.port, '127.0.0.1', () => socket.end(request));
      let text = '';
      socket
        .setEncoding('utf8')
        .on('data', (d) => (text += d))
        .on('error', reject)
        .on('close', () => {
          const [head, body] = text.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), type: /content-type: ([^\r]*)/i.exec(head)?.[1] ?? '', body: body ? JSON.parse(body) : null });
        });
    });

  it.each([
    ['Chinese text in the query', '/export/gexf?province=四川省'],
    ['Chinese text in the path', '/export/罗江区'],
  ])('%s: 400, saying to percent-encode', async (_what, path) => {
    const answer = await raw(Buffer.from(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 'utf8'));
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('application/json; charset=utf-8');
    expect(answer.body!.errors![0].message).toMatch(/^the URL holds characters that must be percent-encoded/);
  });

  it('headers over Node’s limit: 431 with a message', async () => {
    const answer = await raw(Buffer.from(`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.body!.errors![0].message).toBe('the request headers are too large');
  });

  it('anything else unparseable: 400 naming the parser’s reason', async () => {
    const answer = await raw(Buffer.from('GET /healthz HTTP/9.9\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.body!.errors![0].message).toMatch(/^the request is not valid HTTP \(.+\)$/);
  });
});
