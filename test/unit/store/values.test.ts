// Driver values become plain JS; ordinary maps are left alone, even when
// they have keys such as "properties" and "type".
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain, toPlainRow } from '../../../src/store/values.js';

describe('toPlain', () => {
  it('turns bigint and neo4j integers into numbers', () => {
    expect(toPlain(42n)).toBe(42);
    expect(toPlain(neo4j.int(7))).toBe(7);
    expect(toPlain([1n, { a: 2n }])).toEqual([1, { a: 2 }]);
  });

  it('unwraps a neo4j Node to its properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Report'], { id: 'r1', year: neo4j.int(2024) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'r1', year: 2024 });
  });

  it('keeps a projected row with "type" and "properties" columns as it is', () => {
    const row = { type: 'MENTIONS', label: 'Report', properties: { id: 'r1' }, weight: 2n };
    expect(toPlainRow(row)).toEqual({ type: 'MENTIONS', label: 'Report', properties: { id: 'r1' }, weight: 2 });
  });
});
