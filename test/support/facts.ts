// Every fact of an extraction, without what depends on the text's line breaks
// (the id, the offsets and sentences of mentions): a PDF cannot say where a
// wrapped paragraph ended, so its text differs from the .txt in line breaks,
// but what is read from it must not. The format tests compare these.
import type { ReportGraph } from '../../src/extract/types.js';

export function essence(graph: ReportGraph) {
  return {
    jurisdiction: graph.jurisdiction && { name: graph.jurisdiction.name, adminCode: graph.jurisdiction.adminCode, level: graph.jurisdiction.level },
    year: graph.year,
    issuer: graph.issuer,
    regulations: graph.regulations.map((r) => [r.title, r.kind, r.scope, r.action, r.count].join(' ')).sort(),
    initiatives: graph.initiatives.map((i) => `${i.name} ${i.count}`).sort(),
    problems: graph.problems.map((p) => `${p.text} ${p.theme}`),
    plans: graph.plans.map((p) => p.text),
    metrics: graph.metrics.map((m) => `${m.indicator} ${m.value} ${m.unit ?? ''} ${m.qualifier ?? ''}`),
  };
}
