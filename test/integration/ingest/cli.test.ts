// govgraph ingest and extract on real-world input: a folder of reports in
// every format with bad files among them, through the CLI as a user runs it
// (node --import tsx, a fresh embedded store), and the worker pool in-process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { encodeText, gbkSafe, governmentPage, scannedPdf, textPdf, wordDocument } from '../../fixtures/ingest-fixtures.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-ingest-cli-'));
const inbox = join(scratch, 'inbox');
const good = join(scratch, 'good');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seed = (name: string) => readFileSync(join(root, 'seed', name), 'utf8');

function govgraph(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GOVGRAPH_DATA: join(scratch, 'data'), NEO4J_URI: '', GOVGRAPH_MAX_FILE_MB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  // five reports, each in another format, one of them twice (GBK and UTF-8 with BOM: the same report)
  mkdirSync(join(inbox, 'web'), { recursive: true });
  mkdirSync(join(inbox, 'word'), { recursive: true });
  mkdirSync(good, { recursive: true });
  writeFileSync(join(inbox, '000.gbk.txt'), encodeText(gbkSafe(seed('000_57fba77e8415ad5a.txt')), 'gbk'));
  writeFileSync(join(inbox, '000.utf8.txt'), encodeText(gbkSafe(seed('000_57fba77e8415ad5a.txt')), 'utf8bom'));
  writeFileSync(join(inbox, '001.utf16.txt'), encodeText(seed('001_1fa361cb2236cbad.txt'), 'utf16le'));
  writeFileSync(
    join(inbox, 'web', '003.html'),
    governmentPage(seed('003_a60db31662cb9267.txt'), {
      title: '昌江区2021年法治政府建设年度报告',
      published: '2022-01-20',
      url: 'http://www.ccjq.gov.cn/art/1.html',
      host: '景德镇市昌江区人民政府',
      charset: 'gbk',
    }),
  );
  writeFileSync(join(inbox, 'word', '002.docx'), await wordDocument(seed('002_e16b5b0ac8f1af42.txt')));
  writeFileSync(join(inbox, '004.pdf'), textPdf(seed('004_8fc203b02800c486.txt')));
  // and what a real folder also holds
  writeFileSync(join(inbox, 'empty.txt'), '');
  writeFileSync(join(inbox, 'news.txt'), '今天天气很好,市民纷纷走出家门,到公园散步赏花。'.repeat(20));
  writeFileSync(join(inbox, 'old.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  writeFileSync(join(inbox, 'scan.pdf'), scannedPdf());
  writeFileSync(join(inbox, 'style.css'), 'body { color: red }'); // not a document: ignored by the walk
  writeFileSync(join(good, '004.pdf'), textPdf(seed('004_8fc203b02800c486.txt')));
  writeFileSync(
    join(good, '001.html'),
    governmentPage(seed('001_1fa361cb2236cbad.txt'), {
      title: '台前县关于2021年法治政府建设工作情况的报告',
      published: '2022-01-26',
      url: 'http://www.taiqian.gov.cn/1.html',
      host: '台前县人民政府',
      charset: 'utf-8',
    }),
  );
});

describe('govgraph ingest on a folder of mixed formats with bad files', () => {
  it('ingests every report, refuses each bad file with its reason, exits 1, and uses the worker pool', () => {
    const { code, stdout, stderr } = govgraph(['ingest', '--json', '--workers', '2', inbox]);
    expect(code, stderr).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ files: 10, created: 5, ingested: 5, unchanged: 1, replaced: 0, failed: [], workers: 2 });
    // the stylesheet is not read, but counted
    expect(summary.skipped).toEqual({ count: 1, byExtension: { '.css': 1 } });
    const reasons = Object.fromEntries(summary.refused.map((o: { file: string; reason: string }) => [o.file.split('/').pop(), o.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['empty.txt', 'news.txt', 'old.doc', 'scan.pdf']);
    expect(reasons['empty.txt']).toBe('the file is empty');
    expect(reasons['news.txt']).toMatch(/^not a report: /);
    expect(reasons['old.doc']).toMatch(/^unsupported format "\.doc".*supported are/);
    expect(reasons['scan.pdf']).toMatch(/no text layer/);
    // not a terminal: one plain line per file, [n/total]
    expect(stderr).toMatch(/^\[ ?\d+\/10\] created +.*003\.html$/m);
    expect(stderr).not.toContain('style.css');
  });

  it('re-running skips every stored report and says so', () => {
    const { code, stdout, stderr } = govgraph(['ingest', inbox, '--workers', '1']);
    expect(code).toBe(1); // the bad files are still bad
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^\[ ?\d+\/10\] unchanged +.*004\.pdf: already in the store/m);
    expect(stderr).toMatch(/0 ingested \(0 created, 0 replaced\), 6 unchanged \(already stored, skipped\), 4 refused, 0 failed/);
    expect(stderr).toMatch(/refused +.*old\.doc: unsupported format/);
    expect(stderr).toMatch(/^1 other file\(s\) not read \(\.css 1\): supported are \.txt .*\.pdf/m);
  });

  it('exits 0 when every file is a report; --dry-run writes nothing', () => {
    const dry = govgraph(['ingest', '--dry-run', '--json', good]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ files: 2, extracted: 2, created: 0, unchanged: 0 });
    const real = govgraph(['ingest', '--json', good]);
    expect(real.code).toBe(0);
    // both reports were stored from the inbox in other formats (004 as the same PDF, 001 as UTF-16 text: the page's
    // article is that text, so it is the same report, with the same id)
    expect(JSON.parse(real.stdout)).toMatchObject({ files: 2, created: 0, unchanged: 2, refused: [], failed: [] });
  });

  it('takes globs and the size limit', () => {
    const glob = govgraph(['ingest', '--dry-run', '--json', `${inbox}/**/*.{html,docx}`]);
    expect(glob.code).toBe(0);
    expect(JSON.parse(glob.stdout)).toMatchObject({ files: 2, extracted: 2 });
    const limited = govgraph(['ingest', '--dry-run', '--json', '--max-size', '0.005', join(inbox, '004.pdf'), join(inbox, '000.gbk.txt')]);
    expect(limited.code).toBe(1);
    expect(JSON.parse(limited.stdout).refused.map((o: { reason: string }) => o.reason)).toEqual([
      expect.stringMatching(/over the 5243 bytes limit/),
      expect.stringMatching(/over the 5243 bytes limit/),
    ]);
    const fromEnv = govgraph(['ingest', '--dry-run', '--json', join(inbox, '004.pdf')], { GOVGRAPH_MAX_FILE_MB: '0.005' });
    expect(JSON.parse(fromEnv.stdout).refused).toHaveLength(1);
  });

  it('usage errors exit 2 with one line', () => {
    for (const args of [
      ['ingest'],
      ['ingest', 'no/such/dir'],
      ['ingest', 'no/such/*.pdf'],
      ['ingest', '--max-size', 'lots', inbox],
      ['ingest', '--workers', '0', inbox],
      ['ingest', '--frobnicate', inbox],
    ]) {
      const { code, stderr } = govgraph(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.split('\n')[0], args.join(' ')).toMatch(/^govgraph: /);
    }
  });

  it('--help is complete', () => {
    const { code, stdout } = govgraph(['ingest', '--help']);
    expect(code).toBe(0);
    for (const word of [
      '--dry-run',
      '--json',
      '--max-size',
      'GOVGRAPH_MAX_FILE_MB',
      '--workers',
      '.docx',
      '.pdf',
      '.html',
      'GBK',
      'glob',
      'unchanged',
      'Exit code',
      'progress',
    ])
      expect(stdout).toContain(word);
  });
});

