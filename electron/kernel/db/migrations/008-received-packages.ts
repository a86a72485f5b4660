import type { Migration } from './index';

/**
 * What the reviewing unit received: one row per accepted commune package, its items with the
 * points the commune declared beside the points recomputed here, the evidence files (stored once
 * by SHA-256 whatever number of packages carry them), and the import log (every file offered,
 * every verdict, who and when; refusals included).
 *
 * The raw bytes of an accepted package are kept in the row (a BLOB), not in a file beside the
 * database: the row and its bytes are written in the same transaction, so there is never a row
 * without its file or an orphan file after a crash, a backup of the database holds everything,
 * and nothing needs an fsync of its own. Packages are a few MB; SQLite stores BLOBs of that size
 * without trouble.
 */
export const m008ReceivedPackages: Migration = {
  version: 8,
  name: 'received-packages',
  up(db) {
    db.exec(`
      CREATE TABLE received_packages (
        id                        INTEGER PRIMARY KEY,
        sha256                    TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        package_id                TEXT NOT NULL,
        commune_code              TEXT NOT NULL REFERENCES communes(code),
        year                      INTEGER NOT NULL,
        revision                  INTEGER NOT NULL CHECK (revision >= 1),
        key_id                    TEXT NOT NULL,
        framework_ref             INTEGER NOT NULL REFERENCES frameworks(id),
        created_at                TEXT NOT NULL,
        received_at               TEXT NOT NULL,
        received_by               TEXT NOT NULL,
        file_name                 TEXT NOT NULL,
        size                      INTEGER NOT NULL CHECK (size >= 0),
        raw                       BLOB NOT NULL,
        locked                    INTEGER NOT NULL CHECK (locked IN (0, 1)),
        declared_points           INTEGER NOT NULL,
        declared_index_percent    INTEGER,
        declared_totals_json      TEXT NOT NULL,
        recomputed_points         INTEGER NOT NULL,
        recomputed_index_percent  INTEGER,
        recomputed_totals_json    TEXT NOT NULL,
        mismatch                  INTEGER NOT NULL CHECK (mismatch IN (0, 1)),
        forms                     INTEGER NOT NULL CHECK (forms >= 0),
        UNIQUE (commune_code, year, revision)
      ) STRICT;
      CREATE INDEX received_packages_commune ON received_packages (commune_code, year, revision);

      CREATE TABLE received_items (
        package_ref        INTEGER NOT NULL REFERENCES received_packages(id),
        item_code          TEXT NOT NULL,
        kind               TEXT NOT NULL CHECK (kind IN ('item', 'bonus', 'penalty')),
        status             TEXT NOT NULL,
        input_json         TEXT,
        not_applicable     INTEGER NOT NULL CHECK (not_applicable IN (0, 1)),
        declared_points    INTEGER NOT NULL,
        recomputed_points  INTEGER,
        PRIMARY KEY (package_ref, item_code)
      ) STRICT;

      CREATE TABLE received_evidence (
        sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size          INTEGER NOT NULL CHECK (size >= 0),
        media_type    TEXT NOT NULL,
        content       BLOB NOT NULL,
        first_seen_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE received_package_evidence (
        package_ref   INTEGER NOT NULL REFERENCES received_packages(id),
        evidence_id   TEXT NOT NULL,
        sha256        TEXT NOT NULL REFERENCES received_evidence(sha256),
        name          TEXT NOT NULL,
        PRIMARY KEY (package_ref, evidence_id)
      ) STRICT;

      CREATE TABLE import_log (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        file_sha256   TEXT,
        outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'refused')),
        code          TEXT,
        commune_code  TEXT,
        year          INTEGER,
        revision      INTEGER,
        package_ref   INTEGER REFERENCES received_packages(id),
        details_json  TEXT
      ) STRICT;
      CREATE INDEX import_log_commune ON import_log (commune_code, year);

      CREATE TRIGGER import_log_no_update BEFORE UPDATE ON import_log
      BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;
      CREATE TRIGGER import_log_no_delete BEFORE DELETE ON import_log
      BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;
    `);
  },
};
