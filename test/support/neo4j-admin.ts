// A reader of `neo4j-admin database import` input that holds a directory of
// CSV files (govgraph export --format csv, govgraph ingest --to-csv) to the
// tool's rules, for the tests that need to know neo4j-admin would load them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { IMPORT_FILE } from '../../src/export/index.js';

/**
 * A reader of `neo4j-admin database import` input that enforces its rules
 * (Neo4j 5 operations manual, "Import": CSV header format and options) on
 * a directory written by `govgraph export --format csv`:
 * - the command: `neo4j-admin database import full <database> --option=value …`,
 *   the database name before the options (since 5.19 a trailing name is
 *   taken for one more file), only options the tool has;
 * - fields split by the delimiter (`,`); a field that starts with the quote
 *   (`"`) runs to the next lone quote, `""` inside it is one quote, and line
 *   breaks inside quotes need --multiline-fields=true; nothing is trimmed;
 * - an unquoted empty field is no property, a quoted empty one is "";
 * - header: in a nodes file exactly one `:ID` column (named: the id is also
 *   a property), `:LABEL`; in a relationships file `:START_ID`, `:END_ID`,
 *   `:TYPE`; every other column `name` or `name:type` with a type the tool
 *   knows, `[]` for arrays, whose elements are split by --array-delimiter
 *   (`TAB` names the tab character);
 * - ids unique over all nodes files (one global id space), every
 *   relationship's ends among them; int values integers, booleans true/false.
 */
const ADMIN_TYPES = [
  'int',
  'long',
  'float',
  'double',
  'boolean',
  'byte',
  'short',
  'char',
  'string',
  'point',
  'date',
  'localtime',
  'time',
  'localdatetime',
  'datetime',
  'duration',
];
const ADMIN_OPTIONS = [
  'nodes',
  'relationships',
  'array-delimiter',
  'multiline-fields',
  'delimiter',
  'quote',
  'id-type',
  'ignore-empty-strings',
  'trim-strings',
  'skip-duplicate-nodes',
  'skip-bad-relationships',
  'overwrite-destination',
];

export interface AdminImport {
  database: string;
  nodes: Map<string, { labels: string[]; props: Record<string, unknown> }>;
  relationships: { start: string; end: string; type: string; props: Record<string, unknown> }[];
}

