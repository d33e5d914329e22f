// schema/schema.graphql is the printed SDL of the Pothos schema: a change to
// the code that is not reflected in the committed file fails here.
import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaSDL } from '../../../src/api/sdl.js';
import { schema } from '../../../src/api/schema/index.js';
import { INITIATIVES } from '../../../src/extract/lexicon.js';

describe('GraphQL schema', () => {
  it('InitiativeCategory holds exactly the categories of the initiative lexicon (the data and the enum in step)', () => {
    const type = schema.getType('InitiativeCategory');
    if (!isEnumType(type)) throw new Error('InitiativeCategory is not an enum');
    const values = type
      .getValues()
      .map((v) => v.value as string)
      .sort();
    expect(values).toEqual([...new Set(INITIATIVES.map((e) => e.category))].sort());
  });

  it('matches the committed schema/schema.graphql (run "npm run schema:print" after changing the API)', () => {
    const committed = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printSchemaSDL()).toBe(committed);
  });

  it('describes every type, field, argument and enum value, the generated Relay ones included', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
    // a generated page type says what it pages through
    expect(schema.getType('RegulationCoCitedConnection')?.description).toMatch(/^A page of CoCitation items/);
    expect(schema.getType('RegulationCoCitedConnectionEdge')?.description).toBe('One CoCitation of a page, with its cursor.');
  });
});
