import { fromBase64Url } from '../../../../shared/package/base64url';
import { weakPublicKeyReason } from '../../signing/ed25519';
import type { Migration } from './index';

/**
 * Enrolled keys say whether they passed the full key check (canonical, on the curve, in the
 * prime-order subgroup) when they entered the registry: `vetted`. A package signed by a vetted key
 * has only the key's encoding checked again at import (package-signer.ts), not the subgroup
 * arithmetic, which costs more than the signature itself and, with one key per commune, is paid
 * once per package. Keys already held are checked now, once; a key that fails stays unvetted and
 * every package it signs is refused as KEY_WEAK, as before.
 */
export const m013KeyVetted: Migration = {
  version: 13,
  name: 'key-vetted',
  up(db) {
    db.exec(`ALTER TABLE enrolled_keys ADD COLUMN vetted INTEGER NOT NULL DEFAULT 0 CHECK (vetted IN (0, 1))`);
    const rows = db.prepare(`SELECT key_id, public_key FROM enrolled_keys`).all() as { key_id: string; public_key: string }[];
    const mark = db.prepare(`UPDATE enrolled_keys SET vetted = 1 WHERE key_id = ?`);
    for (const r of rows) {
      const raw = fromBase64Url(r.public_key);
      if (raw && weakPublicKeyReason(raw) === null) mark.run(r.key_id);
    }
  },
};
