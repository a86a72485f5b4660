import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { testKey } from '../../../test/fixtures/test-keys';
import { verify } from './ed25519';
import { createKeyBackup, readKeyBackupInfo, restoreKeyBackup } from './key-backup';
import { FileKeyVault, ProtectedKeyVault, type SecretProtector } from './key-vault';
import type { ScryptParams } from './sealed-key';

// Cheap scrypt for speed; one test below uses the real default.
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const now = () => new Date('2026-03-01T00:00:00.000Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe('FileKeyVault (passphrase)', () => {
  it('creates, reads the public key without the passphrase, signs after unlocking', async () => {
    const vault = new FileKeyVault(join(dir, 'signing-key.json'), { now, scrypt: FAST });
    expect(vault.has()).toBe(false);
    const info = await vault.create({ passphrase: 'mật khẩu dài của xã' });
    expect(vault.has()).toBe(true);
    expect(vault.info()).toEqual(info);
    const msg = new TextEncoder().encode('hello');
    const sig = await vault.sign(msg, { passphrase: 'mật khẩu dài của xã' });
    expect(verify(vault.publicKey(), msg, sig)).toBe(true);
  });
  it('never writes the private key in clear', async () => {
    const key = testKey('commune');
    const path = join(dir, 'k.json');
    await new FileKeyVault(path, { scrypt: FAST }).store(key.privateKeyObject(), { passphrase: 'pw-123456' });
    const text = readFileSync(path, 'utf8');
    const der = Buffer.from(key.privateKeyObject().export({ format: 'der', type: 'pkcs8' }));
    const seedB64u = der.subarray(16).toString('base64url');
    expect(text).not.toContain(seedB64u);
    expect(text).not.toContain(der.subarray(16).toString('hex'));
    expect(text).not.toContain('PRIVATE KEY');
    expect(readdirSync(dir)).toEqual(['k.json']); // no temporary file left behind
  });
  it('wrong passphrase → PASSPHRASE_WRONG; none → PASSPHRASE_REQUIRED', async () => {
    const vault = new FileKeyVault(join(dir, 'k.json'), { scrypt: FAST });
    await vault.create({ passphrase: 'đúng' });
    expect(await codeOf(vault.unlock({ passphrase: 'sai' }))).toBe('PASSPHRASE_WRONG');
    expect(await codeOf(vault.unlock({}))).toBe('PASSPHRASE_REQUIRED');
    expect(await codeOf(vault.unlock({ passphrase: '' }))).toBe('PASSPHRASE_REQUIRED');
    expect(await codeOf(vault.create({}))).toBe('KEY_EXISTS');
  });
  it('accepts the passphrase typed in NFD (another Vietnamese input method)', async () => {
    const vault = new FileKeyVault(join(dir, 'k.json'), { scrypt: FAST });
    await vault.create({ passphrase: 'Hòa Bình 2026' });
    await expect(vault.unlock({ passphrase: 'Hòa Bình 2026'.normalize('NFD') })).resolves.toBeDefined();
  });
  it('a swapped public key in the file header fails like a wrong passphrase (header is authenticated)', async () => {
    const path = join(dir, 'k.json');
    const vault = new FileKeyVault(path, { scrypt: FAST });
    await vault.create({ passphrase: 'pw' });
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const other = testKey('stranger');
    writeFileSync(path, JSON.stringify({ ...doc, publicKey: Buffer.from(other.publicKey).toString('base64url'), keyId: other.keyId, fingerprint: other.fingerprint }));
    expect(vault.info().keyId).toBe(other.keyId); // shown, but…
    expect(await codeOf(vault.unlock({ passphrase: 'pw' }))).toBe('PASSPHRASE_WRONG'); // …never usable
  });
  it('missing or corrupt file → KEY_MISSING / KEY_FILE_INVALID; absurd scrypt cost refused', async () => {
    const path = join(dir, 'k.json');
    const vault = new FileKeyVault(path, { scrypt: FAST });
    expect(await codeOf(() => vault.info())).toBe('KEY_MISSING');
    expect(await codeOf(vault.unlock({ passphrase: 'x' }))).toBe('KEY_MISSING');
    writeFileSync(path, '{"kind":');
    expect(await codeOf(() => vault.info())).toBe('KEY_FILE_INVALID');
    rmSync(path);
    await vault.create({ passphrase: 'pw' });
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { kdf: Record<string, unknown> };
    writeFileSync(path, JSON.stringify({ ...doc, kdf: { ...doc.kdf, N: 2 ** 30 } }));
    expect(await codeOf(vault.unlock({ passphrase: 'pw' }))).toBe('KEY_FILE_INVALID');
  });
  it('uses scrypt N=2^17, r=8 by default and still round-trips', async () => {
    const path = join(dir, 'k.json');
    const vault = new FileKeyVault(path);
    await vault.create({ passphrase: 'default-cost' });
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { kdf: Record<string, unknown>; cipher: Record<string, unknown> };
    expect(doc.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(doc.cipher.name).toBe('aes-256-gcm');
    await expect(vault.unlock({ passphrase: 'default-cost' })).resolves.toBeDefined();
  }, 20_000);
});

