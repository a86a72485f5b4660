import type { Migration } from './index';

/** Identity and settings, frameworks, assessment entries and the audit log. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE identity (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        role            TEXT NOT NULL CHECK (role IN ('commune', 'district')),
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
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE frameworks (
        id             INTEGER PRIMARY KEY,
        framework_id   TEXT NOT NULL,
        version        TEXT NOT NULL,
        title          TEXT NOT NULL,
        province_code  TEXT NOT NULL,
        year           INTEGER NOT NULL,
        sample         INTEGER NOT NULL CHECK (sample IN (0, 1)),
        sha256         TEXT NOT NULL,
        json           TEXT NOT NULL,
        installed_at   TEXT NOT NULL,
        UNIQUE (framework_id, version, sha256)
      ) STRICT;

      CREATE TABLE assessment_entries (
        framework_ref  INTEGER NOT NULL REFERENCES frameworks(id),
        item_code      TEXT NOT NULL,
        entry_json     TEXT NOT NULL,
        explanation    TEXT,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        PRIMARY KEY (framework_ref, item_code)
      ) STRICT;

      -- Every change: who, when, what, old -> new (JSON). Never updated, never deleted.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_key  TEXT NOT NULL,
        old_json    TEXT,
        new_json    TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
