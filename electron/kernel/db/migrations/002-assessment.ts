import type { Migration } from './index';

/**
 * Self-assessment: the lock (finalise / reopen with a revision counter the export reads),
 * evidence documents per item, and evidence files stored content-addressed under
 * dataDir/evidence/<sha256> (a blob row per stored file, shared by every item that
 * attaches the same bytes). Item inputs and explanations live in assessment_entries (001).
 */
export const m002Assessment: Migration = {
  version: 2,
  name: 'assessment',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_lock (
        framework_ref   INTEGER PRIMARY KEY REFERENCES frameworks(id),
        finalised       INTEGER NOT NULL CHECK (finalised IN (0, 1)),
        -- How many times the assessment has been finalised: each new lock is a new revision.
        revision        INTEGER NOT NULL CHECK (revision >= 0),
        changed_at      TEXT NOT NULL,
        changed_by      TEXT NOT NULL,
        reopen_reason   TEXT
      ) STRICT;

      CREATE TABLE evidence_documents (
        id             INTEGER PRIMARY KEY,
        framework_ref  INTEGER NOT NULL REFERENCES frameworks(id),
        item_code      TEXT NOT NULL,
        number         TEXT NOT NULL,
        doc_date       TEXT,
        issuer         TEXT NOT NULL,
        summary        TEXT NOT NULL,
        locator        TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX evidence_documents_item ON evidence_documents (framework_ref, item_code);

      CREATE TABLE evidence_blobs (
        sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size        INTEGER NOT NULL CHECK (size >= 0),
        stored_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_files (
        id             INTEGER PRIMARY KEY,
        framework_ref  INTEGER NOT NULL REFERENCES frameworks(id),
        item_code      TEXT NOT NULL,
        name           TEXT NOT NULL,
        media_type     TEXT NOT NULL,
        sha256         TEXT NOT NULL REFERENCES evidence_blobs(sha256),
        added_at       TEXT NOT NULL,
        UNIQUE (framework_ref, item_code, sha256)
      ) STRICT;
      CREATE INDEX evidence_files_item ON evidence_files (framework_ref, item_code);
    `);
  },
};
