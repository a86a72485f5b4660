import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppRuntime } from '../../app/runtime';
import type { AppRuntime } from '../../app/runtime';
import { refusal, TEST_SCRYPT } from '../../../test/helpers/app';
import { communeWithData, damage, dump } from '../../../test/helpers/backup';
import { fixedClock } from '../../../test/helpers/context';
import { listEntries } from '../assessment/assessment';
import { assessmentView } from '../assessment/use-cases';
import { activeFramework } from '../framework/active';
import { backupFolderFor } from '../../kernel/db/backup-file';
import { join } from 'node:path';
import { backupState, createManualBackup, recover, restore } from './use-cases';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function reopen(file: string, recoverOnCorrupt: boolean): AppRuntime {
  const rt = createAppRuntime({ dbPath: file, appVersion: '0.0.0-test', platform: 'test', clock: fixedClock('2026-11-23T08:00:00.000Z'), actor: 'tester', keyScrypt: TEST_SCRYPT, recoverOnCorrupt });
  cleanups.push(() => rt.close());
  return rt;
}

describe('integrity at start-up and the recovery path', () => {
  it('a damaged database opens in recovery mode: the last good backup, what would be lost, restored after the damaged file is kept aside', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    const good = await t.app.perform(createManualBackup, undefined);
    const atBackup = dump(join(backupFolderFor(t.file), good.name));
    t.runtime.close();
    damage(t.file);

    // Without the recovery option (the other commands of the CLI): refused, the file untouched.
    expect(await refusal(() => reopen(t.file, false))).toBe('DB_CORRUPT');

    const rt = reopen(t.file, true);
    const state = await rt.app.perform(backupState, undefined);
    expect(state.recovery?.problems.length).toBeGreaterThan(0);
    expect(state.recovery?.lastGood?.name).toBe(good.name);
    expect(state.recovery?.lastGood?.manifest.lastChangeAt).toBe(t.clock.now().toISOString());
    expect(state.recovery?.damagedChangedAt).not.toBeNull();
    // Everything else is refused with the sentence that points to the backups.
    expect(await refusal(rt.app.perform(assessmentView, undefined))).toBe('DB_CORRUPT');
    expect(await refusal(rt.app.perform(restore, { name: good.name }))).toBe('DB_CORRUPT');

    const r = await rt.app.perform(recover, { name: good.name });
    expect(r.keptAs).toMatch(/^test\.sqlite\.damaged-/u);
    expect(existsSync(join(dirname(t.file), r.keptAs))).toBe(true);
    expect(dump(t.file)).toBe(atBackup);
    // The app works again over the restored data.
    expect((await rt.app.perform(backupState, undefined)).recovery).toBeNull();
    const entries = listEntries(rt.app.ctx, activeFramework(rt.app.ctx).ref);
    expect(entries['6.4']?.explanation).toBe('giải trình 2');
  });

  it('with no backup at all the recovery state says so, and nothing is changed', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    t.runtime.close();
    damage(t.file);
    const rt = reopen(t.file, true);
    const state = await rt.app.perform(backupState, undefined);
    expect(state.recovery?.lastGood).toBeNull();
    expect(state.backups).toEqual([]);
    expect(readdirSync(dirname(t.file)).filter((n) => n.includes('damaged'))).toEqual([]);
  });

  it('a backup damaged after it was made is skipped for an older good one', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    const older = await t.app.perform(createManualBackup, undefined);
    t.clock.advance(60_000);
    const newer = await t.app.perform(createManualBackup, undefined);
    t.runtime.close();
    damage(join(backupFolderFor(t.file), newer.name));
    damage(t.file);
    const rt = reopen(t.file, true);
    const state = await rt.app.perform(backupState, undefined);
    expect(state.recovery?.lastGood?.name).toBe(older.name);
    expect(await refusal(rt.app.perform(recover, { name: newer.name }))).toBe('BACKUP_DAMAGED');
  });
});
