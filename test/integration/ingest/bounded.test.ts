// Memory stays bounded however many files: the list is taken one file at a
// time as earlier files finish, and never more than inFlightLimit(workers)
// files are in flight (taken, not finished). Counted, not timed: a lazy list
// counts the files taken from it, onFile the files finished; the difference,
// at every take, is what is in flight.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles, inFlightLimit } from '../../../src/ingest/pipeline.js';
import { MEETING_NEWS } from '../../fixtures/not-reports.js';
import { variedReports } from '../../support/degrees.js';

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-bounded-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const N = 60;
const paths: string[] = [];
beforeAll(() => {
  mkdirSync(join(scratch, 'in'));
  // mostly quick refusals (read, decoded, not a report) and a few reports to extract
  const reports = variedReports(4);
  for (let i = 0; i < N; i++) {
    const path = join(scratch, 'in', `f${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, i % 15 === 0 ? reports[i / 15].text : `${MEETING_NEWS}\n${i}`);
    paths.push(path);
  }
});

describe.each([0, 1, 3])('ingest with %i worker(s)', (workers) => {
  it('takes the list lazily and never has more than the limit in flight', async () => {
    const limit = inFlightLimit(workers);
    let taken = 0;
    let finished = 0;
    let mostInFlight = 0;
    let takenAtFirstFinish = -1;
    function* lazyList() {
      for (const path of paths) {
        taken++;
        mostInFlight = Math.max(mostInFlight, taken - finished);
        yield path;
      }
    }
    const summary = await ingestFiles(null, lazyList(), {
      workers,
      onFile: () => {
        if (takenAtFirstFinish < 0) takenAtFirstFinish = taken;
        finished++;
      },
    });
    expect(summary.files).toBe(N);
    expect(summary.extracted).toBe(4);
    expect(summary.refused).toHaveLength(N - 4);
    expect(finished).toBe(N);
    // the bound holds, and is reached (so the test measures it)
    expect(mostInFlight).toBe(limit);
    // the list was not drained ahead: when the first file finished, only the files in flight had been taken
    expect(takenAtFirstFinish).toBeLessThanOrEqual(limit);
  }, 60_000);
});

describe('files finish in the order they were listed', () => {
  it('writes reports and reports outcomes in list order, although a long first file is extracted last', async () => {
    const dir = join(scratch, 'ordered');
    mkdirSync(dir);
    const [long, ...short] = variedReports(3);
    const listed: string[] = [];
    const add = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      listed.push(join(dir, name));
    };
    // the first file is many times longer than the others, so its extraction ends after theirs
    add('a-long.txt', Array.from({ length: 40 }, () => long.text).join('\n'));
    add('b-refused.txt', MEETING_NEWS);
    add('c-short.txt', short[0].text);
    add('d-refused.txt', `${MEETING_NEWS}\n2`);
    add('e-short.txt', short[1].text);
    const written: string[] = [];
    const finished: string[] = [];
    const target = {
      write: async (_report: unknown, file: string) => {
        written.push(file);
        return { status: 'created' as const };
      },
    };
    const summary = await ingestFiles(target, listed, { workers: 2, onFile: (outcome) => finished.push(resolve(outcome.file)) });
    expect(summary.created).toBe(3);
    expect(written).toEqual([listed[0], listed[2], listed[4]]);
    expect(finished).toEqual(listed);
  }, 60_000);
});
