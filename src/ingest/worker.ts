// The extraction worker: reads and extracts the files the pool sends, one at
// a time, and posts the results back. Started by pool.ts (through
// worker-boot.mjs when running as TypeScript).
import { parentPort } from 'node:worker_threads';
import type { RenderAcknowledgement } from '../export/bulk-csv.js';
import { acknowledgeRendered, runExtractTask, serveAsExtractionWorker, type ExtractTask } from './task.js';

if (!parentPort) throw new Error('worker.ts must run on a worker thread');
const port = parentPort;
serveAsExtractionWorker();
port.on('message', async (message: { id: number; task: ExtractTask } | { acknowledge: RenderAcknowledgement }) => {
  // the writer's answer for a report rendered here (merged or skipped): see src/export/shared-seen.ts
  if ('acknowledge' in message) return acknowledgeRendered(message.acknowledge);
  const result = await runExtractTask(message.task);
  // a rendering's bytes move to the main thread instead of being copied
  const moved = result.ok && 'rendered' in result ? result.rendered.parts.map((part) => part.lines.buffer as ArrayBuffer) : [];
  port.postMessage({ id: message.id, result }, moved);
});
// the pool starts a task's time budget from here: loading the extractor is not the file's time
port.postMessage({ ready: true });
