import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../../../test/helpers/app';
import type { TestStore } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { communeAndReviewer } from '../../../test/fixtures/commune-report';
import { KeyStore } from '../../kernel/signing/key-store';
import { acceptEnrolmentApproval, prepareEnrolmentRequest, recordEnrolmentRequest } from '../enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../enrolment/reviewer-enrolment';
import { backupKey, createKey, previewBackup, restoreKey, unlockKey } from './keys';

const reviewer = testKey('reviewer');
let xa: TestStore;
let so: TestStore;
beforeEach(() => {
  ({ xa, so } = communeAndReviewer());
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
});

describe('key service', () => {
  const scrypt = TEST_SCRYPT;
  it('restoring a backup of a key other than the enrolled one needs confirmation; the old key file is kept aside', async () => {
    const keys = new KeyStore(join(xa.dir, 'test.signing-key.json'), { scrypt });
    const first = await createKey(xa.ctx, keys, 'mật khẩu một 123');
    const signer = await unlockKey(keys, 'mật khẩu một 123');
    const { record } = prepareEnrolmentRequest(xa.ctx, signer, { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    acceptEnrolmentApproval(xa.ctx, approveEnrolmentRequest(so.ctx, record.text, reviewer).approvalText, { fingerprint: reviewer.fingerprint });

    // A backup of some other key (made on another installation).
    const otherKeys = new KeyStore(join(so.dir, 'other.signing-key.json'), { scrypt });
    await createKey(so.ctx, otherKeys, 'mật khẩu hai 456');
    const { path } = await backupKey(so.ctx, otherKeys, { folder: so.dir, keyPassphrase: 'mật khẩu hai 456', backupPassphrase: 'sao lưu 789' });
    expect(previewBackup(xa.ctx, keys, path)).toMatchObject({ sameAsCurrent: false, differsFromEnrolled: true });
    await expect(restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sao lưu 789', newPassphrase: 'mới 12345678' })).rejects.toMatchObject({ code: 'KEY_NOT_ENROLLED_KEY' });
    expect(keys.status()?.keyId).toBe(first.keyId);
    await expect(restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sai', newPassphrase: 'mới 12345678', confirmDifferent: true })).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG' });
    expect(keys.status()?.keyId).toBe(first.keyId);
    const restored = await restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sao lưu 789', newPassphrase: 'mới 12345678', confirmDifferent: true });
    expect(restored.keyId).toBe(otherKeys.status()?.keyId);
    expect(readFileSync(join(xa.dir, readdirSync(xa.dir).find((n) => n.includes('.replaced-'))!), 'utf8')).toContain(first.keyId);
  }, 60_000);

  it('never writes an unprotected key: no passphrase and no OS storage is refused', async () => {
    const keys = new KeyStore(join(xa.dir, 'k.json'), { scrypt });
    await expect(createKey(xa.ctx, keys, undefined)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(keys.status()).toBeNull();
    const refusing = new KeyStore(join(xa.dir, 'k2.json'), { protector: { available: () => false, encrypt: (b) => b, decrypt: (b) => b } });
    expect(refusing.osStorageAvailable()).toBe(false);
    const real = new KeyStore(join(xa.dir, 'k3.json'), { protector: { available: () => true, encrypt: (b) => b.map((x) => x ^ 0x5a), decrypt: (b) => b.map((x) => x ^ 0x5a) } });
    const k = await createKey(xa.ctx, real, undefined);
    expect(k.protection).toBe('os');
    expect((await unlockKey(real, undefined)).keyId).toBe(k.keyId);
  });
});
