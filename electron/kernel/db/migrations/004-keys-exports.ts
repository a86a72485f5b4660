import type { Migration } from './index';

/**
 * Signed packages: the exports this installation made (revision per package, recorded in the
 * export's transaction), the commune's enrolment requests and the reviewing unit's pinned key
 * (commune side), and the enrolled commune keys (reviewing side). Private keys are NEVER here:
 * they live in the key file beside the database.
 */
export const m004KeysExports: Migration = {
  version: 4,
  name: 'keys-exports',
  up(db) {
    db.exec(`
      CREATE TABLE package_exports (
        package_id      TEXT PRIMARY KEY,
        revision        INTEGER NOT NULL UNIQUE CHECK (revision >= 1),
        key_id          TEXT NOT NULL,
        year            INTEGER NOT NULL,
        sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
        size            INTEGER NOT NULL CHECK (size > 0),
        file_name       TEXT NOT NULL,
        folder          TEXT NOT NULL,
        supersedes      TEXT REFERENCES package_exports(package_id),
        created_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE enrolment_requests (
        request_id      TEXT PRIMARY KEY,
        key_id          TEXT NOT NULL,
        request_sha256  TEXT NOT NULL CHECK (length(request_sha256) = 64),
        text            TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reviewer_pin (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        unit_code       TEXT NOT NULL,
        unit_name       TEXT NOT NULL,
        key_id          TEXT NOT NULL,
        public_key      TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        request_id      TEXT NOT NULL REFERENCES enrolment_requests(request_id),
        approval_text   TEXT NOT NULL,
        approved_at     TEXT NOT NULL,
        valid_from      TEXT NOT NULL,
        pinned_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE enrolled_keys (
        key_id          TEXT PRIMARY KEY,
        commune_code    TEXT NOT NULL,
        commune_name    TEXT NOT NULL,
        public_key      TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
        valid_from      TEXT NOT NULL,
        revoked_from    TEXT,
        request_id      TEXT,
        request_sha256  TEXT,
        approved_at     TEXT NOT NULL,
        CHECK ((status = 'revoked') = (revoked_from IS NOT NULL))
      ) STRICT;
      CREATE INDEX enrolled_keys_commune ON enrolled_keys (commune_code);
    `);
  },
};
