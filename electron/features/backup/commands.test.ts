/** chiso backup through the capturing io: create, list, restore (confirmed), export-all, import-all, a damaged database. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { communeWithData, damage, dump } from '../../../test/helpers/backup';
import { captureIO } from '../../../test/helpers/cli-io';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('chiso backup', () => {
  it('create, list, restore with --yes, export-all and import-all on another PC; a damaged database is restored', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    t.runtime.close();
    const c = captureIO(t.dir);
    expect(await runCli(['backup', 'create', '--db', t.file], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Đã sao lưu: ');
    expect(c.out.join('\n')).toContain('Xã Bình Đào (26734) năm 2026 · 3 mục · 2 tài liệu · 0 phiếu · 0 hồ sơ đã nhận');
    const name = /(\d{8}-\d{6}-\d{3}Z-manual\.sqlite)/u.exec(c.out.join('\n'))![1]!;

    const l = captureIO(t.dir);
    expect(await runCli(['backup', 'list', '--db', t.file], l.io)).toBe(0);
    expect(l.out.some((line) => line.startsWith(name))).toBe(true);

    const unconfirmed = captureIO(t.dir);
    expect(await runCli(['backup', 'restore', '--db', t.file, name], unconfirmed.io)).toBe(2);
    expect(unconfirmed.err.join('\n')).toContain('--yes');

    const before = dump(t.file);
    const usb = join(t.dir, 'usb');
    mkdirSync(usb);
    const e = captureIO(t.dir);
    expect(await runCli(['backup', 'export-all', '--db', t.file, '--out', 'usb'], e.io)).toBe(0);
    const file = join(usb, readdirSync(usb)[0]!);
    expect(file).toMatch(/CCHC-ALL-26734-2026-.*\.cchc-all$/u);

    const other = tempDir();
    cleanups.push(other.cleanup);
    const i = captureIO(other.dir);
    expect(await runCli(['backup', 'import-all', '--db', 'may-moi.sqlite', '--yes', file], i.io)).toBe(0);
    expect(dump(join(other.dir, 'may-moi.sqlite'))).toBe(before);

    damage(t.file);
    const refused = captureIO(t.dir);
    expect(await runCli(['survey', 'results', '--db', t.file], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toContain('chiso backup restore');
    const dl = captureIO(t.dir);
    expect(await runCli(['backup', 'list', '--db', t.file], dl.io)).toBe(0);
    expect(dl.out.join('\n')).toContain('CƠ SỞ DỮ LIỆU BỊ HỎNG');
    const r = captureIO(t.dir);
    expect(await runCli(['backup', 'restore', '--db', t.file, '--yes', name], r.io)).toBe(0);
    expect(r.out.join('\n')).toContain('test.sqlite.damaged-');
    expect(dump(t.file)).toBe(before);
  });
});
