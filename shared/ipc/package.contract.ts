import { z } from 'zod';
import type { PackageChannel } from './package.channels';
import type { ChannelSpec } from './spec';
import { out } from './spec';

export interface KeyInfoView {
  keyId: string;
  fingerprint: string;
  protection: 'os' | 'passphrase';
  createdAt: string;
}

export interface PendingRotationView {
  oldKeyId: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
  createdAt: string;
}

export interface KeysStatus {
  key: KeyInfoView | null;
  /** A new key would go to the OS secret storage: no passphrase to set. */
  osStorageAvailable: boolean;
  /** The key id the reviewing unit approved (commune), null before. */
  enrolledKeyId: string | null;
  /** Commune: a rotation waiting for the reviewing unit's approval (the current key still signs). */
  pendingRotation: PendingRotationView | null;
}

export interface RotationWritten {
  statementPath: string;
  formPath: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
}

export interface RotationApprovalChoice {
  token: string;
  unitCode: string;
  unitName: string;
  approvedAt: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
}

export interface BackupChoice {
  token: string;
  keyId: string;
  fingerprint: string;
  createdAt: string;
  sameAsCurrent: boolean;
  differsFromEnrolled: boolean;
}

export interface EnrolmentStatus {
  request: { requestId: string; keyId: string; createdAt: string; officerName: string; officerTitle: string } | null;
  pinned: { unitCode: string; unitName: string; keyId: string; fingerprint: string; approvedAt: string; pinnedAt: string } | null;
}

export interface EnrolmentWritten {
  requestPath: string;
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

export interface ExportView {
  packageId: string;
  revision: number;
  sha256: string;
  size: number;
  fileName: string;
  folder: string;
  path: string;
  createdAt: string;
  tooLargeForEmail: boolean;
}

export interface PackageStatus {
  exports: ExportView[];
  emailLimit: number;
}

const passphrase = z.string().min(1).max(1000);
/** A passphrase the user sets: at least 8 characters (it protects a key that may travel on USB). */
const newPassphrase = z.string().min(8, { error: 'PASSPHRASE_SHORT' }).max(1000);

export const packageContract = {
  'keys:status': { input: z.undefined(), output: out<KeysStatus>() },
  'keys:create': { input: z.object({ passphrase: newPassphrase.optional() }), output: out<KeyInfoView>() },
  'keys:backup': { input: z.object({ keyPassphrase: passphrase.optional(), backupPassphrase: newPassphrase }), output: out<{ path: string; fingerprint: string } | null>() },
  'keys:chooseBackup': { input: z.undefined(), output: out<BackupChoice | null>() },
  'keys:restore': {
    input: z.object({ token: z.string().max(100), backupPassphrase: passphrase, newPassphrase: newPassphrase.optional(), confirmDifferent: z.boolean() }),
    output: out<KeyInfoView>(),
  },
  /** Commune: a new key kept aside, the statement and the printed rotation form (PDF) to a chosen folder. */
  'keys:rotate': { input: z.object({ keyPassphrase: passphrase.optional(), newPassphrase: newPassphrase.optional() }), output: out<RotationWritten | null>() },
  /** Commune: the rotation form of the pending rotation again (made on the command line, or lost). */
  'keys:rotationForm': { input: z.undefined(), output: out<{ formPath: string } | null>() },
  'keys:chooseRotationApproval': { input: z.undefined(), output: out<RotationApprovalChoice | null>() },
  'keys:acceptRotation': { input: z.object({ token: z.string().max(100) }), output: out<KeysStatus>() },
  'enrolment:status': { input: z.undefined(), output: out<EnrolmentStatus>() },
  'enrolment:request': {
    input: z.object({ keyPassphrase: passphrase.optional(), officerName: z.string().trim().min(1).max(200), officerTitle: z.string().trim().min(1).max(200) }),
    output: out<EnrolmentWritten | null>(),
  },
  'enrolment:chooseApproval': { input: z.undefined(), output: out<ApprovalChoice | null>() },
  /** `fingerprint`: the reviewing unit's fingerprint as the person typed it from the unit's letter. */
  'enrolment:accept': { input: z.object({ token: z.string().max(100), fingerprint: z.string().max(200) }), output: out<EnrolmentStatus>() },
  'package:status': { input: z.undefined(), output: out<PackageStatus>() },
  'package:export': { input: z.object({ keyPassphrase: passphrase.optional() }), output: out<ExportView | null>() },
  'package:email': { input: z.object({ packageId: z.string().max(100) }), output: out<{ emlPath: string }>() },
} satisfies { [C in PackageChannel]: ChannelSpec };
