/** Backups of the database, restore, the whole-data file and the recovery path (docs/reliability.md). */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

export type BackupKindName = 'daily' | 'manual' | 'pre-migration' | 'pre-import' | 'pre-restore';

/** What a backup holds, written beside it (`<name>.json`) so the list is read without opening it. */
export interface BackupManifest {
  format: 'chiso-backup';
  version: 1;
  kind: BackupKindName;
  createdAt: string;
  /** Of the copy itself. */
  sha256: string;
  size: number;
  unit: { code: string; name: string } | null;
  role: string | null;
  year: number | null;
  counts: { entries: number; evidenceFiles: number; surveyForms: number; packagesReceived: number };
  /** The newest row of the audit log (every change is logged): when the data last changed. */
  lastChangeAt: string | null;
  appVersion: string;
  schemaVersion: number;
}

export interface BackupInfo {
  /** The file name in the backups folder (what restore takes). */
  name: string;
  manifest: BackupManifest;
}

export interface EvidenceCheck {
  state: 'not-run' | 'running' | 'done';
  checkedAt: string | null;
  files: number;
  /** Evidence files missing or whose content no longer matches their SHA-256. */
  missing: string[];
  damaged: string[];
}

/** The recovery path: why the database did not open, and what the last good backup would give back. */
export interface Recovery {
  problems: string[];
  /** The damaged file's last change time (its modification time on disk). */
  damagedChangedAt: string | null;
  lastGood: BackupInfo | null;
}

export interface BackupState {
  folder: string;
  /** Non-null: the database is damaged and the app shows the recovery screen instead. */
  recovery: Recovery | null;
  backups: BackupInfo[];
  evidence: EvidenceCheck;
}

export interface RestoreResult {
  restored: string;
  /** The copy of the state before the restore (a pre-restore backup), or where the damaged file was kept. */
  keptAs: string;
}

export const BACKUP_CHANNELS = ['backup:state', 'backup:create', 'backup:restore', 'backup:recover', 'backup:exportAll', 'backup:importAll', 'backup:checkEvidence'] as const;
export type BackupChannel = (typeof BACKUP_CHANNELS)[number];

const backupName = z.string().regex(/^\d{8}-\d{6}-\d{3}Z-[a-z-]+\.sqlite$/u).max(80);

export const backupContract = {
  'backup:state': { input: z.undefined(), output: out<BackupState>() },
  'backup:create': { input: z.undefined(), output: out<BackupInfo>() },
  /** Replace the database with a backup after a safety copy of the current state. */
  'backup:restore': { input: z.object({ name: backupName }), output: out<RestoreResult>() },
  /** Recovery path: the damaged file is kept aside, the backup takes its place. */
  'backup:recover': { input: z.object({ name: backupName }), output: out<RestoreResult>() },
  /** Main asks for a folder; null when cancelled. */
  'backup:exportAll': { input: z.undefined(), output: out<{ path: string; size: number } | null>() },
  /** Main asks for the file; null when cancelled. */
  'backup:importAll': { input: z.undefined(), output: out<RestoreResult | null>() },
  'backup:checkEvidence': { input: z.undefined(), output: out<EvidenceCheck>() },
} satisfies FeatureContract<BackupChannel>;
