import type { Migration } from './index';

/**
 * Appraisal (thẩm định), both sides.
 *
 * Reviewing unit: a commune's appraisal of a year runs in rounds (1: the first received revision;
 * 2: the revision that answers the round-1 result). Each round names the received package it
 * appraises. One row per item and round: the appraised points (NULL while the item is still at the
 * commune's self-score: never counted silently), the council's comment, its request (giải trình:
 * an explanation; bổ sung: more evidence) and who decided when; `carried_from` says a decision was
 * carried over from an earlier round for an item that did not change. Exports of the signed result
 * are logged; the lock (approval: who, when) closes the commune's appraisal for the year. Fields
 * are assigned to appraisers (a department or a person) per year, and each marks its field done
 * per commune.
 *
 * Commune: every appraisal result received (raw signed bytes kept, like received packages), its
 * items, and the clerk's answer to each request (sent with the next revision's explanation).
 */
export const m011Appraisal: Migration = {
  version: 11,
  name: 'appraisal',
  up(db) {
    db.exec(`
      CREATE TABLE appraisal_rounds (
        commune_code  TEXT NOT NULL REFERENCES communes(code),
        year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        round         INTEGER NOT NULL CHECK (round IN (1, 2)),
        package_ref   INTEGER NOT NULL REFERENCES received_packages(id),
        opened_at     TEXT NOT NULL,
        opened_by     TEXT NOT NULL,
        PRIMARY KEY (commune_code, year, round)
      ) STRICT;

      CREATE TABLE appraisal_items (
        commune_code      TEXT NOT NULL,
        year              INTEGER NOT NULL,
        round             INTEGER NOT NULL,
        item_code         TEXT NOT NULL,
        appraised_points  INTEGER,
        comment           TEXT,
        request_kind      TEXT CHECK (request_kind IN ('explain', 'evidence')),
        request           TEXT,
        carried_from      INTEGER CHECK (carried_from IN (1)),
        appraiser         TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        CHECK ((request IS NULL) = (request_kind IS NULL)),
        PRIMARY KEY (commune_code, year, round, item_code),
        FOREIGN KEY (commune_code, year, round) REFERENCES appraisal_rounds (commune_code, year, round)
      ) STRICT;

      CREATE TABLE appraisal_exports (
        id            INTEGER PRIMARY KEY,
        commune_code  TEXT NOT NULL,
        year          INTEGER NOT NULL,
        round         INTEGER NOT NULL,
        package_id    TEXT NOT NULL UNIQUE,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        file_name     TEXT NOT NULL,
        locked        INTEGER NOT NULL CHECK (locked IN (0, 1)),
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        FOREIGN KEY (commune_code, year, round) REFERENCES appraisal_rounds (commune_code, year, round)
      ) STRICT;

      CREATE TABLE appraisal_locks (
        commune_code  TEXT NOT NULL REFERENCES communes(code),
        year          INTEGER NOT NULL,
        round         INTEGER NOT NULL,
        locked_at     TEXT NOT NULL,
        locked_by     TEXT NOT NULL,
        PRIMARY KEY (commune_code, year),
        FOREIGN KEY (commune_code, year, round) REFERENCES appraisal_rounds (commune_code, year, round)
      ) STRICT;

      CREATE TABLE field_assignments (
        year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        field_code    TEXT NOT NULL,
        appraiser     TEXT NOT NULL CHECK (length(appraiser) BETWEEN 1 AND 200),
        assigned_at   TEXT NOT NULL,
        assigned_by   TEXT NOT NULL,
        PRIMARY KEY (year, field_code)
      ) STRICT;

      CREATE TABLE field_done (
        commune_code  TEXT NOT NULL REFERENCES communes(code),
        year          INTEGER NOT NULL,
        field_code    TEXT NOT NULL,
        done_by       TEXT NOT NULL,
        done_at       TEXT NOT NULL,
        PRIMARY KEY (commune_code, year, field_code)
      ) STRICT;

      CREATE TABLE received_appraisals (
        id              INTEGER PRIMARY KEY,
        sha256          TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        package_id      TEXT NOT NULL UNIQUE,
        year            INTEGER NOT NULL,
        round           INTEGER NOT NULL CHECK (round IN (1, 2)),
        answers_revision INTEGER NOT NULL CHECK (answers_revision >= 1),
        locked          INTEGER NOT NULL CHECK (locked IN (0, 1)),
        key_id          TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        received_by     TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        raw             BLOB NOT NULL
      ) STRICT;

      CREATE TABLE received_appraisal_items (
        appraisal_ref     INTEGER NOT NULL REFERENCES received_appraisals(id),
        item_code         TEXT NOT NULL,
        self_points       INTEGER NOT NULL,
        appraised_points  INTEGER,
        comment           TEXT,
        request_kind      TEXT CHECK (request_kind IN ('explain', 'evidence')),
        request           TEXT,
        PRIMARY KEY (appraisal_ref, item_code)
      ) STRICT;

      CREATE TABLE appraisal_answers (
        year        INTEGER NOT NULL,
        item_code   TEXT NOT NULL,
        answer      TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 5000),
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        PRIMARY KEY (year, item_code)
      ) STRICT;
    `);
  },
};
