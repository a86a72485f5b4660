/**
 * The commune's key rotation as the person gets it, from the app or the command line alike: the
 * statement signed by the old and the new key and its printed rotation form (the NEW key's
 * fingerprint in large type and as a QR code), both or neither, in the folder chosen. The form is
 * a PDF where Chromium's print engine runs, the same document as HTML on the command line.
 */
import { rmSync } from 'node:fs';
import type { RotationWritten } from '../../../shared/ipc/keys';
import { writeFileSafely } from '../../kernel/files/package-file';
import type { Destination } from '../../kernel/ports';
import type { AppContext } from '../../kernel/use-case';
import { rotationFormHtml } from '../enrolment/form';
import { printedForm } from '../enrolment/request';
import { assertCanRotate, pendingKeyRotation, rotationFileNames, startKeyRotation, type KeyRotationRecord } from '../enrolment/rotation-service';
import { requireIdentity } from '../setup/identity';
import { AppError } from '../../../shared/errors';
import { unlockKey } from './keys';

export interface RotationInput {
  /** The passphrase of the key in use. */
  keyPassphrase?: string | undefined;
  /** The passphrase protecting the new key (none: the OS secret storage, where it is real). */
  newPassphrase?: string | undefined;
  /** The day the new key takes over (today when absent); checked as a real day, not in the past. */
  effectiveFrom?: string | undefined;
  folder: Destination;
}

/** The printed rotation form of a statement, written in `folder`; returns its path. */
export async function writeRotationForm(app: AppContext, folder: string, record: KeyRotationRecord): Promise<string> {
  const identity = requireIdentity(app.ctx);
  const html = await rotationFormHtml({
    rotation: record.rotation,
    statementSha256: record.statementSha256,
    newFingerprint: record.newFingerprint,
    unit: { name: identity.unitName, code: identity.unitCode, provinceCode: identity.provinceCode },
    officer: { name: identity.officerName ?? '', title: identity.officerTitle ?? '' },
    reviewerCode: identity.reviewerCode ?? identity.provinceCode,
  });
  const form = await printedForm(app.pdf, html, rotationFileNames(record));
  return writeFileSafely(folder, form.name, form.bytes, form.check).path;
}

/**
 * Starts a rotation: enrolled, none pending, the new key protected, the current key unlocked (a
 * wrong passphrase is refused before the folder is asked for). The new key waits in the pending
 * key file; the current key keeps signing until the reviewing unit's approval is accepted.
 */
export async function rotateKey(app: AppContext, input: RotationInput): Promise<RotationWritten | null> {
  assertCanRotate(app.ctx, app.keys);
  if (!app.keys.osStorageAvailable() && !input.newPassphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
  await unlockKey(app.keys, input.keyPassphrase);
  const folder = await input.folder();
  if (folder === null) return null;
  const r = await startKeyRotation(
    app.ctx,
    app.keys,
    { oldPassphrase: input.keyPassphrase, newPassphrase: input.newPassphrase, effectiveFrom: input.effectiveFrom },
    async ({ text, record }) => {
      const statement = writeFileSafely(folder, rotationFileNames(record).json, Buffer.from(text, 'utf8'), () => undefined);
      try {
        // Both files or neither: a statement without its printed form cannot be approved.
        return { statementPath: statement.path, formPath: await writeRotationForm(app, folder, record) };
      } catch (err) {
        rmSync(statement.path, { force: true });
        throw err;
      }
    },
  );
  return { ...r.written, newKeyId: r.record.newKeyId, newFingerprint: r.record.newFingerprint, effectiveFrom: r.record.effectiveFrom };
}

/** The printed form of the pending rotation again (made on the command line, or lost). */
export async function rotationFormAgain(app: AppContext, folder: Destination): Promise<{ formPath: string } | null> {
  const pending = pendingKeyRotation(app.ctx);
  if (!pending) throw new AppError('ROTATION_NOT_FOUND', 'no pending rotation');
  const chosen = await folder();
  if (chosen === null) return null;
  return { formPath: await writeRotationForm(app, chosen, pending) };
}
