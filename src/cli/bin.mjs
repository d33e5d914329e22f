#!/usr/bin/env node
// The `govgraph` command (package.json "bin", so `npx govgraph` and a global
// install find it): the CLI runs from its TypeScript sources through tsx's
// loader, as `npm start` and the tests run it, so there is one way to run the
// code and no build output to keep in step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
