// The ingest command's progress: a bar with count, rate and ETA on a
// terminal, plain lines elsewhere. progressReporter is given a stream that
// says it is a terminal (or not) and a clock the test moves, so what is drawn
// is exact; then the real CLI under a pseudo-terminal (util-linux `script`)
// shows that it draws the bar when its stderr is one, and plain lines when not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../../src/cli/commands/ingest.js';
import type { FileOutcome } from '../../../src/ingest/pipeline.js';
import { REPO, variedReports } from '../../support/degrees.js';

/** A stream that records what is written to it; a terminal 160 columns wide if `tty`. */
class Recorder extends Writable {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns = 160,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's escape sequences (ESC [ …) are what is stripped
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;
const created = (n: number): FileOutcome => ({ file: `in/report-${n}.txt`, status: 'created', reportId: `id${n}` });

describe('progressReporter', () => {
  afterEach(() => vi.useRealTimers());

  it('on a terminal: a bar with done/total, the rate and the ETA, refused files logged above it', () => {
    vi.useFakeTimers();
    const terminal = new Recorder(true);
    const progress = progressReporter(terminal, 10);
    // five files in five seconds: 1.0 files/s, five to go, so five seconds left
    for (let done = 1; done <= 5; done++) {
      vi.advanceTimersByTime(1000);
      progress.onFile(
        done === 3 ? { file: 'in/menu.html', status: 'refused', reason: 'not a report: the governance vocabulary … occurs only 0 times' } : created(done),
        done,
      );
    }
    vi.advanceTimersByTime(200); // the bar redraws on a timer
    const screen = terminal.text.replace(ESCAPES, '');
    expect(screen).toMatch(/ingesting \|[█░]+\| 5\/10 files \| 1\.0 files\/s \| ETA 5s \| in\/report-5\.txt/);
    expect(screen).toContain('refused   in/menu.html: not a report: the governance vocabulary … occurs only 0 times\n');
    expect(terminal.text).toMatch(ESCAPES); // drawn in place, with cursor movements
    expect(screen).not.toMatch(/^\[ ?\d+\/10\]/m); // and no plain lines
    progress.stop();
  });

  it('not on a terminal: one plain line per file, no bar and no escape codes', () => {
    const log = new Recorder(false);
    const progress = progressReporter(log, 12);
    progress.onFile(created(1), 1);
    progress.onFile({ file: 'in/empty.txt', status: 'failed', reason: 'the extraction worker crashed: boom' }, 2);
    progress.stop();
    expect(log.text).toBe('[ 1/12] created   in/report-1.txt\n[ 2/12] failed    in/empty.txt: the extraction worker crashed: boom\n');
  });
});

// `script` runs a command on a pseudo-terminal (util-linux; macOS's takes other arguments)
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') ?? false;

describe.skipIf(!hasScript)('govgraph ingest on a pseudo-terminal', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'govgraph-progress-'));
  const inbox = join(scratch, 'inbox');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(inbox);
    for (const r of variedReports(12)) writeFileSync(join(inbox, r.name), r.text);
  });
  const env = { ...process.env, NEO4J_URI: '', GOVGRAPH_MAX_FILE_MB: '' };

  it('draws the bar (count, rate, ETA) when stderr is a terminal', () => {
    const command = `${process.execPath} --import tsx src/cli/main.ts ingest --dry-run --workers 1 ${inbox}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO, encoding: 'utf8', env });
    expect(run.status, run.stdout).toBe(0);
    const screen = run.stdout.replace(ESCAPES, '');
    // a frame after the first file (the first frame, 0/12, is drawn before any work); its ETA is held by the
    // fake-timer test above: under a loaded suite the one frame after the work was once seen cut after the rate
    expect(screen).toMatch(/ingesting \|[█░]+\| [1-9]\d*\/12 files \| \d+\.\d files\/s/);
    expect(screen).toMatch(/ETA \d+s/);
    expect(screen).not.toMatch(/^\[ ?\d+\/12\]/m);
    expect(screen).toContain('12 file(s)');
    // the last frame stays (12/12), and nothing moves the cursor back up over the summary line after it
    expect(screen).toMatch(/12\/12 files/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC [ n A, the escape sequence that moves the cursor up
    expect(run.stdout.slice(run.stdout.indexOf('12 file(s) in'))).not.toMatch(/\x1b\[\d*A/);
  }, 60_000);

  it('prints plain lines when stderr is not a terminal', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--dry-run', '--workers', '1', inbox], {
      cwd: REPO,
      encoding: 'utf8',
      env,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.match(/^\[ ?\d+\/12\] extracted +\S+report-\d+\.txt$/gm)).toHaveLength(12);
    expect(run.stderr).not.toMatch(ESCAPES);
  }, 60_000);
});