describe('a directory walk loses nothing', () => {
  const odd = join(scratch, 'odd');
  beforeAll(() => {
    // a report reached through a link to a file and again through a link to its folder, a link back up (a cycle),
    // a dangling link, other files, and hidden ones
    mkdirSync(join(odd, 'sub'), { recursive: true });
    mkdirSync(join(scratch, 'elsewhere'), { recursive: true });
    writeFileSync(join(scratch, 'elsewhere', '004.pdf'), textPdf(seed('004_8fc203b02800c486.txt')));
    symlinkSync(join(scratch, 'elsewhere', '004.pdf'), join(odd, 'linked.pdf'));
    symlinkSync(join(scratch, 'elsewhere'), join(odd, 'linked-folder'));
    symlinkSync('..', join(odd, 'sub', 'up'));
    symlinkSync(join(scratch, 'nowhere.txt'), join(odd, 'dangling.txt'));
    writeFileSync(
      join(odd, 'sub', '001.html'),
      governmentPage(seed('001_1fa361cb2236cbad.txt'), {
        title: '台前县关于2021年法治政府建设工作情况的报告',
        published: '2022-01-26',
        url: 'http://www.taiqian.gov.cn/1.html',
        host: '台前县人民政府',
        charset: 'utf-8',
      }),
    );
    for (const name of ['report.md', 'report.mht', 'reports.zip', 'sub/notes.md', 'README']) writeFileSync(join(odd, name), seed('000_57fba77e8415ad5a.txt'));
    writeFileSync(join(odd, '.hidden.txt'), seed('000_57fba77e8415ad5a.txt'));
    mkdirSync(join(scratch, 'empty'));
    mkdirSync(join(scratch, 'others'));
    writeFileSync(join(scratch, 'others', 'a.zip'), 'PK');
    writeFileSync(join(scratch, 'others', '.keep'), '');
  });

  it('follows links to files and folders (each file once, a cycle walked once) and counts the files it does not read', () => {
    const { code, stdout, stderr } = govgraph(['ingest', '--dry-run', '--json', odd]);
    const summary = JSON.parse(stdout);
    // linked.pdf (once, though linked-folder holds it too), sub/001.html, and the dangling link, which fails with its reason
    expect(summary).toMatchObject({ files: 3, extracted: 2, refused: [] });
    expect(summary.failed).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/dangling\.txt$/), reason: expect.stringMatching(/cannot read the file: ENOENT/) }),
    ]);
    expect(summary.skipped).toEqual({ count: 5, byExtension: { '.md': 2, '.mht': 1, '.zip': 1, '(no extension)': 1 } });
    expect(code, stderr).toBe(1);
    const text = govgraph(['ingest', '--dry-run', odd]);
    expect(text.stderr).toContain('5 other file(s) not read ((no extension) 1, .md 2, .mht 1, .zip 1): supported are .txt');
  });

  it('paths that hold no report file exit 2 with one line saying so (hidden files are not read)', () => {
    const empty = govgraph(['ingest', join(scratch, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')[0]).toMatch(/^govgraph: no report files in .*empty, nor other files \(hidden ones are not read\): supported are \.txt/);
    const others = govgraph(['ingest', '--json', join(scratch, 'others'), join(scratch, 'empty')]);
    expect(others.code).toBe(2);
    expect(others.stdout).toBe('');
    expect(others.stderr.split('\n')[0]).toMatch(
      /^govgraph: no report files in .*others, .*empty: 1 other file\(s\) not read \(\.zip 1\): supported are \.txt/,
    );
  });
});

describe('govgraph extract takes the same formats', () => {
  it('prints the same extraction for a report as text and as .docx, and an error line for a scan', () => {
    const docx = join(inbox, 'word', '002.docx');
    const { code, stdout } = govgraph(['extract', 'seed/002_e16b5b0ac8f1af42.txt', docx, join(inbox, 'scan.pdf')]);
    expect(code).toBe(1);
    const [fromText, fromWord, scan] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const essence = (r: { jurisdiction: unknown; year: number; regulations: { title: string }[]; initiatives: { name: string }[] }) => [
      r.jurisdiction,
      r.year,
      r.regulations.map((x) => x.title),
      r.initiatives.map((x) => x.name),
    ];
    expect(essence(fromWord)).toEqual(essence(fromText));
    expect(scan).toEqual({ file: expect.stringMatching(/scan\.pdf$/), error: expect.stringMatching(/no text layer/) });
  });
});

describe('the worker pool', () => {
  it('extracts on worker threads when run under vitest too, and a missing worker never loses a file', async () => {
    const outcomes: string[] = [];
    const summary = await ingestPaths(null, [inbox], { workers: 2, onFile: (o) => outcomes.push(o.status) });
    expect(summary).toMatchObject({ files: 10, extracted: 6, workers: 2, failed: [] });
    expect(summary.refused).toHaveLength(4);
    expect(outcomes).toHaveLength(10);
  });

  it('gives the same result on the main thread (workers: 0)', async () => {
    const summary = await ingestPaths(null, [inbox], { workers: 0 });
    expect(summary).toMatchObject({ files: 10, extracted: 6, workers: 0 });
  });
});
