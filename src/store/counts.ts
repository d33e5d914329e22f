// Shapes the rows of stats_labels / stats_types into StoreCounts.
import { isRollupType } from '../model.js';
import type { Row, StoreCounts } from './types.js';

export function countsFromRows(labelRows: Row[], typeRows: Row[]): StoreCounts {
  const byLabel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const rollup: Record<string, number> = {};
  for (const row of labelRows) byLabel[String(row.label)] = Number(row.count);
  // the rollup is counted apart: derived from the relationships counted here, and not exported
  for (const row of typeRows) (isRollupType(String(row.type)) ? rollup : byType)[String(row.type)] = Number(row.count);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  // Every node here has exactly one label, so the label counts add up to the node count.
  return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType, rollup };
}
