/**
 * The pooled import of a folder in a fresh process, so its peak memory is its own (import bench).
 * argv: database folder [worker script]. The workers are started first and timed apart. Prints one
 * JSON line: {ms, startMs, threads, accepted, other, maxRssKb} (maxRssKb: VmHWM, workers included:
 * they are threads of this process).
 */
import { availableParallelism } from 'node:os';
import { importBatch } from '../../electron/features/import/batch';
import { importFacts } from '../../electron/features/import/facts';
import { ExaminePool } from '../../electron/features/import/pool';
import { openDatabase } from '../../electron/kernel/db/open';
import { peakKb } from './peak-memory';

const [dbFile, folder, script] = process.argv.slice(2);
const db = openDatabase(dbFile!);
const ctx = { db, clock: { now: () => new Date() }, actor: () => 'bench' };
const unit = { unitCode: '49', provinceCode: '49' };
const t0 = performance.now();
const pool = await ExaminePool.start(importFacts(ctx, unit), availableParallelism(), 120_000, script);
const startMs = performance.now() - t0;
const t1 = performance.now();
const r = await importBatch(ctx, [folder!], unit, { dryRun: false, startPool: () => Promise.resolve(pool) });
const ms = performance.now() - t1;
db.close();
const accepted = r.results.filter((x) => x.outcome === 'accepted').length;
process.stdout.write(`${JSON.stringify({ ms, startMs, threads: r.threads, accepted, other: r.results.length - accepted, notice: r.notice, maxRssKb: peakKb() })}\n`);
