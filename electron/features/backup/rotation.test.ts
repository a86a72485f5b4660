import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../kernel/db/backup-file';
import { backupFileName, parseBackupFileName } from '../../kernel/db/backup-file';
import { backupsToKeep, isoWeek } from './rotation';

const DAY = 86_400_000;
const start = new Date('2025-01-01T09:00:00.000Z').getTime();
const item = (kind: BackupKind, t: number) => ({ name: backupFileName(kind, new Date(t)), kind, at: new Date(t) });

describe('backup rotation (pure)', () => {
  it('a year and a month of daily copies: 7 days, 4 weeks, 12 months kept, newest first in each', () => {
    const all = Array.from({ length: 400 }, (_, d) => item('daily', start + d * DAY));
    const kept = backupsToKeep(all);
    const newest = all.at(-1)!;
    expect(kept.has(newest.name)).toBe(true);
    // The last 7 days, all kept.
    for (const b of all.slice(-7)) expect(kept.has(b.name)).toBe(true);
    // One per month for 12 months: the newest of each.
    const months = new Set([...kept].map((n) => parseBackupFileName(n)!.at.toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    const weeks = new Set([...kept].map((n) => isoWeek(parseBackupFileName(n)!.at)));
    expect(weeks.size).toBeGreaterThanOrEqual(4);
    expect(kept.size).toBeGreaterThanOrEqual(12);
    expect(kept.size).toBeLessThanOrEqual(7 + 4 + 12);
    // Nothing older than 12 months.
    expect(all.slice(0, 30).some((b) => kept.has(b.name))).toBe(false);
  });

  it('event copies are kept by number, the last 5 of each kind, whatever their age', () => {
    const events = (['pre-migration', 'pre-import', 'pre-restore', 'manual'] as const).flatMap((k, i) =>
      Array.from({ length: 9 }, (_, n) => item(k, start + i * 1000 + n * 90 * DAY)),
    );
    const kept = backupsToKeep(events);
    for (const kind of ['pre-migration', 'pre-import', 'pre-restore'] as const) {
      const mine = events.filter((e) => e.kind === kind);
      expect(mine.filter((e) => kept.has(e.name)).map((e) => e.name)).toEqual(mine.slice(-5).map((e) => e.name));
    }
  });

  it('ISO weeks across a year boundary', () => {
    expect(isoWeek(new Date('2026-12-31T10:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T10:00:00Z'))).toBe('2027-W01');
    expect(isoWeek(new Date('2024-12-30T10:00:00Z'))).toBe('2025-W01');
  });

  it('names sort by time and parse back', () => {
    const at = new Date('2026-11-30T14:12:00.123Z');
    expect(backupFileName('pre-import', at)).toBe('20261130-141200-123Z-pre-import.sqlite');
    expect(parseBackupFileName('20261130-141200-123Z-pre-import.sqlite')).toEqual({ kind: 'pre-import', at });
    expect(parseBackupFileName('20261130-141200-123Z-evil.sqlite')).toBeNull();
    expect(parseBackupFileName('../x.sqlite')).toBeNull();
  });
});
