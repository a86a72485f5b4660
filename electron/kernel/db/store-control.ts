/**
 * The database file behind the live connection, for what replaces it (restore, the recovery path,
 * importing a whole-data file). The composition root implements it (electron/app/runtime.ts).
 */
export interface StoreDamage {
  /** What quick_check (or opening) reported. */
  problems: string[];
}

export interface StoreControl {
  /** The database file (absolute). */
  readonly path: string;
  /** The better-sqlite3 binary for the running runtime (Electron's), when not the default. */
  readonly nativeBinding: string | undefined;
  /** Non-null while the database is damaged: the app runs in recovery mode (a placeholder store). */
  damage(): StoreDamage | null;
  /**
   * Close the live connection, run `replace` (which swaps the file), then open the file again
   * (checked and migrated) as the live connection. When the file cannot be opened afterwards the
   * store is left damaged (recovery mode) and the error is thrown.
   */
  reopen(replace: () => void): void;
}
