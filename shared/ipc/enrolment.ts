/** Enrolment of the commune's key with the reviewing unit (commune side). */
import { z } from 'zod';
import { passphrase } from './keys';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface EnrolmentStatus {
  request: { requestId: string; keyId: string; createdAt: string; officerName: string; officerTitle: string } | null;
  pinned: { unitCode: string; unitName: string; keyId: string; fingerprint: string; approvedAt: string; pinnedAt: string } | null;
}

export interface EnrolmentWritten {
  requestPath: string;
  /** The printed form: a PDF in the app; the same form as HTML where no print engine runs (the CLI). */
  formPath: string;
  fingerprint: string;
}

export interface ApprovalChoice {
  token: string;
  unitCode: string;
  unitName: string;
  fingerprint: string;
  approvedAt: string;
  /** The key differs from the one pinned before (then the approval was refused already). */
  alreadyPinned: boolean;
}

const officer = z.string().trim().min(1).max(200);

// ---------------------------------------------------------------- reviewing side

/** One request file of the reviewer's inbox, as the person approving sees it. */
export interface InboxRequest {
  /** Holds the file in main until approved or rejected; null when the file was refused on reading. */
  token: string | null;
  /** A request to enrol a key, or a key-rotation statement (approved from the pending rotations). */
  kind: 'request' | 'rotation';
  file: string;
  /** pending: to decide; approved: the key is enrolled (active) for this commune; rejected; refused: unreadable or invalid. */
  state: 'pending' | 'approved' | 'rejected' | 'refused';
  code: string | null;
  message: string | null;
  requestId: string | null;
  communeCode: string | null;
  /** The name the request gives. */
  communeName: string | null;
  /** The name on the unit's roster, null when the code is not on it. */
  rosterName: string | null;
  officerName: string | null;
  officerTitle: string | null;
  createdAt: string | null;
  keyId: string | null;
  fingerprint: string | null;
  rejection: { reason: string; rejectedBy: string; rejectedAt: string } | null;
}

export interface EnrolledKeyRow {
  keyId: string;
  communeCode: string;
  communeName: string;
  fingerprint: string;
  status: 'active' | 'revoked';
  validFrom: string;
  revokedFrom: string | null;
  approvedAt: string;
}

export interface PendingRotationRow {
  statementSha256: string;
  communeCode: string;
  oldKeyId: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
  /** When the statement was received. */
  createdAt: string;
}

const fingerprintTyped = z.string().max(200);
const token = z.string().min(1).max(100);

export const ENROLMENT_CHANNELS = [
  'enrolment:status', 'enrolment:request', 'enrolment:chooseApproval', 'enrolment:accept',
  'enrolment:inbox', 'enrolment:approve', 'enrolment:reject', 'enrolment:keys', 'enrolment:revoke', 'enrolment:rotations', 'enrolment:approveRotation',
] as const;
export type EnrolmentChannel = (typeof ENROLMENT_CHANNELS)[number];

export const enrolmentContract = {
  'enrolment:status': { input: z.undefined(), output: out<EnrolmentStatus>() },
  /** Main shows the folder dialog; null when cancelled. Without an officer, the one set up signs. */
  'enrolment:request': {
    input: z.object({ keyPassphrase: passphrase.optional(), officerName: officer.optional(), officerTitle: officer.optional() }),
    output: out<EnrolmentWritten | null>(),
  },
  /** Main shows the open dialog and holds the chosen approval behind a token; null when cancelled. */
  'enrolment:chooseApproval': { input: z.undefined(), output: out<ApprovalChoice | null>() },
  /** `fingerprint`: the reviewing unit's fingerprint as the person typed it from the unit's letter. */
  'enrolment:accept': { input: z.object({ token: z.string().max(100), fingerprint: z.string().max(200) }), output: out<EnrolmentStatus>() },
  /** Reviewer: main shows the files or folder dialog and reads every request file (folders recursively); null when cancelled. */
  'enrolment:inbox': { input: z.object({ from: z.enum(['files', 'folder']) }), output: out<InboxRequest[] | null>() },
  /** Reviewer: approve with the fingerprint typed from the stamped form; main asks the folder for the approval file; null when cancelled. */
  'enrolment:approve': {
    input: z.object({ token, fingerprint: fingerprintTyped, keyPassphrase: passphrase.optional() }),
    output: out<{ path: string; item: InboxRequest } | null>(),
  },
  /** Reviewer: reject with a reason (who and when recorded). */
  'enrolment:reject': { input: z.object({ token, reason: z.string().max(1000) }), output: out<InboxRequest>() },
  'enrolment:keys': { input: z.undefined(), output: out<EnrolledKeyRow[]>() },
  /** Revoke a key from a day (not after today). */
  'enrolment:revoke': { input: z.object({ keyId: z.string().max(100), from: z.string().max(20) }), output: out<EnrolledKeyRow>() },
  /** Rotation statements received (from the inbox) and waiting for the paper check. */
  'enrolment:rotations': { input: z.undefined(), output: out<PendingRotationRow[]>() },
  /** Approve a pending rotation with the NEW key's fingerprint typed; main asks the folder; null when cancelled. */
  'enrolment:approveRotation': {
    input: z.object({ statementSha256: z.string().max(64), fingerprint: fingerprintTyped, keyPassphrase: passphrase.optional() }),
    output: out<{ path: string } | null>(),
  },
} satisfies FeatureContract<EnrolmentChannel>;
