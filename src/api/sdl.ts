// The printed SDL committed as schema/schema.graphql; a test fails on drift.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.js';

export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
