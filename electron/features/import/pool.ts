/**
 * The import's worker pool: one worker thread per core (os.availableParallelism(), at least one)
 * examines files (examine.ts: read, verify, check, recompute) while the use case's thread, the one
 * writer, applies their answers in file order (batch.ts). A worker is sent a path, never the
 * bytes: each reads its own file, so only the files in flight are held.
 *
 * The worker script: from the built app, `import-worker.js` beside the main bundle (an extra entry
 * in electron.vite.config.ts); from the TypeScript sources (the CLI under tsx, the tests under
 * vitest) pool-worker.ts, loaded through tsx's API. A pool that cannot start is not an error: the
 * batch runs on the writer's thread and says so.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Examined, ImportFacts } from './examine';
import type { ExamineReply, ExamineRequest } from './pool-worker';

export const defaultWorkerCount = (): number => Math.max(1, availableParallelism());

/** How a worker is started: the built script, or the TypeScript source through tsx. */
function workerEntry(): { script: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const source = new URL('./pool-worker.ts', here).href;
    return { script: `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(source)}, ${JSON.stringify(here)}))`, eval: true };
  }
  // The bundle may have put this module in a chunk one folder down from the entries.
  for (const rel of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  throw new Error(`import-worker.js not found beside ${here}`);
}

interface Waiting {
  resolve: (ex: Examined) => void;
  reject: (err: Error) => void;
}

class Slot {
  readonly waiting = new Map<number, Waiting>();
  dead: Error | null = null;
  closing = false;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: ExamineReply | 'ready') => {
      if (m === 'ready') return;
      const w = this.waiting.get(m.i);
      this.waiting.delete(m.i);
      w?.resolve(m.ex);
    });
    const die = (err: Error) => {
      if (this.closing) return;
      this.dead ??= err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`import worker exited (${code})`)));
  }
}

function startOne(facts: ImportFacts, timeoutMs: number, script: string | URL | undefined): Promise<Slot> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      const entry = script === undefined ? workerEntry() : { script, eval: false };
      worker = new Worker(entry.script, { eval: entry.eval, workerData: { facts } });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const detach = () => {
      clearTimeout(timer);
      worker.off('error', fail);
      worker.off('exit', exited);
      worker.off('message', first);
    };
    const fail = (err: Error) => {
      detach();
      void worker.terminate();
      reject(err);
    };
    const exited = (code: number) => fail(new Error(`import worker exited (${code}) before it was ready`));
    const first = (m: unknown) => {
      if (m !== 'ready') return fail(new Error('import worker: unexpected first message'));
      detach();
      resolve(new Slot(worker));
    };
    const timer = setTimeout(() => fail(new Error(`import worker not ready after ${timeoutMs} ms`)), timeoutMs);
    worker.on('error', fail);
    worker.on('exit', exited);
    worker.on('message', first);
  });
}

export class ExaminePool {
  private next = 0;
  private constructor(private readonly slots: Slot[]) {}

  /**
   * `size` workers, each holding the batch's snapshot; rejects (nothing left running) when one
   * cannot start. `script`: a built worker to run instead of the one found beside this module (the
   * bench runs the app's bundled worker from the TypeScript sources).
   */
  static async start(facts: ImportFacts, size: number, timeoutMs = 120_000, script?: string | URL): Promise<ExaminePool> {
    const started = await Promise.allSettled(Array.from({ length: Math.max(1, size) }, () => startOne(facts, timeoutMs, script)));
    const slots = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    }
    return new ExaminePool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  /** One file, on the live worker with the fewest files in hand; rejects when none is left or it dies meanwhile. */
  examine(file: string): Promise<Examined> {
    const live = this.slots.filter((s) => s.dead === null);
    if (live.length === 0) return Promise.reject(this.slots[0]?.dead ?? new Error('no import worker'));
    const slot = live.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const i = this.next++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(i, { resolve, reject });
      slot.worker.postMessage({ i, file } satisfies ExamineRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => {
      s.closing = true;
      for (const w of s.waiting.values()) w.reject(new Error('import pool closed'));
      s.waiting.clear();
      return s.worker.terminate();
    }));
  }
}
