import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup } from '../../../test/helpers/context';

let a: ChannelApp;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: communeSetup });
});
afterEach(() => a.cleanup());

describe('keys channels', () => {
  it('keys:create refuses an unprotected key and a short passphrase; then creates one', async () => {
    expect(await a.call('keys:status')).toEqual({ ok: true, value: { key: null, backedUp: false, osStorageAvailable: false, enrolledKeyId: null, pendingRotation: null } });
    expect(await a.call('keys:create', {})).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_REQUIRED' } });
    expect(await a.call('keys:create', { passphrase: 'ngắn' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: { passphrase: 'PASSPHRASE_SHORT' } } } });
    expect(await a.call('keys:create', { passphrase: 'đủ dài rồi 123' })).toMatchObject({ ok: true, value: { protection: 'passphrase' } });
    expect(await a.call('keys:create', { passphrase: 'đủ dài rồi 456' })).toMatchObject({ ok: false, error: { code: 'KEY_EXISTS' } });
  });

  it('keys:status says whether the key has a backup (for both roles, the Keys screen asks until it has)', async () => {
    await a.call('keys:create', { passphrase: 'đủ dài rồi 123' });
    expect(await a.call('keys:status')).toMatchObject({ ok: true, value: { backedUp: false } });
    a.folders.push(a.folder('usb'));
    expect(await a.call('keys:backup', { keyPassphrase: 'đủ dài rồi 123', backupPassphrase: 'mật khẩu sao lưu 456' })).toMatchObject({ ok: true });
    expect(await a.call('keys:status')).toMatchObject({ ok: true, value: { backedUp: true } });
  });

  it('keys:restore takes only the token of the backup just chosen', async () => {
    expect(await a.call('keys:restore', { token: 'bịa ra', backupPassphrase: 'x', confirmDifferent: false })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
