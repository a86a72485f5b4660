import { describe, expect, it } from 'vitest';
import { killRepeatedly } from '../../../test/helpers/crash-harness';
import { communeStore } from '../../../test/helpers/assessment';

describe('killed at random moments (SIGKILL), 50 times', () => {
  it('the store always opens, passes quick_check, keeps every acknowledged write; every backup is sound', async () => {
    const s = communeStore();
    s.db.close();
    const seed = Number(process.env['CHISO_CRASH_SEED'] ?? 20261130);
    const r = await killRepeatedly(s.file, { kills: 50, seed, maxDelayMs: 500 });
    s.cleanup();
    expect(r.problems).toEqual([]);
    expect(r.kills).toBe(50);
    expect(r.corrupt).toBe(0);
    expect(r.lost).toBe(0);
    expect(r.badBackups).toBe(0);
    // The kills landed where writes happen: acknowledged writes, and backups under way.
    expect(r.acknowledged).toBeGreaterThan(50);
  }, 180_000);
});
