// The node types that have no query fields of their own but whose ids the API
// hands out (a `graph` subgraph's nodes, the exports): each is refetchable
// through `node(id:)` with the properties the graph stores for it.
import { IssuerType } from './enums.js';
import { Indicator, Organization, Plan, ProblemTheme } from './refs.js';
import type { SecondaryShape } from './shapes.js';
import { sized, VALUE_BYTES } from '../response-budget.js';

const text = (n: SecondaryShape, property: string) => String(n.properties[property] ?? '');

Organization.implement({
  description: 'The government or department that issued reports (发布单位), within its jurisdiction.',
  fields: (t) => ({
    name: t.string({ nullable: false, description: 'Name of the government or department.', resolve: (o) => text(o, 'name') }),
    issuerType: t.field({
      type: IssuerType,
      nullable: true,
      description: 'Government or department.',
      resolve: (o) => (o.properties.type === 'government' || o.properties.type === 'department' ? o.properties.type : null),
    }),
  }),
});

Plan.implement({
  description: "An item of a report's next-year section (下一步工作打算).",
  fields: (t) => ({
    text: t.string({
      nullable: false,
      description: 'The planned item as written.',
      extensions: sized({ bytes: VALUE_BYTES.line }),
      resolve: (p) => text(p, 'text'),
    }),
  }),
});

Indicator.implement({
  description: 'The name of a quantity reports state about their own work (指标名称), e.g. 会前学法.',
  fields: (t) => ({
    name: t.string({ nullable: false, description: 'The indicator name.', resolve: (i) => i.key }),
  }),
});

ProblemTheme.implement({
  description: 'A theme of the problem taxonomy (执法能力, 制度建设…).',
  fields: (t) => ({
    name: t.string({ nullable: false, description: 'The theme name.', resolve: (p) => p.key }),
  }),
});
