/**
 * The reviewing unit's enrolment inbox: request files (and key-rotation statements) read from the
 * files or folders chosen, each described for the person who compares it with the stamped paper
 * form: the commune (matched to the roster by code), the officer, the full fingerprint, and where
 * it stands (to decide, approved, rejected with who/when/why, or refused with its code). Reading
 * the inbox changes nothing, except that a valid rotation statement is held as pending (as
 * `chiso enrol rotate` without --fingerprint does).
 */
import { basename } from 'node:path';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { errorMessages } from '../../../shared/i18n/errors';
import type { InboxRequest } from '../../../shared/ipc/enrolment';
import { FORMAT_NAME } from '../../../shared/package/canonical';
import type { ServiceContext } from '../../kernel/context';
import { readUserFile } from '../../kernel/files/user-file';
import { verifyEnrolmentRequest } from '../../kernel/signing/enrolment';
import { listPackageFiles } from '../import/walk';
import { communeByCode } from '../roster/roster-repo';
import { readEnrolledKey } from './enrolment-repo';
import { rejectionOf } from './rejection';
import { listKeyRotations, receiveKeyRotation } from './rotation-service';

export type InboxItem = Omit<InboxRequest, 'token'>;

const EMPTY: InboxItem = {
  kind: 'request', file: '', state: 'refused', code: null, message: null, requestId: null, communeCode: null, communeName: null, rosterName: null,
  officerName: null, officerTitle: null, createdAt: null, keyId: null, fingerprint: null, rejection: null,
};

function refused(file: string, code: string, base: Partial<InboxItem> = {}): InboxItem {
  const message = (errorMessages.vi as Record<string, string>)[code] ?? errorMessages.vi.INTERNAL;
  return { ...EMPTY, ...base, file, state: 'refused', code, message };
}

function codeOf(err: unknown): ErrorCode {
  return err instanceof AppError ? err.code : 'INTERNAL';
}

/** The format an envelope claims (a first look only: the verifiers decide). */
function claimedFormat(bytes: Buffer): string | null {
  try {
    const head = JSON.parse(bytes.toString('utf8')) as unknown;
    return head !== null && typeof head === 'object' && typeof (head as { format?: unknown }).format === 'string' ? (head as { format: string }).format : null;
  } catch {
    return null;
  }
}

function describeRotation(ctx: ServiceContext, file: string, bytes: Buffer): InboxItem {
  // The very statement approved before (byte for byte): its new key is enrolled and it is not received again.
  const text = bytes.toString('utf8');
  const done = listKeyRotations(ctx, { status: 'approved' }).find((r) => r.text === text);
  if (done) {
    return {
      ...EMPTY, kind: 'rotation', file, state: 'approved', communeCode: done.communeCode, rosterName: communeByCode(ctx, done.communeCode)?.name ?? null,
      createdAt: done.rotation.createdAt, keyId: done.newKeyId, fingerprint: done.newFingerprint, requestId: done.statementSha256,
    };
  }
  try {
    const { record } = receiveKeyRotation(ctx, bytes);
    return {
      ...EMPTY, kind: 'rotation', file, state: record.status === 'approved' ? 'approved' : 'pending', communeCode: record.communeCode,
      communeName: readEnrolledKey(ctx.db, record.oldKeyId)?.communeName ?? null, rosterName: communeByCode(ctx, record.communeCode)?.name ?? null,
      createdAt: record.rotation.createdAt, keyId: record.newKeyId, fingerprint: record.newFingerprint, requestId: record.statementSha256,
    };
  } catch (err) {
    return refused(file, codeOf(err), { kind: 'rotation' });
  }
}

/** One request file as the person approving sees it (nothing written). */
export function describeRequest(ctx: ServiceContext, file: string, bytes: Buffer): InboxItem {
  if (claimedFormat(bytes) === FORMAT_NAME['key-rotation']) return describeRotation(ctx, file, bytes);
  const v = verifyEnrolmentRequest(bytes);
  if (!v.ok) return refused(file, v.code);
  const req = v.request;
  const base: InboxItem = {
    ...EMPTY, file, state: 'pending', requestId: req.requestId, communeCode: req.commune.code, communeName: req.commune.name,
    rosterName: communeByCode(ctx, req.commune.code)?.name ?? null, officerName: req.officer.name, officerTitle: req.officer.title,
    createdAt: req.createdAt, keyId: req.key.keyId, fingerprint: v.fingerprint,
  };
  const rejection = rejectionOf(ctx, req.requestId);
  if (rejection) return { ...base, state: 'rejected', rejection: { reason: rejection.reason, rejectedBy: rejection.rejectedBy, rejectedAt: rejection.rejectedAt } };
  const enrolled = readEnrolledKey(ctx.db, req.key.keyId);
  if (!enrolled) return base;
  if (enrolled.communeCode !== req.commune.code) return refused(file, 'KEY_OTHER_COMMUNE', base);
  if (enrolled.status === 'revoked') return refused(file, 'KEY_ALREADY_REVOKED', base);
  return { ...base, state: 'approved' };
}

/** Every `*.json` under the paths given (folders recursively), read through the bounded reader and described. */
export function readInbox(ctx: ServiceContext, paths: readonly string[]): { item: InboxItem; bytes: Buffer | null }[] {
  return listPackageFiles(paths).map((l) => {
    const file = basename(l.path);
    if (l.unreadable) return { item: refused(file, 'FILE_UNREADABLE'), bytes: null };
    let bytes: Buffer;
    try {
      bytes = readUserFile(l.path, { kind: 'enrolment' });
    } catch (err) {
      return { item: refused(file, codeOf(err)), bytes: null };
    }
    const item = describeRequest(ctx, file, bytes);
    return { item, bytes: item.kind === 'request' && item.state !== 'refused' ? bytes : null };
  });
}
