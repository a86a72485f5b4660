import type { Migration } from './index';

/**
 * Last year's published results, imported from the spreadsheet the province published: one row
 * per commune code (a merged commune keeps one predecessor's code, so rows match by code, never by
 * name), the index in hundredths of a percent (null when the commune had none) and the group as
 * published. A year's rows are replaced whole by the next import of that year.
 *
 * The version is this branch's next free number; renumbering is the file name and `version`.
 */
export const m010History: Migration = {
  version: 10,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE history_results (
        year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        code          TEXT NOT NULL CHECK (length(code) = 5 AND code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        index_percent INTEGER CHECK (index_percent IS NULL OR index_percent BETWEEN 0 AND 10000),
        group_label   TEXT CHECK (group_label IS NULL OR length(group_label) BETWEEN 1 AND 200),
        imported_at   TEXT NOT NULL,
        source_file   TEXT NOT NULL,
        PRIMARY KEY (year, code)
      ) STRICT;
    `);
  },
};