export function readNeo4jAdminImport(dir: string): AdminImport {
  const commandText = readFileSync(join(dir, IMPORT_FILE), 'utf8');
  const command = commandText
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const tokens = command.trim().split(/\s+/);
  expect(tokens.slice(0, 4)).toEqual(['neo4j-admin', 'database', 'import', 'full']);
  const database = tokens[4];
  expect(database, 'the database name comes right after `full`').toMatch(/^[a-z][a-z0-9.-]*$/);
  const options = tokens.slice(5).map((t) => {
    const m = /^--([a-z-]+)=(.+)$/.exec(t);
    expect(m, `not an option: ${t}`).not.toBeNull();
    expect(ADMIN_OPTIONS, t).toContain(m![1]);
    return [m![1], m![2]] as const;
  });
  const option = (name: string) => options.filter(([n]) => n === name).map(([, v]) => v);
  const arrayDelimiter = ((v) => (v === 'TAB' ? '\t' : v))(option('array-delimiter')[0] ?? ';');
  const multiline = option('multiline-fields')[0] === 'true';
  expect(option('delimiter')).toEqual([]); // the default: ,
  expect(option('quote')).toEqual([]); // the default: "

  type Field = { text: string; quoted: boolean };
  const records = (text: string): Field[][] => {
    const out: Field[][] = [];
    let record: Field[] = [];
    let i = 0;
    while (i < text.length) {
      let field: Field;
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('an unterminated quoted field');
          if (text[i] === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else {
            if ((text[i] === '\n' || text[i] === '\r') && !multiline) throw new Error('a line break inside a field needs --multiline-fields=true');
            value += text[i++];
          }
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n') throw new Error(`characters after a closing quote at ${i}`);
        field = { text: value, quoted: true };
      } else {
        let value = '';
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
          value += text[i++];
        }
        field = { text: value, quoted: false };
      }
      record.push(field);
      if (text[i] === ',') i++;
      else {
        out.push(record);
        record = [];
        i++;
      }
    }
    return out;
  };

  const column = (entry: string) => {
    const m = /^([^:]*)(?::([A-Za-z_]+)(\[\])?(?:\(([^)]*)\))?)?$/.exec(entry);
    expect(m, `header entry ${entry}`).not.toBeNull();
    const [, name, type = 'string', array, space] = m!;
    const special = ['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE', 'IGNORE'].includes(type);
    if (!special) expect(ADMIN_TYPES, `type of ${entry}`).toContain(type.toLowerCase());
    if (!special) expect(name, `a property column needs a name: ${entry}`).not.toBe('');
    expect(space, 'one global id space').toBeUndefined();
    return { name, type: special ? type : type.toLowerCase(), array: Boolean(array), special };
  };
  const scalar = (type: string, text: string, where: string): unknown => {
    if (['int', 'long', 'short', 'byte'].includes(type)) {
      expect(text, where).toMatch(/^-?\d+$/);
      return Number(text);
    }
    if (type === 'float' || type === 'double') {
      expect(Number.isFinite(Number(text)) && text.trim() === text && text !== '', `${where}: ${text}`).toBe(true);
      return Number(text);
    }
    if (type === 'boolean') {
      expect(['true', 'false'], where).toContain(text);
      return text === 'true';
    }
    return text;
  };

  const nodes: AdminImport['nodes'] = new Map();
  const relationships: AdminImport['relationships'] = [];
  for (const kind of ['nodes', 'relationships'] as const) {
    for (const file of option(kind)) {
      const [header, ...rows] = records(readFileSync(join(dir, file), 'utf8'));
      const columns = header.map((f) => column(f.text));
      expect(new Set(columns.map((c) => (c.special ? `:${c.type}` : c.name))).size, `${file}: a column twice`).toBe(columns.length);
      const count = (type: string) => columns.filter((c) => c.special && c.type === type).length;
      if (kind === 'nodes') expect([count('ID'), count('LABEL')], file).toEqual([1, 1]);
      else expect([count('START_ID'), count('END_ID'), count('TYPE'), count('ID')], file).toEqual([1, 1, 1, 0]);
      for (const [r, row] of rows.entries()) {
        expect(row.length, `${file} row ${r + 2}: fields`).toBe(columns.length);
        const props: Record<string, unknown> = {};
        let id = '';
        let start = '';
        let end = '';
        let labels: string[] = [];
        let type = '';
        for (const [c, col] of columns.entries()) {
          const f = row[c];
          const where = `${file} row ${r + 2} ${header[c].text}`;
          if (col.special) {
            if (col.type === 'LABEL') labels = f.text.split(arrayDelimiter);
            else if (col.type === 'TYPE') type = f.text;
            else if (col.type === 'START_ID') start = f.text;
            else if (col.type === 'END_ID') end = f.text;
            else if (col.type === 'ID') {
              id = f.text;
              if (col.name) props[col.name] = f.text; // a named ID column is a property too
            }
            continue;
          }
          if (f.text === '' && !f.quoted) continue; // no property
          props[col.name] = col.array ? f.text.split(arrayDelimiter).map((v) => scalar(col.type, v, where)) : scalar(col.type, f.text, where);
        }
        if (kind === 'nodes') {
          expect(id, `${file} row ${r + 2}: an id`).not.toBe('');
          expect(nodes.has(id), `${file}: id ${id} twice`).toBe(false);
          expect(
            labels.every((l) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(l)),
            `${file}: labels ${labels}`,
          ).toBe(true);
          nodes.set(id, { labels, props });
        } else {
          expect(type, `${file} row ${r + 2}: a type`).toMatch(/^[A-Z_]+$/);
          relationships.push({ start, end, type, props });
        }
      }
    }
  }
  for (const r of relationships) expect(nodes.has(r.start) && nodes.has(r.end), `${r.type} ${r.props.graphId}: ends among the nodes`).toBe(true);
  return { database, nodes, relationships };
}
