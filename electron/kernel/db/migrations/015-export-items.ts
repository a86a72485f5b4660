import type { Migration } from './index';

/**
 * What each exported report declared item by item: `[{ code, kind, points }]` (points in
 * hundredths), as JSON beside the export's row. The commune keeps no copy of the package it sent,
 * and an appraisal result answering that package must speak of exactly its items with exactly the
 * self-scores it declared (features/appraisal/commune-side.ts); this is what it is checked against.
 * NULL: a report exported before this migration (the result is then checked against the framework
 * only, as before).
 */
export const m015ExportItems: Migration = {
  version: 15,
  name: 'export-items',
  up(db) {
    db.exec(`
      ALTER TABLE package_exports ADD COLUMN items_json TEXT CHECK (items_json IS NULL OR (json_valid(items_json) AND json_type(items_json) = 'array'));
    `);
  },
};
