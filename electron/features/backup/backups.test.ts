import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal, testApp } from '../../../test/helpers/app';
import type { TestApp } from '../../../test/helpers/app';
import { communeWithData, dump } from '../../../test/helpers/backup';
import { freshStore } from '../../../test/helpers/context';
import { backupFolderFor } from '../../kernel/db/backup-file';
import { openDatabase } from '../../kernel/db/open';
import { LATEST_VERSION } from '../../kernel/db/migrations/index';
import { saveEntry } from '../assessment/use-cases';
import { DAY_MS, dailyBackupIfDue, listBackups } from './backups';
import { backupState, createManualBackup, restore } from './use-cases';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
async function commune(): Promise<TestApp> {
  const t = await communeWithData();
  cleanups.push(t.cleanup);
  return t;
}

describe('backups of the database', () => {
  it('a backup is a sound single-file copy with a manifest saying what it holds', async () => {
    const t = await commune();
    const b = await t.app.perform(createManualBackup, undefined);
    const folder = backupFolderFor(t.file);
    expect(readdirSync(folder).sort()).toEqual([b.name.replace('.sqlite', '.json'), b.name]);
    expect(b.manifest).toMatchObject({
      kind: 'manual', unit: { code: '26734', name: 'Xã Bình Đào' }, role: 'commune', year: 2026,
      counts: { entries: 3, evidenceFiles: 2, surveyForms: 0, packagesReceived: 0 }, schemaVersion: LATEST_VERSION, appVersion: '0.0.0-test',
    });
    expect(b.manifest.lastChangeAt).toBe(t.clock.now().toISOString());
    expect(JSON.parse(readFileSync(join(folder, b.name.replace('.sqlite', '.json')), 'utf8'))).toEqual(b.manifest);
    expect(statSync(join(folder, b.name)).size).toBe(b.manifest.size);
    expect(existsSync(join(folder, `${b.name}-wal`))).toBe(false);
    expect(dump(join(folder, b.name))).toBe(dump(t.file));
  });

  it('backup → restore on a fresh database gives the same dump', async () => {
    const t = await commune();
    const before = dump(t.file);
    const b = await t.app.perform(createManualBackup, undefined);
    const fresh = testApp();
    cleanups.push(fresh.cleanup);
    const folder = backupFolderFor(fresh.file);
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    for (const f of [b.name, b.name.replace('.sqlite', '.json')]) copyFileSync(join(backupFolderFor(t.file), f), join(folder, f));
    const r = await fresh.app.perform(restore, { name: b.name });
    expect(r.restored).toBe(b.name);
    expect(dump(fresh.file)).toBe(before);
    expect((await fresh.app.perform(backupState, undefined)).backups.map((x) => x.manifest.kind).sort()).toEqual(['manual', 'pre-restore']);
  });

  it('restore keeps the current state as a pre-restore backup first', async () => {
    const t = await commune();
    const b = await t.app.perform(createManualBackup, undefined);
    await t.app.perform(saveEntry, { code: '1.3', entry: { input: { type: 'deduction', events: 9 } } });
    const changed = dump(t.file);
    const r = await t.app.perform(restore, { name: b.name });
    expect(dump(t.file)).toBe(dump(join(backupFolderFor(t.file), b.name)));
    expect(dump(join(backupFolderFor(t.file), r.keptAs))).toBe(changed);
  });

  it('a backup whose bytes changed is refused (BACKUP_DAMAGED) and nothing is replaced', async () => {
    const t = await commune();
    const b = await t.app.perform(createManualBackup, undefined);
    const db = new Database(join(backupFolderFor(t.file), b.name));
    db.prepare('DELETE FROM assessment_entries').run();
    db.close();
    const before = dump(t.file);
    expect(await refusal(t.app.perform(restore, { name: b.name }))).toBe('BACKUP_DAMAGED');
    expect(await refusal(t.app.perform(restore, { name: '20990101-000000-000Z-manual.sqlite' }))).toBe('BACKUP_NOT_FOUND');
    expect(dump(t.file)).toBe(before);
    expect(listBackups(t.app).map((x) => x.manifest.kind)).toEqual(['manual']);
  });

  it('the daily copy is made when the newest scheduled one is a day old, not before', async () => {
    const t = await commune();
    expect(await dailyBackupIfDue(t.app)).not.toBeNull();
    t.clock.advance(DAY_MS - 1000);
    expect(await dailyBackupIfDue(t.app)).toBeNull();
    t.clock.advance(1000);
    expect((await dailyBackupIfDue(t.app))?.manifest.kind).toBe('daily');
    expect(listBackups(t.app)).toHaveLength(2);
  });

  it('rotation runs after each copy: 12 days of daily copies and 8 on demand leave 7 daily and the last 5 on demand', async () => {
    const t = await commune();
    for (let day = 0; day < 12; day += 1) {
      await dailyBackupIfDue(t.app);
      t.clock.advance(DAY_MS);
    }
    for (let i = 0; i < 8; i += 1) await t.app.perform(createManualBackup, undefined);
    const kinds = listBackups(t.app).map((b) => b.manifest.kind);
    expect(kinds.filter((k) => k === 'manual')).toHaveLength(5);
    // The newest per day of the last 7 days (today's are on-demand copies), plus older ones kept as
    // the newest of their week or month.
    expect(kinds.filter((k) => k === 'daily').length).toBeLessThan(12);
    expect(readdirSync(backupFolderFor(t.file)).filter((n) => n.endsWith('.json'))).toHaveLength(kinds.length);
  }, 60_000);

  it('a migration is preceded by a copy of the database at its old version; a new database gets none', () => {
    const s = freshStore({ targetVersion: LATEST_VERSION - 1 });
    cleanups.push(s.cleanup);
    expect(existsSync(backupFolderFor(s.file))).toBe(false);
    s.db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run();
    s.db.close();
    const db = openDatabase(s.file);
    db.close();
    const names = readdirSync(backupFolderFor(s.file)).filter((n) => n.endsWith('.sqlite'));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/-pre-migration\.sqlite$/u);
    const copy = new Database(join(backupFolderFor(s.file), names[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: 'en' });
    copy.close();
    // Opening again: nothing to migrate, no new copy.
    openDatabase(s.file).close();
    expect(readdirSync(backupFolderFor(s.file)).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
  });
});
