/**
 * A batch of packages imported the way a large one needs: examined in parallel (pool.ts, one worker
 * per core) and applied by the one writer (import.ts) in file order, each file in its own
 * savepoint and the files examined within a moment committed together (one fsync for the group), so the
 * verdicts and the database are exactly those of the sequential path. No transaction is ever open
 * while waiting for a worker. Progress after every file; a cancel (AbortSignal) stops before the
 * next group is applied: every file applied so far stays, the examinations in flight are dropped,
 * nothing is half-written.
 * Small batches (and a pool that cannot start) run on the writer's thread, through the same
 * examination.
 */
import type { ServiceContext } from '../../kernel/context';
import { examineFile, indexFacts, type Examined, type UnitFacts } from './examine';
import { importFacts } from './facts';
import { applyExamined, Held, unreadableFolder } from './import';
import { defaultWorkerCount, ExaminePool } from './pool';
import { listPackageFiles, type Listed } from './walk';
import type { ImportProgress, ImportResult } from '../../../shared/ipc/import';

/** The most files committed together. */
const GROUP_MAX = 64;

/**
 * How long a group of a pooled batch may wait for more examinations before it is applied: the
 * progress still moves several times a second, and a cancel waits at most this (plus one file).
 */
const GROUP_WAIT_MS = 120;

/** Below this many files a pool costs more to start than it saves. */
export const POOL_FROM = 24;

export interface BatchOptions {
  dryRun: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Worker threads; default one per core. 0: the writer's thread alone. */
  workers?: number;
  /** The fewest files worth a pool (default POOL_FROM). */
  poolFrom?: number;
  /** The most files committed together (default GROUP_MAX; tests lower it). */
  groupMax?: number;
  /** How the pool starts (tests give one that fails). */
  startPool?: typeof ExaminePool.start;
}

export interface BatchResult {
  results: ImportResult[];
  /** Files listed (results.length of them were done). */
  total: number;
  /** Cancelled before every file was done. */
  stopped: boolean;
  /** Worker threads that examined the files (0: the writer's thread alone). */
  threads: number;
  /** Why the pool was not used, or stopped being used (for the app's log). */
  notice: string | null;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importBatch(ctx: ServiceContext, paths: readonly string[], unit: UnitFacts, options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const listed = listPackageFiles(paths);
  const total = listed.length;
  const factsData = importFacts(ctx, unit);
  const facts = indexFacts(factsData);
  const held = new Held(ctx, options.dryRun);
  const results: ImportResult[] = [];
  const counts = { accepted: 0, duplicates: 0, refused: 0 };
  let notice: string | null = null;

  const wanted = Math.min(options.workers ?? defaultWorkerCount(), total);
  let pool: ExaminePool | null = null;
  if (wanted > 0 && total >= (options.poolFrom ?? POOL_FROM) && !options.signal?.aborted) {
    try {
      pool = await (options.startPool ?? ExaminePool.start)(factsData, wanted);
    } catch (err) {
      notice = `import pool not started, files examined one by one: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  let closing = false;
  const examine = (l: Listed): Promise<Examined> => {
    if (l.unreadable) return Promise.resolve(unreadableFolder(l.path));
    if (!pool) return Promise.resolve(examineFile(l.path, facts));
    return pool.examine(l.path).catch((err: unknown) => {
      if (closing) return unreadableFolder(l.path); // dropped: never applied
      notice ??= `import worker failed, its files examined on the writer's thread: ${err instanceof Error ? err.message : String(err)}`;
      return examineFile(l.path, facts);
    });
  };

  const record = (r: ImportResult) => {
    results.push(r);
    if (r.outcome === 'accepted') counts.accepted++;
    else if (r.outcome === 'duplicate') counts.duplicates++;
    else counts.refused++;
  };
  const progress = () => {
    const done = results.length;
    options.onProgress?.({ done, total, ...counts, etaMs: done === total ? 0 : Math.round(((performance.now() - started) / done) * (total - done)) });
  };
  /**
   * The examinations ready, applied in one transaction (each file in its own savepoint inside it):
   * one commit, one fsync, for the group. A group that cannot commit (a full disk) is applied
   * again file by file, so each file still gets its own verdict.
   */
  const applyGroup = (group: [Examined, Listed][]) => {
    if (options.dryRun) {
      for (const [ex, l] of group) {
        if (options.signal?.aborted) return;
        record(applyExamined(ctx, ex, held, l.shown));
        progress();
      }
      return;
    }
    const applied: ImportResult[] = [];
    try {
      ctx.db.transaction(() => {
        for (const [ex, l] of group) applied.push(applyExamined(ctx, ex, held, l.shown));
      })();
    } catch {
      applied.length = 0;
      for (const [ex, l] of group) applied.push(applyExamined(ctx, ex, held, l.shown));
    }
    for (const r of applied) {
      record(r);
      progress();
    }
  };

  interface InFlight {
    listed: Listed;
    examined: Promise<Examined>;
    ready?: Examined;
  }
  const track = (listed: Listed): InFlight => {
    const examined = examine(listed);
    const f: InFlight = { listed, examined };
    void examined.then((ex) => { f.ready = ex; });
    return f;
  };
  // Enough in flight that the workers keep busy while the writer applies a whole group.
  const groupMax = Math.max(1, options.groupMax ?? GROUP_MAX);
  const window = pool ? groupMax + pool.size * 4 : 1;
  const inflight: InFlight[] = [];
  let next = 0;
  const refill = () => {
    while (inflight.length < window && next < total) inflight.push(track(listed[next++]!));
  };
  try {
    while (results.length < total && !options.signal?.aborted) {
      if (!pool) {
        await yieldToEvents(); // lets a cancel arrive between two files
        if (options.signal?.aborted) break;
      }
      refill();
      const head = inflight.shift()!;
      const group: [Examined, Listed][] = [[await head.examined, head.listed]];
      if (options.signal?.aborted) break;
      // With workers, the group also waits (a little) for the files still in flight: a commit
      // costs an fsync, more than applying a file, so one per file would make the writer the
      // bottleneck. Only examinations wait, in memory; no transaction is open meanwhile.
      const until = performance.now() + (pool ? GROUP_WAIT_MS : 0);
      while (group.length < groupMax && !options.signal?.aborted) {
        refill();
        const f = inflight[0];
        if (!f) break;
        if (f.ready === undefined) {
          if (performance.now() >= until) break;
          await f.examined;
        }
        inflight.shift();
        group.push([f.ready!, f.listed]);
      }
      if (options.signal?.aborted) break;
      refill();
      applyGroup(group);
    }
  } finally {
    closing = true;
    await pool?.close();
  }
  return { results, total, stopped: results.length < total, threads: pool?.size ?? 0, notice };
}
