import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m014ReceivedCompleteness } from './014-received-completeness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('014 received completeness', () => {
  it('adds the column and fills it from the kept raw bytes: the block when the package has one, NULL otherwise', () => {
    const n = m014ReceivedCompleteness.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    db.prepare(`INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at) VALUES ('f', '1', 't', '49', 2026, 0, ?, '{}', 'now')`).run('f'.repeat(64));
    const ins = db.prepare(
      `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by, file_name, size,
         locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent, recomputed_totals_json, mismatch, forms)
       VALUES (?, ?, '26734', 2026, ?, 'K', 1, 'c', 'r', 'u', 'f.json', 2, 1, 10, 100, '{}', 10, 100, '{}', 0, 3)`,
    );
    const bytes = db.prepare(`INSERT INTO received_package_bytes (package_id, bytes) VALUES (?, ?)`);
    const block = { items: { total: 4, entered: 4, required: 3, requiredEntered: 3 }, forms: { saved: 18, minimum: 20, target: 30 }, overrides: [{ code: 'DEADLINE_PASSED', reason: 'Chờ UBND huyện ký văn bản' }] };
    bytes.run(Number(ins.run('a'.repeat(64), 'p1', 1).lastInsertRowid), Buffer.from(JSON.stringify({ format: 1, payload: { completeness: block } })));
    bytes.run(Number(ins.run('b'.repeat(64), 'p2', 2).lastInsertRowid), Buffer.from(JSON.stringify({ format: 1, payload: {} })));
    bytes.run(Number(ins.run('c'.repeat(64), 'p3', 3).lastInsertRowid), Buffer.from('not json'));
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    const rows = db.prepare(`SELECT package_id AS id, completeness_json AS c FROM received_packages ORDER BY id`).all() as { id: string; c: string | null }[];
    expect(rows.map((r) => [r.id, r.c === null ? null : JSON.parse(r.c)])).toEqual([['p1', block], ['p2', null], ['p3', null]]);
    expect(() => db.prepare(`UPDATE received_packages SET completeness_json = 'nope' WHERE package_id = 'p1'`).run()).toThrow(/CHECK/u);
  });
});
