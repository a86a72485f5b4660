import { AppError } from '../../../shared/errors';
import type { KeyInfoView, KeysStatus, RotationApprovalChoice } from '../../../shared/ipc/keys';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import type { KeyStatus } from '../../kernel/signing/key-store';
import type { AppContext } from '../../kernel/use-case';
import { useCase } from '../../kernel/use-case';
import { getIdentity } from '../setup/identity';
import { acceptRotationApproval, cancelKeyRotation, checkRotationApproval, pendingKeyRotation } from '../enrolment/rotation-service';
import { backupKey, createKey as createKeyFile, keyBackedUp, keyOverview, previewBackup, restoreKey } from './keys';
import type { RotationInput } from './rotation';
import { rotateKey, rotationFormAgain } from './rotation';

export const keyView = (k: KeyStatus): KeyInfoView => ({ keyId: k.keyId, fingerprint: k.fingerprint, protection: k.protection, createdAt: k.createdAt });

/** A key must be protected: by the OS secret storage where it is real, otherwise by a passphrase. */
function requireProtection(osStorageAvailable: boolean, passphrase: string | undefined): void {
  if (!osStorageAvailable && !passphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
}

function status(app: AppContext): KeysStatus {
  const o = keyOverview(app.ctx, app.keys);
  // Commune: a rotation waiting for the reviewing unit's approval (the current key still signs).
  const pending = getIdentity(app.ctx)?.role === 'commune' ? pendingKeyRotation(app.ctx) : null;
  return {
    key: o.key ? keyView(o.key) : null,
    backedUp: o.key ? keyBackedUp(app.ctx, o.key.keyId) : false,
    osStorageAvailable: o.osStorageAvailable,
    enrolledKeyId: o.enrolledKeyId,
    pendingRotation: pending
      ? { oldKeyId: pending.oldKeyId, newKeyId: pending.newKeyId, newFingerprint: pending.newFingerprint, effectiveFrom: pending.effectiveFrom, createdAt: pending.createdAt }
      : null,
  };
}

export const keyStatus = useCase('keys.status', { roles: ANY_ROLE }, (app): KeysStatus => status(app));

export const createKey = useCase('keys.create', { roles: ANY_ROLE }, async (app, input: { passphrase?: string | undefined }) => {
  requireProtection(app.keys.osStorageAvailable(), input.passphrase);
  return keyView(await createKeyFile(app.ctx, app.keys, input.passphrase));
});

/** An encrypted copy of the key, written where the user chooses (after the key unlocked). */
export const backUpKey = useCase(
  'keys.backup',
  { roles: ANY_ROLE },
  async (app, input: { keyPassphrase?: string | undefined; backupPassphrase: string; folder: Destination }) => {
    const folder = await input.folder();
    if (folder === null) return null;
    return backupKey(app.ctx, app.keys, { folder, keyPassphrase: input.keyPassphrase, backupPassphrase: input.backupPassphrase });
  },
);

/** What a backup file holds, shown before restoring it (its fingerprint, whether it is the enrolled key). */
export const inspectBackup = useCase('keys.inspectBackup', { roles: ANY_ROLE }, (app, input: { path: string }) => previewBackup(app.ctx, app.keys, input.path));

export const restoreBackup = useCase(
  'keys.restore',
  { roles: ANY_ROLE },
  async (app, input: { path: string; backupPassphrase: string; newPassphrase?: string | undefined; confirmDifferent: boolean }) => {
    requireProtection(app.keys.osStorageAvailable(), input.newPassphrase);
    return keyView(await restoreKey(app.ctx, app.keys, input));
  },
);

/**
 * Key rotation, commune side: a new key kept aside (pending), the statement signed by the old and
 * the new key and its printed form (with the NEW key's fingerprint) to the folder chosen. Nothing
 * switches before the reviewing unit, having compared that fingerprint with the stamped form,
 * sends its signed approval (acceptRotation).
 */
export const rotate = useCase('keys.rotate', { roles: ['commune'] }, (app, input: RotationInput) => rotateKey(app, input));

/** The printed form of the pending rotation again, to the folder chosen. */
export const rotationForm = useCase('keys.rotationForm', { roles: ['commune'] }, (app, input: { folder: Destination }) => rotationFormAgain(app, input.folder));

/** What a rotation approval says, checked (signed by the pinned key, for our pending statement), before the key switches. */
export const inspectRotationApproval = useCase(
  'keys.inspectRotationApproval',
  { roles: ['commune'] },
  (app, input: { bytes: Uint8Array }): Omit<RotationApprovalChoice, 'token'> => {
    const c = checkRotationApproval(app.ctx, app.keys, input.bytes);
    return { unitCode: c.unitCode, unitName: c.unitName, approvedAt: c.approvedAt, newKeyId: c.record.newKeyId, newFingerprint: c.record.newFingerprint, effectiveFrom: c.record.effectiveFrom };
  },
);

/** The reviewing unit's rotation approval: the pending key becomes the signing key (the old key file is kept aside). */
export const acceptRotation = useCase('keys.acceptRotation', { roles: ['commune'] }, (app, input: { bytes: Uint8Array }) => {
  const key = acceptRotationApproval(app.ctx, app.keys, input.bytes);
  return { key: keyView(key), status: status(app) };
});

/** Gives up the pending rotation (statement lost, refused): the new key is put aside, the current one keeps signing. */
export const cancelRotation = useCase('keys.cancelRotation', { roles: ['commune'] }, (app) => cancelKeyRotation(app.ctx, app.keys));
