import type { Migration } from './index';

/**
 * Paper questionnaires of the sociological survey. One row per paper form: pass 1 (the
 * answers that count, after any resolution), and the blind second pass (v_*) of double
 * entry. A form is a draft until the clerk saves it; every answer is written as keyed, so
 * a crash loses nothing. Deleted forms stay (soft delete, with who and why) but never count.
 */
export const m003Survey: Migration = {
  version: 3,
  name: 'survey',
  up(db) {
    db.exec(`
      CREATE TABLE survey_forms (
        id              INTEGER PRIMARY KEY,
        framework_ref   INTEGER NOT NULL REFERENCES frameworks(id),
        form_no         TEXT NOT NULL,
        -- formNoKey(form_no): "007" and "7" are the same paper form.
        form_key        TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source IN ('keyed', 'import')),
        status          TEXT NOT NULL CHECK (status IN ('draft', 'saved')),
        answers_json    TEXT NOT NULL,
        keyed_by        TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        -- Second pass (double entry): keyed blind, then compared and resolved.
        v_status        TEXT CHECK (v_status IS NULL OR v_status IN ('keying', 'differences', 'verified')),
        v_answers_json  TEXT,
        v_keyed_by      TEXT,
        -- {code: {first, second, final, choice}} for each difference found.
        v_diff_json     TEXT,
        v_at            TEXT,
        deleted_at      TEXT,
        deleted_by      TEXT,
        delete_reason   TEXT,
        CHECK ((deleted_at IS NULL) = (delete_reason IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX survey_forms_live_key ON survey_forms (framework_ref, form_key) WHERE deleted_at IS NULL;
    `);
  },
};
