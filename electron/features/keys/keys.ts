/**
 * The installation's signing key, as the app and the CLI use it: create, show, back up, restore
 * (rotation: rotation-service.ts). The private key only ever moves between the key file, a backup
 * file (both encrypted) and memory; the database gets an audit row with the key id, never key
 * material.
 */
import { existsSync, renameSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { fromBase64Url } from '../../../shared/package/base64url';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { createKeyBackup, readKeyBackupInfo, restoreKeyBackup } from '../../kernel/signing/key-backup';
import { keyIdOf } from '../../kernel/signing/ed25519';
import type { KeyStatus, KeyStore } from '../../kernel/signing/key-store';
import type { UnlockedKey } from '../../kernel/signing/signer';
import { lastAuditOf } from '../audit/audit-repo';
import { readPin, requestById } from '../enrolment/enrolment-repo';
import { latestApprovedRotation } from '../enrolment/rotation-repo';
import { writeFileSafely } from '../../kernel/files/package-file';
import { requireIdentity } from '../setup/identity';
import { readUserFile } from '../../kernel/files/user-file';

export interface KeyOverview {
  key: KeyStatus | null;
  /** A new key would be kept by the OS secret storage (no passphrase to choose). */
  osStorageAvailable: boolean;
  /** Commune: the key id the reviewing unit approved (null before acceptance). */
  enrolledKeyId: string | null;
}

/**
 * The key id a reviewing unit has approved for this commune: the key of the accepted enrolment
 * approval, or the new key of a rotation approved since.
 */
export function enrolledKeyId(ctx: ServiceContext): string | null {
  const pin = readPin(ctx.db);
  if (!pin) return null;
  const rotated = latestApprovedRotation(ctx.db);
  if (rotated && rotated.decidedAt >= pin.pinnedAt) return rotated.newKeyId;
  return requestById(ctx.db, pin.requestId)?.keyId ?? null;
}

/** Has this key a backup: made here (keys:backup) or it was itself restored from one. */
export function keyBackedUp(ctx: ServiceContext, keyId: string): boolean {
  return lastAuditOf(ctx, 'key.backup', keyId) !== null || lastAuditOf(ctx, 'key.restore', keyId) !== null;
}

export function keyOverview(ctx: ServiceContext, store: KeyStore): KeyOverview {
  return { key: store.status(), osStorageAvailable: store.osStorageAvailable(), enrolledKeyId: enrolledKeyId(ctx) };
}

export async function createKey(ctx: ServiceContext, store: KeyStore, passphrase: string | undefined): Promise<KeyStatus> {
  requireIdentity(ctx);
  if (store.status()) throw new AppError('KEY_EXISTS', 'a key exists');
  await store.vaultForNewKey(passphrase).create(passphrase ? { passphrase } : {});
  const status = store.status()!;
  ctx.db.transaction(() => audit(ctx, 'key.create', 'key', status.keyId, null, { keyId: status.keyId, fingerprint: status.fingerprint, protection: status.protection }))();
  return status;
}

export async function unlockKey(store: KeyStore, passphrase: string | undefined): Promise<UnlockedKey> {
  return store.vault().unlock(passphrase ? { passphrase } : {});
}

export function backupFileName(unitCode: string, keyId: string): string {
  return safeFileName(`CCHC-KEY-${unitCode}-${keyId}.json`);
}

/** Writes an encrypted backup into `folder`; returns its path. */
export async function backupKey(
  ctx: ServiceContext,
  store: KeyStore,
  input: { folder: string; keyPassphrase?: string | undefined; backupPassphrase: string },
): Promise<{ path: string; fingerprint: string }> {
  const identity = requireIdentity(ctx);
  const key = await unlockKey(store, input.keyPassphrase);
  const text = await createKeyBackup(key, input.backupPassphrase, { now: ctx.clock.now() });
  const name = backupFileName(identity.unitCode, key.keyId);
  const written = writeFileSafely(input.folder, name, Buffer.from(text, 'utf8'), (back) => {
    if (readKeyBackupInfo(back.toString('utf8')).keyId !== key.keyId) throw new AppError('EXPORT_VERIFY_FAILED', 'backup read-back');
  });
  ctx.db.transaction(() => audit(ctx, 'key.backup', 'key', key.keyId, null, { file: name }))();
  return { path: written.path, fingerprint: key.fingerprint };
}

export interface BackupPreview {
  keyId: string;
  fingerprint: string;
  createdAt: string;
  /** Same key as the one on this computer. */
  sameAsCurrent: boolean;
  /** The commune is enrolled and this is not the enrolled key: restoring needs confirmation. */
  differsFromEnrolled: boolean;
}

/** A key backup file the person chose, through the bounded reader. */
function readBackupText(path: string): string {
  return readUserFile(path, { kind: 'keyBackup' }).toString('utf8');
}

export function previewBackup(ctx: ServiceContext, store: KeyStore, path: string): BackupPreview {
  const info = readKeyBackupInfo(readBackupText(path));
  const enrolled = enrolledKeyId(ctx);
  return { ...info, sameAsCurrent: store.status()?.keyId === info.keyId, differsFromEnrolled: enrolled !== null && enrolled !== info.keyId };
}

/**
 * Restores a backup as this installation's key. A key already here is kept aside (renamed, never
 * deleted). A key other than the enrolled one needs `confirmDifferent`.
 */
export async function restoreKey(
  ctx: ServiceContext,
  store: KeyStore,
  input: { path: string; backupPassphrase: string; newPassphrase?: string | undefined; confirmDifferent?: boolean },
): Promise<KeyStatus> {
  const preview = previewBackup(ctx, store, input.path);
  if (preview.differsFromEnrolled && !input.confirmDifferent) throw new AppError('KEY_NOT_ENROLLED_KEY', 'backup holds another key', { keyId: preview.keyId });
  const key = await restoreKeyBackup(readBackupText(input.path), input.backupPassphrase);
  const old = store.status();
  const aside = old ? `${store.path}.replaced-${old.keyId}-${Date.now()}` : null;
  if (aside) renameSync(store.path, aside);
  try {
    await store.vaultForNewKey(input.newPassphrase).store(key.privateKeyObject(), input.newPassphrase ? { passphrase: input.newPassphrase } : {});
  } catch (e) {
    if (aside && !existsSync(store.path)) renameSync(aside, store.path);
    throw e;
  }
  const status = store.status()!;
  ctx.db.transaction(() => audit(ctx, 'key.restore', 'key', status.keyId, old ? { keyId: old.keyId } : null, { keyId: status.keyId, fingerprint: status.fingerprint }))();
  return status;
}

/** For display: the raw public key of a status. */
export function publicKeyOf(status: KeyStatus): Uint8Array {
  const raw = fromBase64Url(status.publicKey)!;
  if (keyIdOf(raw) !== status.keyId) throw new AppError('KEY_FILE_INVALID', 'key id does not match the public key');
  return raw;
}
