// Readers for the contention bench, in their own process (as real clients
// are): `connections` loops, each sending the next query as soon as the last
// answered, for `durationMs` or until SIGTERM. Options come as JSON on stdin; figures go to
// stdout as JSON. Besides latencies it checks what a snapshot per request
// guarantees: no report listed as one of a jurisdiction's without that
// jurisdiction ("ghost"), and a jurisdiction's report count equal to the
// reports its page lists.
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { url, connections, durationMs, queries, watched } = JSON.parse(input);

const GHOSTS = 'query($name: String!) { reports(first: 50, filter: {jurisdiction: $name}) { edges { node { reportId jurisdiction { name } } } } }';
const COUNTS = 'query($name: String!) { jurisdiction(name: $name) { reports(first: 100) { totalCount edges { node { reportId jurisdiction { name } } } } } }';
const checks = [
  { name: 'ghost check', query: GHOSTS, variables: { name: watched } },
  { name: 'count check', query: COUNTS, variables: { name: watched } },
];
const all = [...queries, ...checks];
const latencies = [];
/** Per query name, its latencies: which queries make the tail. */
const byQuery = new Map(all.map((q) => [q.name, []]));
const figures = { requests: 0, errors: 0, ghostRows: 0, ghostAnswers: 0, countMismatches: 0, errorSamples: [] };
let deadline = Date.now() + durationMs;
// stopped early by its parent (the ingest-readers bench stops them when its ingest is done): each loop ends after its request in flight
process.on('SIGTERM', () => {
  deadline = 0;
});

async function loop(offset) {
  for (let i = offset; Date.now() < deadline; i++) {
    const q = all[i % all.length];
    const started = performance.now();
    let body;
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
      });
      body = await res.json();
    } catch (error) {
      figures.errors++;
      if (figures.errorSamples.length < 3) figures.errorSamples.push(String(error));
      continue;
    }
    const took = performance.now() - started;
    latencies.push(took);
    byQuery.get(q.name).push(took);
    figures.requests++;
    if (body.errors) {
      figures.errors++;
      if (figures.errorSamples.length < 3) figures.errorSamples.push(body.errors[0].message);
      continue;
    }
    const listed = q.name === 'ghost check' ? body.data.reports : q.name === 'count check' ? body.data.jurisdiction?.reports : null;
    if (listed) {
      const ghosts = listed.edges.filter((e) => e.node == null || e.node.jurisdiction == null).length;
      figures.ghostRows += ghosts;
      if (ghosts) figures.ghostAnswers++;
    }
    if (q.name === 'count check') {
      const page = body.data.jurisdiction?.reports;
      if (page && page.totalCount <= 100 && page.totalCount !== page.edges.length) figures.countMismatches++;
    }
  }
}

await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
const at = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : null);
for (const xs of [latencies, ...byQuery.values()]) xs.sort((a, b) => a - b);
const queriesFigures = Object.fromEntries([...byQuery].map(([name, xs]) => [name, { requests: xs.length, p50Ms: at(xs, 50), p99Ms: at(xs, 99) }]));
process.stdout.write(JSON.stringify({ ...figures, p50Ms: at(latencies, 50), p99Ms: at(latencies, 99), maxMs: at(latencies, 100), byQuery: queriesFigures }));
