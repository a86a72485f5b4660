import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, fixedClock, tempDir } from '../../../test/helpers/context';
import type { AppRuntime } from '../../app/runtime';
import { createAppRuntime } from '../../app/runtime';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let dir: string;
let cleanup: () => void;
const folders: (string | null)[] = [];
const opened: string[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  rt = createAppRuntime({
    dbPath: join(dir, 'app.sqlite'),
    appVersion: '0.1.0',
    platform: 'test',
    clock: fixedClock(),
    keyScrypt: { N: 2 ** 12, r: 8, p: 1 },
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => null,
      openFiles: async () => [],
      chooseFolder: async () => folders.shift() ?? null,
      saveFile: async () => null,
      openPath: async (p) => void opened.push(p),
    },
    pdf: { fromHtml: async (html) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`) },
  });
});
afterEach(() => {
  rt.close();
  cleanup();
});

const call = (channel: string, input?: unknown) => rt.route(channel, input, trusted);

describe('package channels', () => {
  it('keys:create refuses an unprotected key and a short passphrase; then creates one', async () => {
    await call('setup:complete', { setup: communeSetup });
    expect(await call('keys:status')).toEqual({ ok: true, value: { key: null, osStorageAvailable: false, enrolledKeyId: null } });
    expect(await call('keys:create', {})).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_REQUIRED' } });
    expect(await call('keys:create', { passphrase: 'ngắn' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: { passphrase: 'PASSPHRASE_SHORT' } } } });
    const r = await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    expect(r).toMatchObject({ ok: true, value: { protection: 'passphrase' } });
  });

  it('package:export: a cancelled folder dialog writes nothing and keeps the revision; a wrong passphrase is refused before the dialog', async () => {
    await call('setup:complete', { setup: communeSetup });
    await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    expect(await call('package:export', { keyPassphrase: 'sai mật khẩu' })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
    expect(await call('package:export', { keyPassphrase: 'đủ dài rồi 123' })).toEqual({ ok: true, value: null });
    expect(await call('package:status')).toMatchObject({ ok: true, value: { exports: [] } });
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    folders.push(usb);
    const r = await call('package:export', { keyPassphrase: 'đủ dài rồi 123' });
    expect(r).toMatchObject({ ok: true, value: { revision: 1, fileName: 'CCHC-2026-26734-r1.json', tooLargeForEmail: false } });
    const email = await call('package:email', { packageId: (r as { value: { packageId: string } }).value.packageId });
    expect(email).toMatchObject({ ok: true, value: { emlPath: join(usb, 'CCHC-2026-26734-r1.eml') } });
    expect(opened).toContain(join(usb, 'CCHC-2026-26734-r1.eml'));
    expect(readdirSync(usb).sort()).toEqual(['CCHC-2026-26734-r1.eml', 'CCHC-2026-26734-r1.json']);
  });

  it('enrolment:request writes the signed request and the printed form, and opens the form', async () => {
    await call('setup:complete', { setup: communeSetup });
    await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    folders.push(usb);
    const r = await call('enrolment:request', { keyPassphrase: 'đủ dài rồi 123', officerName: 'Nguyễn Thị Hoa', officerTitle: 'Công chức' });
    expect(r.ok).toBe(true);
    const files = readdirSync(usb).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^CCHC-ENROL-26734-[0-9A-Z]{16}\.json$/u);
    expect(opened[opened.length - 1]).toBe(join(usb, files[1]!));
    expect(await call('enrolment:status')).toMatchObject({ ok: true, value: { request: { officerName: 'Nguyễn Thị Hoa' }, pinned: null } });
  });
});
