// The extraction worker: reads and extracts the files the pool sends, one at
// a time, and posts the results back. Started by pool.ts (through
// worker-boot.mjs when running as TypeScript).
import { parentPort } from 'node:worker_threads';
import { runExtractTask, type ExtractTask } from './task.js';

if (!parentPort) throw new Error('worker.ts must run on a worker thread');
const port = parentPort;
port.on('message', async (message: { id: number; task: ExtractTask }) => {
  const result = await runExtractTask(message.task);
  port.postMessage({ id: message.id, result });
});
// the pool starts a task's time budget from here: loading the extractor is not the file's time
port.postMessage({ ready: true });
