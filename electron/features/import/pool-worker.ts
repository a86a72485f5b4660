/**
 * A worker thread of the import pool (pool.ts): examines the files it is sent, one at a time, with
 * the batch's snapshot (workerData), and posts each examination back; the raw bytes are
 * transferred, not copied. Built as its own entry of the main bundle (electron.vite.config.ts:
 * out/main/import-worker.js); run from the TypeScript sources under tsx or vitest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { examineFile, indexFacts, type Examined, type ImportFacts } from './examine';

export interface ExamineRequest {
  i: number;
  file: string;
}

export interface ExamineReply {
  i: number;
  ex: Examined;
}

const port = parentPort;
if (port) {
  const facts = indexFacts((workerData as { facts: ImportFacts }).facts);
  port.on('message', (m: ExamineRequest) => {
    const ex = examineFile(m.file, facts);
    const transfer: ArrayBuffer[] = [];
    if (ex.kind === 'verified') {
      // A view into a larger (pooled) buffer is copied first: only what is ours is transferred.
      const own = ex.bytes.byteOffset === 0 && ex.bytes.byteLength === ex.bytes.buffer.byteLength ? ex.bytes : new Uint8Array(ex.bytes);
      ex.bytes = own;
      transfer.push(own.buffer as ArrayBuffer);
    }
    port.postMessage({ i: m.i, ex } satisfies ExamineReply, transfer);
  });
  port.postMessage('ready');
}
