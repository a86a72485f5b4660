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
  /** A new key would go to the OS secret storage: no passphrase to set. */
  osStorageAvailable: boolean;
  /** The key id the reviewing unit approved (commune), null before. */
  enrolledKeyId: string | null;
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

export const KEYS_CHANNELS = ['keys:status', 'keys:create', 'keys:backup', 'keys:chooseBackup', 'keys:restore'] as const;
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
} satisfies FeatureContract<KeysChannel>;
