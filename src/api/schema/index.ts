// Imports every type file (each registers its types and query fields with the
// builder) and builds the schema.
import { builder } from '../builder.js';
import './enums.js';
import './mention.js';
import './report.js';
import './jurisdiction.js';
import './initiative.js';
import './regulation.js';
import './problem.js';
import './analytics.js';
import './search.js';
import './graph.js';
import './mutations.js';

export const schema = builder.toSchema({ sortSchema: true });
