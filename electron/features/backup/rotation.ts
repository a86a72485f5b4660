/**
 * Which backups to keep (pure). The scheduled copies (the daily one made at start-up, and those
 * made on demand) are thinned grandfather–father–son: the newest of each of the last 7 days, of
 * each of the last 4 ISO weeks and of each of the last 12 months. The copies made before an
 * event are kept by number: the last 5 of each kind (pre-migration, pre-import, pre-restore) and
 * the last 5 made on demand, whatever their age. Everything else is removed.
 */
import type { BackupKind } from '../../kernel/db/backup-file';

export const ROTATION = { days: 7, weeks: 4, months: 12, perEvent: 5 } as const;

export interface Dated {
  name: string;
  kind: BackupKind;
  at: Date;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const month = (d: Date): string => d.toISOString().slice(0, 7);

/** ISO 8601 week (UTC): `2026-W48`. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function newestPerBucket(sorted: Dated[], bucket: (d: Date) => string, buckets: number, kept: Set<string>): void {
  const seen = new Set<string>();
  for (const b of sorted) {
    const key = bucket(b.at);
    if (seen.has(key)) continue;
    if (seen.size >= buckets) break;
    seen.add(key);
    kept.add(b.name);
  }
}

/** The names to keep; the others may be removed. */
export function backupsToKeep(backups: readonly Dated[]): Set<string> {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const kept = new Set<string>();
  const scheduled = sorted.filter((b) => b.kind === 'daily' || b.kind === 'manual');
  newestPerBucket(scheduled, day, ROTATION.days, kept);
  newestPerBucket(scheduled, isoWeek, ROTATION.weeks, kept);
  newestPerBucket(scheduled, month, ROTATION.months, kept);
  for (const kind of ['manual', 'pre-migration', 'pre-import', 'pre-restore'] as const) {
    for (const b of sorted.filter((x) => x.kind === kind).slice(0, ROTATION.perEvent)) kept.add(b.name);
  }
  return kept;
}
