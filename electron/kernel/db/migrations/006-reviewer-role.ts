import type { Migration } from './index';

/**
 * The reviewing unit's role is `reviewer`, whatever its level: a district's Phòng Nội vụ before
 * 7/2025 or the province's Sở Nội vụ since (the `level` column). The role was stored as
 * `district`. SQLite cannot change a CHECK constraint, so the table is rebuilt; a reviewer must
 * now have a level and a commune must not. Old audit rows keep the word they were written with.
 */
export const m006ReviewerRole: Migration = {
  version: 6,
  name: 'reviewer-role',
  up(db) {
    db.exec(`
      CREATE TABLE identity_next (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        role            TEXT NOT NULL CHECK (role IN ('commune', 'reviewer')),
        level           TEXT CHECK (level IS NULL OR level IN ('district', 'province')),
        unit_code       TEXT NOT NULL,
        unit_name       TEXT NOT NULL,
        province_code   TEXT NOT NULL,
        reviewer_code   TEXT,
        officer_name    TEXT,
        officer_title   TEXT,
        year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        framework_ref   INTEGER REFERENCES frameworks(id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        CHECK ((role = 'reviewer') = (level IS NOT NULL))
      ) STRICT;
      INSERT INTO identity_next
        SELECT id, CASE role WHEN 'district' THEN 'reviewer' ELSE role END,
               CASE WHEN role = 'district' THEN coalesce(level, 'district') END,
               unit_code, unit_name, province_code, reviewer_code, officer_name, officer_title,
               year, framework_ref, created_at, updated_at
        FROM identity;
      DROP TABLE identity;
      ALTER TABLE identity_next RENAME TO identity;
    `);
  },
};
