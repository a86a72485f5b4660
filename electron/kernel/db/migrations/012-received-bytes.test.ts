import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m012ReceivedBytes } from './012-received-bytes';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('012 received bytes', () => {
  it('moves every package\'s raw bytes to the side table, drops the column, indexes the year', () => {
    const n = m012ReceivedBytes.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    db.prepare(`INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at) VALUES ('f', '1', 't', '49', 2026, 0, ?, '{}', 'now')`).run('f'.repeat(64));
    const ins = db.prepare(
      `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by, file_name, size, raw,
         locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent, recomputed_totals_json, mismatch, forms)
       VALUES (?, ?, '26734', 2026, ?, 'K', 1, 'c', 'r', 'u', 'f.json', ?, ?, 1, 10, 100, '{}', 10, 100, '{}', 0, 3)`,
    );
    ins.run('a'.repeat(64), 'p1', 1, 2, Buffer.from('{}'));
    ins.run('b'.repeat(64), 'p2', 2, 3, Buffer.from('{ }'));
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    const cols = (db.prepare(`PRAGMA table_info(received_packages)`).all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('raw');
    expect(db.prepare(`SELECT p.package_id AS id, b.bytes AS bytes FROM received_packages p JOIN received_package_bytes b ON b.package_id = p.id ORDER BY p.id`).all()).toEqual([
      { id: 'p1', bytes: Buffer.from('{}') },
      { id: 'p2', bytes: Buffer.from('{ }') },
    ]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM received_packages WHERE year = 2026`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('received_packages_year');
    expect(() => db.prepare(`INSERT INTO received_package_bytes (package_id, bytes) VALUES (99, x'00')`).run()).toThrow(/FOREIGN KEY/u);
  });
});
