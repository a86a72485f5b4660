/** The reviewing unit importing commune packages: a dry run over the chosen files, the import, the board. */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';
import type { PackageCompleteness } from '../package/completeness-notes';

export type ImportOutcome = 'accepted' | 'duplicate' | 'refused';

/** One file's verdict (the same object `chiso import --json` prints). */
export interface ImportResult {
  file: string;
  outcome: ImportOutcome;
  /** The refusal code (null when accepted or a duplicate). */
  code: string | null;
  /** The Vietnamese sentence: what happened and what to do (null unless refused). */
  message: string | null;
  /** The commune code the package names (claimed only, when refused before its signature held). */
  commune: string | null;
  communeName: string | null;
  year: number | null;
  revision: number | null;
  /** Accepted: the newest revision received from this commune for the year before this one (null: the first). */
  previousRevision?: number | null;
  packageId: string | null;
  sha256: string | null;
  /** Accepted: the recomputed scores differ from the declared ones (what differed in `differences`). */
  mismatch: boolean;
  differences?: string[];
  /** A duplicate in a dry run of a file earlier in the same choice (not of a package already received). */
  sameChoice?: true;
  details?: Record<string, unknown>;
}

/** How far an import has got (the `import:progress` event; the CLI's progress line). */
export interface ImportProgress {
  done: number;
  total: number;
  accepted: number;
  duplicates: number;
  refused: number;
  /** Time left, estimated from the files done so far (0 when finished). */
  etaMs: number;
}

export type BoardState = 'not-received' | 'received' | 'flagged';

export interface BoardRow {
  code: string;
  name: string;
  type: string;
  state: BoardState;
  /** The newest accepted revision, and when it was received (ISO instant). */
  revision: number | null;
  receivedAt: string | null;
  /**
   * When the first accepted revision of the year was received (ISO instant): the receipt the
   * deadline is judged on. Equal to receivedAt when only one revision arrived.
   */
  firstReceivedAt: string | null;
  /** First receipt by the deadline; null when nothing arrived or no deadline is set. */
  onTime: boolean | null;
  mismatch: boolean;
  refusedAttempts: number;
  /** The commune has an active key enrolled (its packages can be verified). */
  enrolled: boolean;
  /**
   * The newest revision's own completeness block: items and forms as sent, and the warnings the
   * commune overrode with its reason (commune text: show through `printable`). Null when nothing
   * arrived or the package is from a version that sent none.
   */
  completeness: PackageCompleteness | null;
}

export interface Board {
  year: number;
  deadline: string | null;
  rows: BoardRow[];
}

/** What a choice of files or a folder would do (the dry run), and the token that imports it. */
export interface ImportPreview {
  token: string;
  results: ImportResult[];
}

/** What an import did: every file's verdict, in order; `stopped` when cancelled with files left (total − results.length). */
export interface ImportRun {
  results: ImportResult[];
  total: number;
  stopped: boolean;
}

export const IMPORT_CHANNELS = ['import:choose', 'import:run', 'import:cancel', 'import:status', 'import:exportLog'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

export const importContract = {
  /** Main shows the files or folder dialog (or takes a drop's paths by its token: preload's pathsForDroppedFiles), then dry-runs what was chosen; null when cancelled. */
  'import:choose': { input: z.object({ from: z.enum(['files', 'folder', 'drop']), token: z.string().min(1).max(100).optional() }), output: out<ImportPreview | null>() },
  /** Imports what the token holds (the choice is used once). */
  'import:run': { input: z.object({ token: z.string().min(1).max(100) }), output: out<ImportRun>() },
  /** Stops the check or import running (progress: the `import:progress` event); what is finished stays. False when none runs. */
  'import:cancel': { input: z.undefined(), output: out<boolean>() },
  'import:status': { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: out<Board>() },
  /** The import log as xlsx or CSV: main asks where to save; null when cancelled. */
  'import:exportLog': { input: z.object({ format: z.enum(['xlsx', 'csv']) }), output: out<{ path: string; rows: number } | null>() },
} satisfies FeatureContract<ImportChannel>;
