import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m016ReceivedItemMax } from './016-received-item-max';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('016 received item max', () => {
  it('adds the column, NULL for the items received before it, and refuses a negative maximum', () => {
    const n = m016ReceivedItemMax.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    db.prepare(`INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at) VALUES ('f', '1', 't', '49', 2026, 0, ?, '{}', 'now')`).run('f'.repeat(64));
    const ref = Number(db.prepare(
      `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by, file_name, size,
         locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent, recomputed_totals_json, mismatch, forms)
       VALUES (?, 'p1', '26734', 2026, 1, 'K', 1, 'c', 'r', 'u', 'f.json', 2, 1, 10, 100, '{}', 10, 100, '{}', 0, 3)`,
    ).run('a'.repeat(64)).lastInsertRowid);
    db.prepare(`INSERT INTO received_items (package_ref, item_code, kind, status, input_json, not_applicable, declared_points, recomputed_points) VALUES (?, '1.1', 'item', 'done', NULL, 0, 50, 50)`).run(ref);
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare(`SELECT recomputed_max AS m FROM received_items`).get()).toEqual({ m: null });
    db.prepare(`UPDATE received_items SET recomputed_max = 100`).run();
    expect(db.prepare(`SELECT recomputed_max AS m FROM received_items`).get()).toEqual({ m: 100 });
    expect(() => db.prepare(`UPDATE received_items SET recomputed_max = -1`).run()).toThrow(/CHECK/u);
  });
});
