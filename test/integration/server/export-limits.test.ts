// /export rationed, on a real port: a server-wide number of exports at once
// (the rest 503 with Retry-After), a cap on the reports an export without
// the token covers, and a client that stops reading holding the export
// back rather than making the server buffer it.
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../src/store/types.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { syntheticReport } from '../../support/graphs.js';
import { listen, type Listening, type Served, serveStore } from '../../support/served.js';

const TOKEN = 'export-token';
const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string }[] }).errors[0].message;

/** The store, with every read of export_nodes held until `open()` is called. */
function heldStore(store: GraphStore): { store: GraphStore; open(): void; reached: Promise<void> } {
  let open!: () => void;
  let reachedResolve!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    reachedResolve = resolve;
  });
  const held = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'run') return Reflect.get(target, property, receiver);
      return async (name: string, params?: unknown) => {
        if (name === 'export_nodes') {
          reachedResolve();
          await gate;
        }
        return (target.run as (n: string, p?: unknown) => Promise<unknown>)(name, params);
      };
    },
  });
  return { store: held, open, reached };
}

describe('exports at once', () => {
  let inner: EmbeddedStore;
  let served: Listening;
  let hold: ReturnType<typeof heldStore>;
  beforeAll(async () => {
    inner = await EmbeddedStore.open();
    for (let i = 0; i < 3; i++) await inner.upsertReport(syntheticReport(i));
    hold = heldStore(inner);
    served = await listen(hold.store, { token: TOKEN, exportLimits: { concurrency: 1, anonymousReports: 2 } });
  });
  afterAll(async () => {
    await served.close();
    await inner.close();
  });

  const withToken = { headers: { authorization: `Bearer ${TOKEN}` } };

  it('one beyond the limit is answered 503 with Retry-After; the slot frees when the export ends', async () => {
    const first = fetch(`${served.url}/export/graphml`, withToken);
    await hold.reached;
    const second = await fetch(`${served.url}/export/cytoscape`, withToken);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('10');
    expect(await errorOf(second)).toBe('the server is already writing 1 exports, its limit; try again in 10 s');
    // The index of exports and of a CSV export's parts stream nothing: they need no slot.
    expect((await fetch(`${served.url}/export`)).status).toBe(200);
    expect((await fetch(`${served.url}/export/csv`)).status).toBe(200);
    // An export refused for its size is told so at once, slot or no slot.
    expect((await fetch(`${served.url}/export/cytoscape`)).status).toBe(403);
    hold.open();
    const done = await first;
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/<\/graphml>\s*$/);
    const third = await fetch(`${served.url}/export/cytoscape`, withToken);
    expect(third.status).toBe(200);
    expect((await third.json()).elements.nodes.length).toBeGreaterThan(0);
  });

  it('a client that goes away mid-export frees its slot', async () => {
    const controller = new AbortController();
    const cut = fetch(`${served.url}/export/graphml`, { ...withToken, signal: controller.signal }).then(
      (r) => r.text(),
      () => '',
    );
    controller.abort();
    await cut;
    // The server notices the closed socket when it next writes; poll until the slot is free again.
    let status = 503;
    for (let i = 0; i < 100 && status === 503; i++) {
      const answer = await fetch(`${served.url}/export/cytoscape`, withToken);
      status = answer.status;
      await answer.arrayBuffer();
      if (status === 503) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
  });
});

describe('exports without the token', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveStore({ token: TOKEN, exportLimits: { anonymousReports: 3 } });
    for (let i = 0; i < 5; i++) await served.store.upsertReport(syntheticReport(i));
  });
  afterAll(() => served.close());

  it('cover at most the anonymous cap: the whole graph of 5 reports is refused with what to do instead', async () => {
    const refused = await fetch(`${served.url}/export/graphml`);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatch(
      /^this export covers 5 reports; an export without the token may cover at most 3: narrow it with filters .*Authorization: Bearer <GOVGRAPH_TOKEN>.*govgraph export/,
    );
    const wrongToken = await fetch(`${served.url}/export/graphml`, { headers: { authorization: 'Bearer guess' } });
    expect(wrongToken.status).toBe(403);
  });

  it('a filter selecting more than the cap is refused; one within it is served', async () => {
    // synthetic reports i have years 2016 + i
    const wide = await fetch(`${served.url}/export/cytoscape?year=2016..2019`);
    expect(wide.status).toBe(403);
    expect(await errorOf(wide)).toMatch(/^this export covers more than 3 reports/);
    const narrow = await fetch(`${served.url}/export/cytoscape?year=2016..2017`);
    expect(narrow.status).toBe(200);
    const reports = (await narrow.json()).elements.nodes.filter((n: { data: { type: string } }) => n.data.type === 'Report');
    expect(reports).toHaveLength(2);
  });

  it('with the token the cap does not apply; a CSV index and HEAD are not capped', async () => {
    const whole = await fetch(`${served.url}/export/graphml`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(whole.status).toBe(200);
    expect((await whole.text()).match(/<data key="n_type">Report<\/data>/g)).toHaveLength(5);
    expect((await fetch(`${served.url}/export/csv`)).status).toBe(200);
    expect((await fetch(`${served.url}/export/graphml`, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('a client that stops reading', () => {
  let served: Served;
  // Reports whose texts make a full-detail export larger than the socket buffers between client and server.
  const REPORTS = 120;
  const PAD = '依法行政，建设法治政府。'.repeat(6000);
  beforeAll(async () => {
    served = await serveStore({ exportLimits: { anonymousReports: REPORTS } });
    for (let i = 0; i < REPORTS; i++) {
      const report = syntheticReport(i);
      await served.store.upsertReport({ ...report, text: report.text + PAD });
    }
  }, 120_000);
  afterAll(() => served.close());

  it('holds the export back: the server hands the socket a bounded part of it, and the rest once the client reads again', async () => {
    let response: ServerResponse | undefined;
    served.server.on('request', (req, res) => {
      if (req.url?.startsWith('/export/graphml')) response = res;
    });
    const socket = connect(served.port, '127.0.0.1');
    const received: Buffer[] = [];
    const ended = new Promise<void>((resolve) => socket.on('end', resolve));
    socket.on('data', (data) => {
      received.push(data);
      // The head has come: stop reading, as a client on a stalled link would.
      if (received.length === 1) socket.pause();
    });
    socket.write('GET /export/graphml?detail=full HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');

    // Wait until the server stops handing bytes to the socket: it is waiting for 'drain'.
    let last = -1;
    let steady = 0;
    for (let i = 0; i < 300 && steady < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = response?.socket?.bytesWritten ?? -1;
      steady = now === last && now > 0 ? steady + 1 : 0;
      last = now;
    }
    expect(response).toBeDefined();
    expect(response!.writableEnded).toBe(false);
    const stalledAt = last;

    socket.resume();
    await ended;
    // (the body arrives in chunked encoding: its end is the last chunk after </graphml>)
    const body = Buffer.concat(received).toString('utf8');
    expect(/<\/graphml>\s*\r\n0\r\n\r\n$/.test(body)).toBe(true);
    expect(body.match(/<data key="n_type">Report<\/data>/g)?.length).toBe(REPORTS);
    const total = Buffer.byteLength(body);
    expect(total).toBeGreaterThan(20 * 1024 * 1024);
    // Without backpressure the server would have written all of it while the client was not reading.
    expect(stalledAt).toBeLessThan(total / 2);
  }, 120_000);
});