/** Stands in for Electron safeStorage: XOR with a per-"account" byte, plus a marker. */
function fakeProtector(account: number, available = true): SecretProtector {
  return {
    available: () => available,
    encrypt: (b) => Uint8Array.from([0xee, account, ...b.map((x) => x ^ account)]),
    decrypt: (b) => {
      if (b[0] !== 0xee || b[1] !== account) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Uint8Array.from(b.subarray(2), (x) => x ^ account);
    },
  };
}

describe('ProtectedKeyVault (OS secret storage seam)', () => {
  it('round-trips through the protector and signs', async () => {
    const path = join(dir, 'k.json');
    const vault = new ProtectedKeyVault(path, fakeProtector(0x5a), { now });
    const info = await vault.create();
    const key = await new ProtectedKeyVault(path, fakeProtector(0x5a)).unlock();
    expect(key.keyId).toBe(info.keyId);
    const msg = new Uint8Array([1, 2, 3]);
    expect(verify(info.publicKey, msg, await vault.sign(msg))).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('"kind": "chiso-cchc/protected-key"');
  });
  it('another account cannot decrypt; an unavailable store is a clear error', async () => {
    const path = join(dir, 'k.json');
    await new ProtectedKeyVault(path, fakeProtector(0x5a)).create();
    expect(await codeOf(new ProtectedKeyVault(path, fakeProtector(0x33)).unlock())).toBe('KEY_FILE_INVALID');
    expect(await codeOf(new ProtectedKeyVault(path, fakeProtector(0x5a, false)).unlock())).toBe('SECURE_STORAGE_UNAVAILABLE');
    expect(await codeOf(new ProtectedKeyVault(join(dir, 'other.json'), fakeProtector(1, false)).create())).toBe('SECURE_STORAGE_UNAVAILABLE');
    expect(existsSync(join(dir, 'other.json'))).toBe(false);
  });
});

describe('key backup', () => {
  it('backup → restore gives the same key, and the backup tells which key it holds', async () => {
    const key = testKey('commune');
    const backup = await createKeyBackup(key, 'sao lưu 2026', { now: now(), scrypt: FAST });
    expect(readKeyBackupInfo(backup)).toEqual({ keyId: key.keyId, fingerprint: key.fingerprint, createdAt: '2026-03-01T00:00:00.000Z' });
    const restored = await restoreKeyBackup(backup, 'sao lưu 2026');
    expect(restored.fingerprint).toBe(key.fingerprint);
    const msg = new Uint8Array([9]);
    expect(restored.sign(msg)).toEqual(key.sign(msg));
    // …and can be stored into a fresh vault on a new machine.
    const vault = new FileKeyVault(join(dir, 'k.json'), { scrypt: FAST });
    expect((await vault.store(restored.privateKeyObject(), { passphrase: 'máy mới' })).keyId).toBe(key.keyId);
  });
  it('wrong backup passphrase → PASSPHRASE_WRONG; a key file is not a backup', async () => {
    const backup = await createKeyBackup(testKey('commune'), 'đúng', { scrypt: FAST });
    expect(await codeOf(restoreKeyBackup(backup, 'sai'))).toBe('PASSPHRASE_WRONG');
    expect(await codeOf(restoreKeyBackup(backup, undefined))).toBe('PASSPHRASE_REQUIRED');
    const path = join(dir, 'k.json');
    await new FileKeyVault(path, { scrypt: FAST }).create({ passphrase: 'đúng' });
    expect(await codeOf(restoreKeyBackup(readFileSync(path, 'utf8'), 'đúng'))).toBe('KEY_FILE_INVALID');
  });
});
