// govgraph eval — scores the extractor against the gold standard.
import { fileURLToPath } from 'node:url';
import { formatEvalTable, runEval } from '../../eval/score.js';
import { parse } from '../args.js';
import { SEED_DIR } from './serve.js';

const DEFAULT_GOLD = fileURLToPath(new URL('../../../../shared/gold/seeds.gold.json', import.meta.url));

export const help = `Usage: govgraph eval [--seeds DIR] [--gold FILE] [--json] [--details]

Extracts the reports of DIR (default seed/) and scores them against the gold
standard FILE (default ../shared/gold/seeds.gold.json): precision, recall and
F1 per field, with the matching rules of README "Extraction quality".
--json prints the result as one JSON object; --details adds, per report, the
wrong fields and the missed, extra and mislabelled items.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { seeds: { type: 'string' }, gold: { type: 'string' }, json: { type: 'boolean' }, details: { type: 'boolean' } });
  if (values.help) return (console.log(help), 0);
  const result = await runEval(values.seeds ?? SEED_DIR, values.gold ?? DEFAULT_GOLD);
  if (values.json) {
    if (!values.details) delete result.details;
    console.log(JSON.stringify(result, null, 2));
  } else console.log(formatEvalTable(result, { details: values.details }));
  return 0;
}
