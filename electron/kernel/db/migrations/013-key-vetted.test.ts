import { afterEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../../shared/package/base64url';
import { freshStore } from '../../../../test/helpers/context';
import { testKey } from '../../../../test/fixtures/test-keys';
import { mixedOrder } from '../../../../test/fixtures/weak-keys';
import { migrate, schemaVersion } from '../migrate';
import { m013KeyVetted } from './013-key-vetted';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('013 key vetted', () => {
  it('marks every key already enrolled that passes the full check, and only those', () => {
    const n = m013KeyVetted.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const ins = s.db.prepare(
      `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at)
       VALUES (?, ?, 'Xã', ?, ?, 'active', '2026-01-01', NULL, NULL, ?, '2026-01-01T00:00:00.000Z')`,
    );
    const good = testKey('commune');
    ins.run('GOOD', '26734', toBase64Url(good.publicKey), 'F1', 'a'.repeat(64));
    ins.run('TORSION', '26735', toBase64Url(mixedOrder(good.publicKey)), 'F2', 'b'.repeat(64));
    ins.run('GARBLED', '26736', 'not base64url!', 'F3', 'c'.repeat(64));
    migrate(s.db, n);
    expect(schemaVersion(s.db)).toBe(n);
    expect(s.db.prepare(`SELECT key_id, vetted FROM enrolled_keys ORDER BY key_id`).all()).toEqual([
      { key_id: 'GARBLED', vetted: 0 },
      { key_id: 'GOOD', vetted: 1 },
      { key_id: 'TORSION', vetted: 0 },
    ]);
    expect(() => s.db.prepare(`UPDATE enrolled_keys SET vetted = 2 WHERE key_id = 'GOOD'`).run()).toThrow(/CHECK/u);
  });
});
