import { AppError } from '../../../shared/errors';
import type { KeyInfoView, KeysStatus } from '../../../shared/ipc/keys';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import type { KeyStatus } from '../../kernel/signing/key-store';
import { useCase } from '../../kernel/use-case';
import { backupKey, createKey as createKeyFile, keyOverview, previewBackup, restoreKey, rotateKey } from './keys';

export const keyView = (k: KeyStatus): KeyInfoView => ({ keyId: k.keyId, fingerprint: k.fingerprint, protection: k.protection, createdAt: k.createdAt });

/** A key must be protected: by the OS secret storage where it is real, otherwise by a passphrase. */
function requireProtection(osStorageAvailable: boolean, passphrase: string | undefined): void {
  if (!osStorageAvailable && !passphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
}

export const keyStatus = useCase('keys.status', { roles: ANY_ROLE }, (app): KeysStatus => {
  const o = keyOverview(app.ctx, app.keys);
  return { key: o.key ? keyView(o.key) : null, osStorageAvailable: o.osStorageAvailable, enrolledKeyId: o.enrolledKeyId };
});

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

/** A new key, and a statement signed by the old and the new one for the reviewing unit. */
export const rotate = useCase(
  'keys.rotate',
  { roles: ANY_ROLE },
  async (app, input: { folder: Destination; oldPassphrase?: string | undefined; newPassphrase?: string | undefined; effectiveFrom?: string | undefined }) => {
    const folder = await input.folder();
    if (folder === null) return null;
    const { effectiveFrom, ...rest } = input;
    return rotateKey(app.ctx, app.keys, { ...rest, folder, ...(effectiveFrom ? { effectiveFrom } : {}) });
  },
);
