// govgraph eval — scores the extractor against a gold standard: the seeds'
// (test/gold/seeds.gold.json) or the devset's (test/gold/devset.gold.json,
// over the report openings of ../shared/devset/corpus), in one or both readings.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { READINGS, type Reading } from '../../eval/readings.js';
import { formatEvalTable, runEval, type EvalResult } from '../../eval/score.js';
import { filesOf, loadSplit, type SplitPart } from '../../eval/split.js';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import { SEED_DIR } from './serve.js';

const DEFAULT_GOLD = fileURLToPath(new URL('../../../test/gold/seeds.gold.json', import.meta.url));
const DEFAULT_SPLIT = fileURLToPath(new URL('../../../test/gold/devset.split.json', import.meta.url));

export const help = `Usage: govgraph eval [--seeds DIR] [--gold FILE] [--reading title|body|both]
                     [--split dev|test|all] [--split-file FILE] [--json] [--details]

Extracts the reports of DIR (default seed/) and scores them against the gold
standard FILE (default test/gold/seeds.gold.json): precision, recall and F1 per
field, with the matching rules of docs/extraction.md.

--reading   how a file is fed when it carries a page's header lines (url:,
            source-title:, as ../shared/devset/corpus does): "title" puts the
            title line first, as a report arrives (the default); "body" gives
            the body alone, as a page that lost its title; "both" scores each.
            A file without header lines reads the same either way. The
            url: line goes with both readings as the page's address, as
            ingest gives an HTML page's own.
--split     score only one part of the devset's split (dev: the ~170 reports
            worked against; test: the ~55 held out); the split is read from
            --split-file (default test/gold/devset.split.json).
--json      prints the result as one JSON object (with --reading both: an
            object keyed by reading); --details adds, per report, the wrong
            fields and the missed, extra and mislabelled items.

The devset: govgraph eval --seeds ../shared/devset/corpus \\
  --gold test/gold/devset.gold.json --split dev --reading both
(npm run eval:devset).`;

const SPLIT_PARTS: SplitPart[] = ['dev', 'test', 'all'];

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    seeds: { type: 'string' },
    gold: { type: 'string' },
    reading: { type: 'string' },
    split: { type: 'string' },
    'split-file': { type: 'string' },
    json: { type: 'boolean' },
    details: { type: 'boolean' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const reading = values.reading ?? 'title';
  if (reading !== 'both' && !READINGS.includes(reading as Reading)) throw new UsageError(`--reading must be title, body or both (got "${reading}")`);
  const part = values.split as SplitPart | undefined;
  if (part !== undefined && !SPLIT_PARTS.includes(part)) throw new UsageError(`--split must be dev, test or all (got "${part}")`);
  const splitFile = values['split-file'] ?? DEFAULT_SPLIT;
  if (part && !existsSync(splitFile)) throw new UsageError(`--split needs the split file ${splitFile}, which does not exist`);
  const seeds = values.seeds ?? SEED_DIR;
  if (!existsSync(seeds)) throw new UsageError(`no such folder: ${seeds}`);
  const gold = values.gold ?? DEFAULT_GOLD;
  if (!existsSync(gold)) throw new UsageError(`no such gold file: ${gold}`);
  const files = part ? filesOf(loadSplit(splitFile), part) : undefined;

  const readings: Reading[] = reading === 'both' ? READINGS : [reading as Reading];
  const results: Partial<Record<Reading, EvalResult>> = {};
  for (const r of readings) {
    const result = await runEval(seeds, gold, { reading: r, files });
    if (values.json && !values.details) delete result.details;
    results[r] = result;
  }
  if (values.json) console.log(JSON.stringify(reading === 'both' ? results : results[readings[0]], null, 2));
  else
    console.log(
      readings
        .map(
          (r) =>
            `${readings.length > 1 || part ? `## reading: ${r}${part ? `, split: ${part}` : ''}\n` : ''}${formatEvalTable(results[r]!, { details: values.details })}`,
        )
        .join('\n\n'),
    );
  return 0;
}
