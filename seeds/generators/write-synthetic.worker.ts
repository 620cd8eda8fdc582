/** Worker-thread entry for write-synthetic.ts: encodes the shards of postings it is sent. */
import { parentPort } from 'node:worker_threads';
import { encodeShard, ShardJob, ShardResult } from './write-synthetic';

const port = parentPort;
if (!port) throw new Error('write-synthetic.worker must run in a worker thread');

port.on('message', (job: ShardJob) => {
  let result: ShardResult;
  let transfer: ArrayBuffer[] = [];
  try {
    const chunks = encodeShard(job);
    result = { id: job.id, chunks };
    // Each chunk owns its ArrayBuffer (4 MiB allocations are never pooled), so moving them is safe and copy-free.
    transfer = chunks.map((chunk) => chunk.buffer as ArrayBuffer);
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(result, transfer);
});
