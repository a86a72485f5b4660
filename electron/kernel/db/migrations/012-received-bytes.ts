import type { Migration } from './index';

/**
 * Received packages, faster to scan: the raw signed bytes (tens of KB each, kept for re-reading
 * and appraisal) move out of `received_packages` into a side table keyed by the package's row, so
 * the lists, the board and the reports read narrow rows; and an index on `year`, which every
 * per-year reader filters by. Existing rows are copied, then the column is dropped.
 */
export const m012ReceivedBytes: Migration = {
  version: 12,
  name: 'received-bytes',
  up(db) {
    db.exec(`
      CREATE TABLE received_package_bytes (
        package_id  INTEGER PRIMARY KEY REFERENCES received_packages(id),
        bytes       BLOB NOT NULL
      ) STRICT;
      INSERT INTO received_package_bytes (package_id, bytes) SELECT id, raw FROM received_packages ORDER BY id;
      ALTER TABLE received_packages DROP COLUMN raw;
      CREATE INDEX received_packages_year ON received_packages (year);
    `);
  },
};
