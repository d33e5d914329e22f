// govgraph schema [--out FILE] — prints the GraphQL SDL (schema/schema.graphql is its output).
import { writeFileSync } from 'node:fs';
import { printSchemaSDL } from '../../api/sdl.js';
import { parse } from '../args.js';

export const help = `Usage: govgraph schema [--out FILE]

Prints the GraphQL schema (SDL) built from the code, or writes it to FILE.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: 'string' } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const sdl = printSchemaSDL();
  if (values.out) writeFileSync(values.out, sdl);
  else process.stdout.write(sdl);
  return 0;
}
