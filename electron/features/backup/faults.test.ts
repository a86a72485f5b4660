/**
 * Full disk, read-only folder, a folder pulled away: during a backup, an export of the whole data
 * and an import. Each ends in a clear refusal, with nothing half-written and nothing lost.
 *
 * Full disk is real: the command line runs in a child whose file-size limit (`ulimit -f`) is below
 * what it must write, so the kernel refuses the write (EFBIG), as a full disk does (ENOSPC).
 * A read-only folder cannot be made so for root (the tests may run as root), so that one is
 * simulated at the file layer (mkdir answering EROFS). The vanished folder is real: it is removed
 * while the copy is being written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal, testApp } from '../../../test/helpers/app';
import type { TestApp } from '../../../test/helpers/app';
import { communeWithData, dump } from '../../../test/helpers/backup';
import { provinceSetup } from '../../../test/helpers/context';
import { tinyPdf } from '../../../test/helpers/assessment';
import { backupFolderFor, nodeBackupFileOps } from '../../kernel/db/backup-file';
import { attachEvidence } from '../evidence/use-cases';
import { importPackages } from '../import/use-cases';
import { createBackup, listBackups } from './backups';

const CLI = fileURLToPath(new URL('../../app/cli/chiso.ts', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function track(t: TestApp): TestApp {
  cleanups.push(t.cleanup);
  return t;
}

/** `chiso …` in a child limited to `kib` KiB per file written. */
function cliWithFileLimit(kib: number, args: string[]): { status: number | null; stderr: string; stdout: string } {
  const quoted = [process.execPath, '--import', 'tsx', CLI, ...args].map((a) => `'${a.replace(/'/gu, "'\\''")}'`).join(' ');
  const r = spawnSync('bash', ['-c', `ulimit -f ${kib} && exec ${quoted}`], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const leftovers = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.')) : []);

describe('faults during a backup', () => {
  it('a read-only backups folder: BACKUP_WRITE_PROTECTED, nothing written', async () => {
    const t = track(await communeWithData());
    const ops = { ...nodeBackupFileOps, mkdirSync: () => { throw Object.assign(new Error('EROFS'), { code: 'EROFS' }); } };
    expect(await refusal(createBackup(t.app, 'manual', { ops }))).toBe('BACKUP_WRITE_PROTECTED');
    expect(existsSync(backupFolderFor(t.file))).toBe(false);
  });

  it('the backups folder removed while the copy is written: BACKUP_FOLDER_MISSING, the live database intact', async () => {
    const t = track(await communeWithData());
    const before = dump(t.file);
    const folder = backupFolderFor(t.file);
    let pulled = false;
    const code = await refusal(
      createBackup(t.app, 'manual', {
        onStep: () => {
          if (!pulled) rmSync(folder, { recursive: true, force: true });
          pulled = true;
        },
      }),
    );
    expect(pulled).toBe(true);
    expect(code).toBe('BACKUP_FOLDER_MISSING');
    expect(dump(t.file)).toBe(before);
    expect(listBackups(t.app)).toEqual([]);
    // The next copy works again.
    expect((await createBackup(t.app, 'manual')).manifest.counts.entries).toBe(3);
  });

  it('a full disk (file-size limit below the copy): BACKUP_DISK_FULL, no partial copy, the database unchanged', async () => {
    const t = track(await communeWithData());
    t.runtime.close();
    const before = dump(t.file);
    const size = statSync(t.file).size;
    const r = cliWithFileLimit(Math.floor(size / 1024 / 2), ['backup', 'create', '--db', t.file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BACKUP_DISK_FULL');
    expect(r.stderr).toContain('Ổ đĩa (hoặc USB) đã đầy');
    expect(dump(t.file)).toBe(before);
    const folder = backupFolderFor(t.file);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  }, 90_000);
});

describe('faults during an export of the whole data', () => {
  it('a full USB stick: BACKUP_DISK_FULL, no partial file on it', async () => {
    const t = track(await communeWithData());
    const big = join(t.dir, 'so-tay.pdf');
    writeFileSync(big, Buffer.concat([tinyPdf('So tay'), Buffer.alloc(600_000, 0x20)]));
    await t.app.perform(attachEvidence, { code: '5.4', paths: [big] });
    t.runtime.close();
    const usb = join(t.dir, 'usb');
    mkdirSync(usb);
    const size = statSync(t.file).size;
    // Room for the database copy, not for the database and the evidence together.
    const r = cliWithFileLimit(Math.ceil(size / 1024) + 200, ['backup', 'export-all', '--db', t.file, '--out', usb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BACKUP_DISK_FULL');
    expect(readdirSync(usb)).toEqual([]);
  }, 90_000);
});

describe('faults during an import', () => {
  it('a package import whose pre-import backup cannot be made does not start', async () => {
    const t = track(testApp(provinceSetup));
    // The backups folder cannot be created: a file stands where its parent should be.
    writeFileSync(join(t.dir, 'backups'), 'not a folder');
    const before = dump(t.file);
    expect(await refusal(t.app.perform(importPackages, { paths: [join(t.dir, 'nothing.json')], dryRun: false }))).toBe('BACKUP_FOLDER_MISSING');
    expect(dump(t.file)).toBe(before);
    // A dry run writes nothing, so it needs no copy.
    expect(await refusal(t.app.perform(importPackages, { paths: [join(t.dir, 'nothing.json')], dryRun: true }))).toBeUndefined();
  });

  it('a whole-data import onto a full disk: BACKUP_DISK_FULL, nothing staged is left, the database unchanged', async () => {
    const src = track(await communeWithData());
    const usb = join(src.dir, 'usb');
    mkdirSync(usb);
    const { exportAll } = await import('./use-cases');
    const file = (await src.app.perform(exportAll, { folder: async () => usb }))!.path;
    src.runtime.close();
    const dst = track(testApp());
    dst.runtime.close();
    const before = dump(dst.file);
    // Room for this PC's own (empty) database, not for the one in the file.
    const limit = Math.ceil(statSync(dst.file).size / 1024) + 8;
    expect(limit * 1024).toBeLessThan(statSync(src.file).size);
    const r = cliWithFileLimit(limit, ['backup', 'import-all', '--db', dst.file, '--yes', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BACKUP_DISK_FULL');
    expect(dump(dst.file)).toBe(before);
    expect(leftovers(dst.dir)).toEqual([]);
  }, 90_000);
});
