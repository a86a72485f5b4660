import type { Migration } from './index';

/**
 * Key trust in the database itself, whatever code writes to it (docs/package-format.md §6):
 *
 * - enrolled_keys (reviewing side): a key is enrolled once and belongs to its commune for ever
 *   (no second row, no change of commune or key material, the same public key never under two
 *   ids); a revoked key stays revoked (its date may only move earlier) and no row is ever
 *   deleted, so a revoked key cannot come back by delete-and-insert or INSERT OR REPLACE;
 *   dates are real calendar dates (yyyy-mm-dd).
 * - reviewer_pin (commune side): the pinned reviewing-unit key is never changed by an update; a
 *   deliberate re-pin (after a person confirmed the new fingerprint) deletes and inserts, with an
 *   audit row.
 * - key_rotations (both sides): a rotation statement waits as `pending` until a person compares
 *   the new key's fingerprint with the stamped paper form and approves it; the commune holds its
 *   own statements the same way until the signed rotation approval comes back.
 */
export const m005KeyTrust: Migration = {
  version: 5,
  name: 'key-trust',
  up(db) {
    db.exec(`
      CREATE UNIQUE INDEX enrolled_keys_public_key ON enrolled_keys (public_key);

      -- Before the insert, so INSERT OR REPLACE (whose deletes fire no trigger) cannot swap a row out.
      CREATE TRIGGER enrolled_keys_enrolled_once BEFORE INSERT ON enrolled_keys
      WHEN EXISTS (SELECT 1 FROM enrolled_keys WHERE key_id = NEW.key_id OR public_key = NEW.public_key OR fingerprint = NEW.fingerprint)
      BEGIN SELECT RAISE(ABORT, 'a key is enrolled once: it belongs to one commune for ever and a revoked key stays revoked'); END;

      CREATE TRIGGER enrolled_keys_one_commune BEFORE UPDATE OF key_id, commune_code, public_key, fingerprint ON enrolled_keys
      WHEN NEW.key_id IS NOT OLD.key_id OR NEW.commune_code IS NOT OLD.commune_code
        OR NEW.public_key IS NOT OLD.public_key OR NEW.fingerprint IS NOT OLD.fingerprint
      BEGIN SELECT RAISE(ABORT, 'a key belongs to one commune for ever'); END;

      CREATE TRIGGER enrolled_keys_stay_revoked BEFORE UPDATE OF status, revoked_from ON enrolled_keys
      WHEN OLD.status = 'revoked' AND (NEW.status IS NOT 'revoked' OR NEW.revoked_from > OLD.revoked_from)
      BEGIN SELECT RAISE(ABORT, 'a revoked key stays revoked (its date may only move earlier)'); END;

      CREATE TRIGGER enrolled_keys_never_deleted BEFORE DELETE ON enrolled_keys
      BEGIN SELECT RAISE(ABORT, 'an enrolled key is never deleted: a revoked key must stay revoked'); END;

      CREATE TRIGGER enrolled_keys_dates_insert BEFORE INSERT ON enrolled_keys
      WHEN date(NEW.valid_from) IS NOT NEW.valid_from OR (NEW.revoked_from IS NOT NULL AND date(NEW.revoked_from) IS NOT NEW.revoked_from)
      BEGIN SELECT RAISE(ABORT, 'dates are real calendar dates, yyyy-mm-dd'); END;

      CREATE TRIGGER enrolled_keys_dates_update BEFORE UPDATE OF valid_from, revoked_from ON enrolled_keys
      WHEN date(NEW.valid_from) IS NOT NEW.valid_from OR (NEW.revoked_from IS NOT NULL AND date(NEW.revoked_from) IS NOT NEW.revoked_from)
      BEGIN SELECT RAISE(ABORT, 'dates are real calendar dates, yyyy-mm-dd'); END;

      CREATE TRIGGER reviewer_pin_never_silently_changed BEFORE UPDATE OF key_id, public_key, fingerprint ON reviewer_pin
      WHEN NEW.key_id IS NOT OLD.key_id OR NEW.public_key IS NOT OLD.public_key OR NEW.fingerprint IS NOT OLD.fingerprint
      BEGIN SELECT RAISE(ABORT, 'the pinned reviewing unit key is never changed silently'); END;

      CREATE TABLE key_rotations (
        -- SHA-256 (hex) of the statement's signed bytes: the rotation approval repeats it.
        statement_sha256  TEXT PRIMARY KEY CHECK (length(statement_sha256) = 64),
        commune_code      TEXT NOT NULL,
        old_key_id        TEXT NOT NULL,
        new_key_id        TEXT NOT NULL,
        new_public_key    TEXT NOT NULL,
        new_fingerprint   TEXT NOT NULL,
        effective_from    TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
        text              TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'cancelled')),
        -- Made (commune) or received (reviewing unit).
        created_at        TEXT NOT NULL,
        -- Approved (reviewing unit) or its approval accepted (commune); cancelled (commune).
        decided_at        TEXT,
        approval_text     TEXT,
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK ((status = 'approved') = (approval_text IS NOT NULL))
      ) STRICT;
      CREATE INDEX key_rotations_commune ON key_rotations (commune_code, status);

      CREATE TRIGGER key_rotations_decided_once BEFORE UPDATE ON key_rotations
      WHEN OLD.status IS NOT 'pending'
      BEGIN SELECT RAISE(ABORT, 'a decided key rotation is never changed'); END;

      CREATE TRIGGER key_rotations_never_deleted BEFORE DELETE ON key_rotations
      BEGIN SELECT RAISE(ABORT, 'a key rotation is never deleted'); END;
    `);
  },
};
