// govgraph: the command-line entry point. Each sub-command lives in
// commands/ and exports its help text and run(argv, config) → exit code; the
// configuration is read from the environment here, once (config.ts).
import { createRequire } from 'node:module';
import { readConfig, type Config } from './config.js';
import { reportFatal, UsageError } from './errors.js';
import { watchStdout } from './output.js';

// graphql-js reads NODE_ENV once, when it is first imported (the commands below load it
// lazily, so this comes first): outside production every type check of every field
// result also looks for a second copy of graphql, ~35 % of a large response's
// execution time. NODE_ENV=development, set by the caller, turns the checks back on.
process.env.NODE_ENV ??= 'production';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ help: string; run(argv: string[], config: Config): Promise<number> }> }> = {
  extract: { summary: 'print the extraction of report files (.txt, .html, .docx, .pdf) as JSON Lines', load: () => import('./commands/extract.js') },
  ingest: { summary: 'extract report files, folders or globs on worker threads and write them to the store', load: () => import('./commands/ingest.js') },
  serve: { summary: 'serve GraphQL (GraphiQL in a browser)', load: () => import('./commands/serve.js') },
  ask: { summary: 'answer a question in Chinese from the store (哪些县提到了三项制度)', load: () => import('./commands/ask.js') },
  eval: { summary: 'score the extractor against the gold standard', load: () => import('./commands/eval.js') },
  stats: { summary: 'count nodes and relationships in the store', load: () => import('./commands/stats.js') },
  export: { summary: 'write the graph or a filtered part as GraphML, GEXF, Cytoscape JSON or neo4j-admin CSV', load: () => import('./commands/export.js') },
  schema: { summary: 'print the GraphQL schema (SDL)', load: () => import('./commands/schema.js') },
};

export const HELP = `govgraph — Chinese rule-of-law government reports as a queryable knowledge graph

Usage: govgraph COMMAND [options]   (npm run --silent govgraph -- COMMAND …)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Run "govgraph COMMAND --help" for a command's options, "govgraph --version" for the version.
Exit codes: 0 success, 1 some input refused or failed, 2 usage error.`;

/** "govgraph 0.1.0 (extractor 0.6.4, Node.js v22.x)": what a bug report needs. */
export async function versionLine(): Promise<string> {
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const { EXTRACTOR_VERSION } = await import('../extract/index.js');
  return `govgraph ${version} (extractor ${EXTRACTOR_VERSION}, Node.js ${process.version})`;
}

/** GOVGRAPH_DEBUG, once the configuration has been read: stack traces of fatal errors. */
let debug = false;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(await versionLine());
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
  const config = readConfig(process.env);
  debug = config.debug;
  return (await command.load()).run(rest, config);
}

watchStdout();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = reportFatal(error, debug);
  },
);
