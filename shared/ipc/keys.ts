/** The installation's signing key: create, back up, restore. */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface KeyInfoView {
  keyId: string;
  fingerprint: string;
  protection: 'os' | 'passphrase';
  createdAt: string;
}

export interface KeysStatus {
  key: KeyInfoView | null;
  /** The key has a backup (made here, or the key was restored from one); false without a key. */
  backedUp: boolean;
  /** A new key would go to the OS secret storage: no passphrase to set. */
  osStorageAvailable: boolean;
  /** The key id the reviewing unit approved (commune), null before. */
  enrolledKeyId: string | null;
  /** Commune: a rotation waiting for the reviewing unit's approval (the current key still signs). */
  pendingRotation: PendingRotationView | null;
}

export interface PendingRotationView {
  oldKeyId: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
  createdAt: string;
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

/** The passphrase that unlocks the existing key. */
export const passphrase = z.string().min(1).max(1000);
/** A passphrase the user sets: at least 8 characters (it protects a key that may travel on USB). */
export const newPassphrase = z.string().min(8, { error: 'PASSPHRASE_SHORT' }).max(1000);

export const KEYS_CHANNELS = [
  'keys:status',
  'keys:create',
  'keys:backup',
  'keys:chooseBackup',
  'keys:restore',
  'keys:rotate',
  'keys:rotationForm',
  'keys:chooseRotationApproval',
  'keys:acceptRotation',
] as const;
export type KeysChannel = (typeof KEYS_CHANNELS)[number];

export const keysContract = {
  'keys:status': { input: z.undefined(), output: out<KeysStatus>() },
  'keys:create': { input: z.object({ passphrase: newPassphrase.optional() }), output: out<KeyInfoView>() },
  /** Main shows the folder dialog; null when cancelled. */
  'keys:backup': { input: z.object({ keyPassphrase: passphrase.optional(), backupPassphrase: newPassphrase }), output: out<{ path: string; fingerprint: string } | null>() },
  /** Main shows the open dialog and holds the chosen backup behind a token; null when cancelled. */
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
} satisfies FeatureContract<KeysChannel>;
