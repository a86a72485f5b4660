/**
 * Kill a writing child at seeded random moments and check the store after each kill: it opens,
 * passes quick_check, every write the child acknowledged is there, and every file with a backup's
 * name is a sound database. Used by the crash test (50 kills, `npm test`) and `npm run soak`
 * (1,000 kills). The child is bundled once with esbuild so each start costs a Node start, not a
 * TypeScript compile.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { ServiceContext } from '../../electron/kernel/context';
import { backupFolderFor, parseBackupFileName } from '../../electron/kernel/db/backup-file';
import { quickCheckFile } from '../../electron/kernel/db/integrity';
import { openDatabase } from '../../electron/kernel/db/open';
import { listEntries } from '../../electron/features/assessment/assessment';
import { activeFramework } from '../../electron/features/framework/active';
import { fixedClock } from './context';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD_SOURCE = join(ROOT, 'test/helpers/crash-child.ts');

/** The child as one CommonJS file beside the repository's node_modules. */
export async function bundleChild(): Promise<string> {
  const outDir = join(ROOT, 'test-output/crash');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'crash-child.cjs');
  // The child never writes a spreadsheet: a stub for exceljs saves most of a Node start.
  const noSpreadsheet: Plugin = {
    name: 'no-spreadsheet',
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
  await build({ entryPoints: [CHILD_SOURCE], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'error', target: 'node20', plugins: [noSpreadsheet] });
  return outfile;
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KillReport {
  kills: number;
  acknowledged: number;
  /** Kills after which the store did not open or failed quick_check. */
  corrupt: number;
  /** Acknowledged writes missing after a kill. */
  lost: number;
  /** Files with a backup's name that are not sound databases. */
  badBackups: number;
  backupsMade: number;
  problems: string[];
}

interface Cycle {
  acks: Map<string, number>;
  count: number;
  backups: number;
}

/**
 * One child, killed `delayMs` after it said READY (its store open), or, when `duringStart`, that
 * long after it was spawned (while it opens the store), whichever applies first.
 */
function runOnce(child: string, db: string, run: number, delayMs: number, duringStart: boolean): Promise<Cycle> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, db, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks = new Map<string, number>();
    let count = 0;
    let backups = 0;
    let buffer = '';
    let stderr = '';
    let timer = duringStart ? setTimeout(() => p.kill('SIGKILL'), delayMs) : null;
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^ACK (\d+) (\S+)$/u.exec(line);
        if (m) {
          count += 1;
          acks.set(m[2]!, Number(m[1]));
        } else if (line === 'BACKUP') backups += 1;
        else if (line === 'READY' && !timer) timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acks, count, backups });
      else reject(new Error(`child ended without a kill (${String(_code)}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/**
 * `kills` cycles over the store at `db` (set up beforehand): each child is killed after a random
 * delay in [0, maxDelayMs): one in ten counted from its spawn (mostly while it opens the store),
 * the others from its READY (mid-write, some mid-backup).
 */
export async function killRepeatedly(db: string, options: { kills: number; seed: number; maxDelayMs?: number; onKill?(i: number, r: KillReport): void }): Promise<KillReport> {
  const child = await bundleChild();
  const random = prng(options.seed);
  const report: KillReport = { kills: 0, acknowledged: 0, corrupt: 0, lost: 0, badBackups: 0, backupsMade: 0, problems: [] };
  const maxDelay = options.maxDelayMs ?? 600;
  for (let i = 1; i <= options.kills; i += 1) {
    const duringStart = random() < 0.1;
    const cycle = await runOnce(child, db, i, Math.floor(random() * maxDelay), duringStart);
    report.kills += 1;
    report.acknowledged += cycle.count;
    report.backupsMade += cycle.backups;
    let store;
    try {
      store = openDatabase(db);
    } catch (err) {
      report.corrupt += 1;
      report.problems.push(`kill ${i}: the store does not open: ${(err as Error).message}`);
      break;
    }
    try {
      const ctx: ServiceContext = { db: store, clock: fixedClock(), actor: () => 'check' };
      const entries = listEntries(ctx, activeFramework(ctx).ref);
      for (const [code, value] of cycle.acks) {
        const stored = entries[code]?.entry?.input as { events?: number } | undefined;
        const explained = Number(/\d+/u.exec(entries[code]?.explanation ?? '')?.[0] ?? -1);
        // At least the acknowledged write (a later one may have committed just before the kill).
        if (!stored || (stored.events ?? -1) < value || explained < value) {
          report.lost += 1;
          report.problems.push(`kill ${i}: ${code} acknowledged ${value}, stored ${String(stored?.events)} / "${entries[code]?.explanation ?? ''}"`);
        }
      }
    } finally {
      store.close();
    }
    const folder = backupFolderFor(db);
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      // no backup yet
    }
    for (const name of names) {
      if (!parseBackupFileName(name)) continue;
      const problems = quickCheckFile(join(folder, name));
      if (problems.length > 0) {
        report.badBackups += 1;
        report.problems.push(`kill ${i}: backup ${name}: ${problems[0]}`);
      }
    }
    options.onKill?.(i, report);
  }
  return report;
}
