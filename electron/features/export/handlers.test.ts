import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup } from '../../../test/helpers/context';

let a: ChannelApp;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: communeSetup });
  await a.call('keys:create', { passphrase: 'đủ dài rồi 123' });
});
afterEach(() => a.cleanup());

describe('package channels', () => {
  it('package:export: a wrong passphrase is refused before the dialog; a cancelled one writes nothing and keeps the revision', async () => {
    expect(await a.call('package:export', { keyPassphrase: 'sai mật khẩu' })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
    expect(await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123' })).toEqual({ ok: true, value: null });
    expect(await a.call('package:status')).toMatchObject({ ok: true, value: { exports: [] } });
    const usb = a.folder('usb');
    a.folders.push(usb);
    const r = await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123' });
    expect(r).toMatchObject({ ok: true, value: { revision: 1, fileName: 'CCHC-2026-26734-r1.json', tooLargeForEmail: false } });
    expect(readdirSync(usb)).toEqual(['CCHC-2026-26734-r1.json']);
  });

  it('package:email writes a draft beside the package, with it attached and the letter in Vietnamese, and opens it', async () => {
    const usb = a.folder('usb');
    a.folders.push(usb);
    const r = (await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123' })) as { value: { packageId: string; sha256: string } };
    const email = await a.call('package:email', { packageId: r.value.packageId });
    const eml = join(usb, 'CCHC-2026-26734-r1.eml');
    expect(email).toEqual({ ok: true, value: { emlPath: eml } });
    expect(a.opened).toEqual([eml]);
    expect(readdirSync(usb).sort()).toEqual(['CCHC-2026-26734-r1.eml', 'CCHC-2026-26734-r1.json']);
    const text = readFileSync(eml, 'utf8');
    const body = Buffer.from(/charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/u.exec(text)![1]!.replace(/\r\n/gu, ''), 'base64').toString('utf8');
    expect(body).toContain('Kính gửi đơn vị thẩm định,');
    expect(body).toContain(`Mã SHA-256: ${r.value.sha256}`);
    expect(body).toContain('Nguyễn Thị Hoa — Công chức Văn phòng - Thống kê');
    expect(text).toContain('filename="CCHC-2026-26734-r1.json"');
    expect(await a.call('package:email', { packageId: 'không có' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
