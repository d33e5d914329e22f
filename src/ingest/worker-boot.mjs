// Starts worker.ts on a worker thread when govgraph runs as TypeScript (tsx,
// vitest). Node 20 does not apply `--import tsx` from a worker's execArgv to
// the worker's own entry module, so the worker registers tsx's loader itself,
// then imports the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
