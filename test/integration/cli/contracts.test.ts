// The command-line contracts other tools rely on (DESIGN.md): extract prints
// JSON Lines, one object per file, a failing file as {"file", "error"} while
// the others go on; exit codes 0 / 1 / 2; errors as one line, no stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function govgraph(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GOVGRAPH_DATA: join(scratch, 'data'), NEO4J_URI: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('govgraph extract', () => {
  it('prints one JSON object per file in the contract, and an error line for a file that fails', () => {
    const news = join(scratch, 'news.txt');
    writeFileSync(news, '今天天气很好。'.repeat(80));
    const { code, stdout, stderr } = govgraph(['extract', 'seed/003_a60db31662cb9267.txt', news]);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual([
      'file',
      'reportId',
      'title',
      'year',
      'jurisdiction',
      'issuer',
      'regulations',
      'initiatives',
      'problems',
      'plans',
      'metrics',
    ]);
    expect(lines[0]).toMatchObject({
      file: 'seed/003_a60db31662cb9267.txt',
      year: 2021,
      jurisdiction: { name: '昌江区', adminCode: '360202', level: 'county' },
    });
    expect(lines[0].regulations[0]).toMatchObject({
      title: expect.any(String),
      surface: expect.any(Array),
      kind: expect.any(String),
      action: expect.any(String),
      count: expect.any(Number),
    });
    expect(lines[1]).toEqual({ file: expect.stringMatching(/news\.txt$/), error: expect.stringMatching(/^not a report: /) });
  });

  it('exits 0 when every file was extracted', () => {
    expect(govgraph(['extract', 'seed/000_57fba77e8415ad5a.txt']).code).toBe(0);
  });
});

describe('usage errors', () => {
  it('exit 2 with a one-line message', () => {
    const unknown = govgraph(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const missing = govgraph(['extract']);
    expect(missing.code).toBe(2);
    expect(govgraph(['ingest', '--bogus', 'x']).code).toBe(2);
  });

  it('every command has help', () => {
    for (const command of ['extract', 'ingest', 'serve', 'eval', 'stats', 'schema']) {
      const help = govgraph([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: govgraph /);
    }
  });
});

describe('as a command', () => {
  it('--version names the package, the extractor and Node.js versions', () => {
    const { code, stdout } = govgraph(['--version']);
    expect(code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(stdout.trim()).toMatch(new RegExp(`^govgraph ${version.replace(/\./g, '\\.')} \\(extractor \\d+\\.\\d+\\.\\d+, Node\\.js v\\d+`));
  });

  it("is the package's bin, runnable without tsx on the command line", () => {
    const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const run = spawnSync(process.execPath, [join(root, bin.govgraph), '--help'], { cwd: scratch, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^govgraph — /);
  });

  it('ends quietly when the reader of its output goes away (extract … | head)', () => {
    // Four copies of the samples: far more output than a pipe holds, so the
    // writes go on after head has closed the pipe.
    const run = spawnSync(
      'bash',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${PIPESTATUS[0]} is bash's, expanded by the shell
      ['-c', 'node --import tsx src/cli/main.ts extract seed seed seed seed | head -c 100 >/dev/null; echo "exit ${PIPESTATUS[0]}" >&2'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: '' },
      },
    );
    expect(run.stderr.trim()).toBe('exit 0');
  });
});

describe('on a platform without the embedded engine', () => {
  const withoutEngine = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/support/without-engine.mjs', 'src/cli/main.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GOVGRAPH_DATA: join(scratch, 'no-engine'), NEO4J_URI: '', ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('extracts as anywhere else', () => {
    const { code, stdout } = withoutEngine(['extract', 'seed/003_a60db31662cb9267.txt']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).jurisdiction.name).toBe('昌江区');
  });

  it('says in one line that the embedded store cannot run here, and names NEO4J_URI', () => {
    const { code, stderr } = withoutEngine(['stats']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `govgraph: the embedded store's engine (Grafeo) cannot be loaded on this platform (${process.platform}-${process.arch}): set NEO4J_URI to use a Neo4j server instead (README, "Platforms")\n`,
    );
  });

  it('with NEO4J_URI set, never loads it: the answer is about Neo4j', () => {
    const { code, stderr } = withoutEngine(['stats'], { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' });
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/Grafeo|native binding/);
    expect(stderr).toMatch(/^govgraph: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9.*\n$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('govgraph ingest and stats', () => {
  it('ingests a folder, skips it the second time, and counts', () => {
    const first = govgraph(['ingest', '--json', 'seed']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ files: 5, created: 5, failed: [], refused: [] });
    const second = govgraph(['ingest', '--json', 'seed']);
    expect(JSON.parse(second.stdout)).toMatchObject({ files: 5, created: 0, unchanged: 5 });
    const stats = JSON.parse(govgraph(['stats', '--json']).stdout);
    expect(stats.byLabel.Report).toBe(5);
  });

  it('answers a question in Chinese from what was ingested, and refuses one it cannot read (exit 1)', () => {
    const answered = govgraph(['ask', '--json', '台前县引用了哪些法规']);
    expect(answered.code).toBe(0);
    const answer = JSON.parse(answered.stdout);
    expect(answer).toMatchObject({ understood: true, query: 'jurisdictionRegulations', variables: { name: '河南省濮阳市台前县' } });
    expect(answer.data.jurisdiction.regulations.totalCount).toBeGreaterThan(0);
    const refused = govgraph(['ask', '罗江区的GDP是多少']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('GDP');
    expect(refused.stdout).toContain('可以这样问');
    expect(refused.stderr).toBe('');
  });

  it('names a missing path clearly', () => {
    const { code, stderr } = govgraph(['ingest', 'no/such/dir']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('govgraph: no such file or directory: no/such/dir');
  });
});

describe('govgraph ingest --to-csv', () => {
  it('writes the neo4j-admin files and the command into a new directory, opening no store', () => {
    const out = join(scratch, 'csv');
    const data = join(scratch, 'no-store');
    const { code, stdout } = govgraph(['ingest', '--json', '--to-csv', out, 'seed'], { GOVGRAPH_DATA: data });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ files: 5, created: 5, failed: [], refused: [], csv: { nodes: 544, relationships: 659 } });
    const files = readdirSync(out);
    expect(files).toContain('neo4j-admin-import.txt');
    expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(summary.csv.files.length);
    expect(readFileSync(join(out, 'neo4j-admin-import.txt'), 'utf8')).toContain('neo4j-admin database import full neo4j');
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a directory that holds anything, and --dry-run beside it, as usage errors', () => {
    const full = join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'mine.txt'), 'keep me');
    const taken = govgraph(['ingest', '--to-csv', full, 'seed']);
    expect(taken.code).toBe(2);
    expect(taken.stderr.split('\n')[0]).toMatch(/^govgraph: .*full is not empty \(1 entries\); give a new or empty directory for the CSV files$/);
    expect(readFileSync(join(full, 'mine.txt'), 'utf8')).toBe('keep me');
    const both = govgraph(['ingest', '--dry-run', '--to-csv', join(scratch, 'other'), 'seed']);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('govgraph: --to-csv writes files and --dry-run writes nothing: give one of them');
  });
});
