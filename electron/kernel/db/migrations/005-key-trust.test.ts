import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m005KeyTrust } from './005-key-trust';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('005 key trust', () => {
  it('keeps enrolled keys and the pin; from then on keys stay with their commune, revoked keys stay revoked, the pin never changes silently', () => {
    const n = m005KeyTrust.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    const key = db.prepare(
      `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, approved_at) VALUES (?, ?, 'X', ?, ?, ?, ?, ?, 'now')`,
    );
    key.run('K1', '26734', 'pk1', 'fp1', 'active', '2026-01-01', null);
    key.run('K2', '26734', 'pk2', 'fp2', 'revoked', '2026-01-01', '2026-06-01');
    db.prepare(`INSERT INTO enrolment_requests (request_id, key_id, request_sha256, text, created_at) VALUES ('r1', 'K1', ?, '{}', 'now')`).run('a'.repeat(64));
    db.prepare(`INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at) VALUES (1, '49', 'S', 'R1', 'rpk', 'rfp', 'r1', 't', 'a', 'b', 'c')`).run();
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT count(*) AS n FROM enrolled_keys').get()).toEqual({ n: 2 });

    expect(() => key.run('K1', '26735', 'pk1', 'fp1', 'active', '2026-01-01', null)).toThrow(/once/u);
    expect(() => key.run('K3', '26735', 'pk2', 'fp3', 'active', '2026-01-01', null)).toThrow(/once/u);
    expect(() => key.run('K4', '26735', 'pk4', 'fp4', 'active', '2026-02-30', null)).toThrow(/calendar/u);
    expect(() => db.prepare(`UPDATE enrolled_keys SET commune_code = '26735' WHERE key_id = 'K1'`).run()).toThrow(/one commune/u);
    expect(() => db.prepare(`UPDATE enrolled_keys SET status = 'active', revoked_from = NULL WHERE key_id = 'K2'`).run()).toThrow(/stays revoked/u);
    expect(() => db.prepare(`UPDATE enrolled_keys SET revoked_from = '2026-07-01' WHERE key_id = 'K2'`).run()).toThrow(/stays revoked/u);
    db.prepare(`UPDATE enrolled_keys SET revoked_from = '2026-05-01' WHERE key_id = 'K2'`).run();
    expect(() => db.prepare(`UPDATE enrolled_keys SET status = 'revoked', revoked_from = 'garbage' WHERE key_id = 'K1'`).run()).toThrow(/calendar/u);
    expect(() => db.prepare(`DELETE FROM enrolled_keys WHERE key_id = 'K2'`).run()).toThrow(/never deleted/u);
    db.prepare(`UPDATE enrolled_keys SET commune_name = 'Xã mới' WHERE key_id = 'K1'`).run(); // a commune may be renamed

    expect(() => db.prepare(`UPDATE reviewer_pin SET public_key = 'other' WHERE id = 1`).run()).toThrow(/never changed silently/u);
    db.prepare(`UPDATE reviewer_pin SET approved_at = 'd' WHERE id = 1`).run();

    const rot = db.prepare(
      `INSERT INTO key_rotations (statement_sha256, commune_code, old_key_id, new_key_id, new_public_key, new_fingerprint, effective_from, text, status, created_at, decided_at, approval_text)
       VALUES (?, '26734', 'K1', ?, 'npk', 'nfp', ?, '{}', ?, 'now', ?, ?)`,
    );
    rot.run('b'.repeat(64), 'K5', '2026-12-01', 'pending', null, null);
    expect(() => rot.run('c'.repeat(64), 'K6', '2026-12-01', 'approved', null, null)).toThrow(/CHECK/u);
    expect(() => rot.run('d'.repeat(64), 'K7', '2026-13-01', 'pending', null, null)).toThrow(/CHECK/u);
    db.prepare(`UPDATE key_rotations SET status = 'approved', decided_at = 'now', approval_text = '{}' WHERE new_key_id = 'K5'`).run();
    expect(() => db.prepare(`UPDATE key_rotations SET status = 'pending', decided_at = NULL, approval_text = NULL WHERE new_key_id = 'K5'`).run()).toThrow(/never changed/u);
    expect(() => db.prepare(`DELETE FROM key_rotations`).run()).toThrow(/never deleted/u);
  });
});
