import type { Migration } from './index';

/**
 * The reviewing unit's roster: the communes it reviews, keyed by their 5-digit code (Quyết định
 * 19/2025/QĐ-TTg: a code is the unit's for life and never reused; names change, merged units keep
 * one predecessor's code), and the deadline for each year's packages. A commune that has data is
 * deactivated, never deleted.
 */
export const m007Roster: Migration = {
  version: 7,
  name: 'roster',
  up(db) {
    db.exec(`
      CREATE TABLE communes (
        code        TEXT PRIMARY KEY CHECK (length(code) = 5 AND code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type        TEXT NOT NULL CHECK (type IN ('xa', 'phuong', 'dac-khu', 'thi-tran')),
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE report_deadlines (
        year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        deadline    TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
      ) STRICT;
    `);
  },
};
