/**
 * Key backups: a self-describing JSON file (kind "chiso-cchc/key-backup") holding the PKCS#8 key
 * encrypted with a backup passphrase (scrypt + AES-256-GCM, see sealed-key.ts), plus the public
 * key, key id and fingerprint in clear so a person can check which key a backup holds before
 * typing the passphrase. Lost key = lost ability to sign: the app should ask for a backup at setup.
 */
import { AppError } from '../../../shared/errors';
import { openSealedKey, parseSealedKey, sealPrivateKey, type ScryptParams } from './sealed-key';
import { UnlockedKey } from './signer';

export interface BackupInfo {
  keyId: string;
  fingerprint: string;
  createdAt: string;
}

export async function createKeyBackup(
  key: UnlockedKey,
  passphrase: string | undefined,
  opts: { now?: Date; scrypt?: ScryptParams } = {},
): Promise<string> {
  const doc = await sealPrivateKey(key.privateKeyObject(), passphrase, {
    kind: 'chiso-cchc/key-backup',
    createdAt: (opts.now ?? new Date()).toISOString(),
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
  });
  return JSON.stringify(doc, null, 2) + '\n';
}

/** What a backup says about itself, before the passphrase (not authenticated until restore). */
export function readKeyBackupInfo(text: string): BackupInfo {
  const doc = parseSealedKey(text, 'chiso-cchc/key-backup');
  return { keyId: doc.keyId, fingerprint: doc.fingerprint, createdAt: doc.createdAt };
}

/**
 * Decrypts a backup. Whether a key other than the enrolled one may be restored is the caller's
 * decision: compare `key.fingerprint` with the enrolled fingerprint before storing it.
 */
export async function restoreKeyBackup(text: string, passphrase: string | undefined): Promise<UnlockedKey> {
  const doc = parseSealedKey(text, 'chiso-cchc/key-backup');
  try {
    return new UnlockedKey(await openSealedKey(doc, passphrase));
  } catch (e) {
    if (e instanceof AppError && e.code === 'PASSPHRASE_WRONG') {
      throw new AppError('PASSPHRASE_WRONG', 'Mật khẩu của bản sao lưu không đúng (hoặc tệp sao lưu đã bị sửa). Hãy nhập lại mật khẩu đã đặt khi sao lưu.');
    }
    throw e;
  }
}
