// The README's export examples, run as a user would run them: every command
// of the ```sh block under "## Exports" is executed (the `govgraph` commands
// through the CLI on a store ingested from seed/, `curl` against a started
// server), each `# wrote …` line under a command must be what it printed,
// a trailing `# N nodes, M edges` must be what its file holds, and the
// ```json block below must be exactly what the curl command receives. A
// raw (unencoded) 罗江区 in a URL, the README's old mistake, must get a 400
// that says what is wrong.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { listen, type Listening } from '../../support/served.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-readme-'));
const work = join(scratch, 'work');
mkdirSync(work);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each CLI run is a fresh Node process with tsx: seconds apiece on a shared machine.
const SLOW = 120_000;
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const env = { ...process.env, GOVGRAPH_DATA: join(scratch, 'data'), NEO4J_URI: '' };
/** `npm run --silent govgraph -- ARGS`, without npm: the same script (tsx src/cli/main.ts), run in the scratch directory. */
const govgraph = (args: string[], cwd = work) => {
  const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const curl = (() => {
  const probe = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? { ok: false, reason: 'curl is not installed' } : { ok: true, reason: '' };
})();
if (!curl.ok) console.warn(`README export examples: the curl example is skipped: ${curl.reason}`);

/** docs/exports.md (up to a subsection, if it has any): its sh block as commands with their expectations, and its json block. */
function readmeExamples() {
  const doc = readFileSync(join(root, 'docs', 'exports.md'), 'utf8');
  const end = doc.indexOf('\n## ');
  const section = end < 0 ? doc : doc.slice(0, end);
  const block = (lang: string) => {
    const start = section.indexOf(`\`\`\`${lang}\n`);
    expect(start, `a ${lang} block at the head of docs/exports.md`).toBeGreaterThan(0);
    return section.slice(start + lang.length + 4, section.indexOf('\n```', start + 4));
  };
  const commands: { line: string; args: string[]; redirect: string | null; comment: string | null; expect: string[] }[] = [];
  for (const raw of block('sh')
    .replace(/\\\n\s*/g, '')
    .split('\n')) {
    if (raw.startsWith('#')) {
      commands.at(-1)!.expect.push(raw.slice(1).trim());
      continue;
    }
    const [, line, comment = null] = /^(.*?)(?:\s+#\s*(.*))?$/.exec(raw)!;
    // The block is plain words: no quoting, so a whitespace split is the shell's split.
    expect(line, 'the examples need no shell quoting').not.toMatch(/['"$`]/);
    const words = line.trim().split(/\s+/);
    const redirect = words.at(-2) === '>' ? words.at(-1)! : null;
    commands.push({ line, args: redirect ? words.slice(0, -2) : words, redirect, comment, expect: [] });
  }
  return { commands, json: block('json') };
}

describe('the README’s export examples', () => {
  const { commands, json } = readmeExamples();
  const cli = commands.filter((c) => c.args.slice(0, 4).join(' ') === 'npm run --silent govgraph');
  const results = new Map<string, ReturnType<typeof govgraph>>();
  let served: Listening;
  let store: EmbeddedStore;
  let base: string;

  beforeAll(async () => {
    const ingest = govgraph(['ingest', '--json', join(root, 'seed')]);
    expect(ingest.code, ingest.stderr).toBe(0);
    for (const c of cli) {
      expect(c.args[4], c.line).toBe('--');
      const r = govgraph(c.args.slice(5));
      if (c.redirect) writeFileSync(join(work, c.redirect), r.stdout);
      results.set(c.line, r);
    }
    // The server on the same data directory, once the CLI runs are done with it.
    store = await EmbeddedStore.open({ dir: env.GOVGRAPH_DATA });
    served = await listen(store);
    base = served.url;
  }, SLOW);
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it('shows three govgraph commands and a curl one', () => {
    expect(cli.map((c) => c.args[7])).toEqual(['gexf', 'graphml', 'csv']);
    expect(commands.filter((c) => c.args[0] === 'curl')).toHaveLength(1);
  });

  it('each govgraph command succeeds and prints what the README says under it', () => {
    for (const c of cli) {
      const r = results.get(c.line)!;
      expect(r.code, `${c.line}\n${r.stderr}`).toBe(0);
      const printed = `${r.stdout}\n${r.stderr}`.split('\n');
      for (const line of c.expect.filter((e) => e.startsWith('wrote'))) expect(printed, c.line).toContain(line);
    }
  });

  it('a redirected export holds the nodes and edges its comment says', () => {
    const c = cli.find((x) => x.redirect)!;
    const [, nodes, edges] = /^(\d+) nodes, (\d+) edges$/.exec(c.comment ?? '')!;
    const doc = new DOMParser().parseFromString(readFileSync(join(work, c.redirect!), 'utf8'), 'application/xml');
    expect([doc.getElementsByTagName('node').length, doc.getElementsByTagName('edge').length]).toEqual([Number(nodes), Number(edges)]);
  });

  it('the csv directory holds the import command it points to, database name first', () => {
    const c = cli.find((x) => x.args.includes('csv'))!;
    const pointer = c.expect.find((e) => e.startsWith('load them with the command in '))!;
    const file = join(work, pointer.slice('load them with the command in '.length));
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^neo4j-admin database import full neo4j \\\n {2}--nodes=nodes_Report\.csv/m);
  });

  it.skipIf(!curl.ok)(`the curl command answers exactly the JSON shown${curl.ok ? '' : ` (skipped: ${curl.reason})`}`, async () => {
    const c = commands.find((x) => x.args[0] === 'curl')!;
    const args = c.args.slice(1).map((a) => a.replace('http://localhost:4000', base));
    expect(
      args.some((a) => a.startsWith(base)),
      'the example talks to the default port',
    ).toBe(true);
    // Asynchronously: the server answering it runs in this process.
    const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail-with-body', ...args], { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(json));
  });

  it('a raw 罗江区 in the URL is a 400 whose JSON message says to percent-encode it', async () => {
    const { port } = served;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(Buffer.from('GET /export/cytoscape?jurisdiction=罗江区&nodeTypes=Jurisdiction HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'));
      });
      let text = '';
      socket
        .setEncoding('utf8')
        .on('data', (d) => (text += d))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body).errors[0].message).toMatch(/must be percent-encoded.*--data-urlencode/);
  });
});
