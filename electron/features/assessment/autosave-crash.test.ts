import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { communeStore } from '../../../test/helpers/assessment';
import { openDatabase } from '../../kernel/db/open';
import { activeFramework } from '../framework/active';
import { listEntries } from './assessment';
import type { ServiceContext } from '../../kernel/context';

const CHILD = fileURLToPath(new URL('../../../test/helpers/autosave-child.ts', import.meta.url));

describe('autosave survives a real process kill', () => {
  it('every acknowledged entry is there after SIGKILL mid-stream', async () => {
    const s = communeStore();
    s.db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, s.file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lastAck = new Map<string, number>();
    let acks = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let buffer = '';
    const killed = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const m = /^ACK (\d+) (\S+)$/u.exec(line);
          if (!m) continue;
          acks += 1;
          lastAck.set(m[2]!, Number(m[1]));
          if (acks === 150) child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without kill: ${stderr}`))));
    });
    await killed;
    expect(acks).toBeGreaterThanOrEqual(150);
    const db = openDatabase(s.file);
    const ctx: ServiceContext = { db, clock: s.clock, actor: () => 'check' };
    const entries = listEntries(ctx, activeFramework(ctx).ref);
    for (const [code, n] of lastAck) {
      const stored = entries[code]?.entry?.input;
      expect(stored?.type).toBe('deduction');
      // Committed at least up to the acknowledged write (a later one may have committed before the kill).
      expect((stored as { events: number }).events).toBeGreaterThanOrEqual(n);
      expect(Number(/\d+/u.exec(entries[code]?.explanation ?? '')?.[0])).toBeGreaterThanOrEqual(n);
    }
    const audits = db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'crash-test'").get() as { n: number };
    expect(audits.n).toBeGreaterThanOrEqual(2 * Math.max(...lastAck.values()));
    db.close();
    s.cleanup();
  }, 30_000);
});
