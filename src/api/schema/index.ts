// Imports every type file (each registers its types and query fields with the
// builder) and builds the schema, its generated page types described.
import { builder } from '../builder.js';
import { describeGeneratedTypes } from './describe.js';
import './enums.js';
import './mention.js';
import './report.js';
import './jurisdiction.js';
import './initiative.js';
import './regulation.js';
import './problem.js';
import './secondary.js';
import './node.js';
import './analytics.js';
import './search.js';
import './graph.js';
import './ask.js';
import './mutations.js';

export const schema = describeGeneratedTypes(builder.toSchema({ sortSchema: true }));
