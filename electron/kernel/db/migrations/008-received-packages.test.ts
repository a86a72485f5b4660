import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m008ReceivedPackages } from './008-received-packages';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('008 received packages', () => {
  it('keeps the roster; one package per commune, year and revision, stored once by hash; the import log is append-only', () => {
    const n = m008ReceivedPackages.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    db.prepare(`INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at) VALUES ('f', '1', 't', '49', 2026, 0, ?, '{}', 'now')`).run('f'.repeat(64));
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT count(*) AS n FROM communes').get()).toEqual({ n: 1 });

    const add = db.prepare(
      `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by, file_name, size, raw,
         locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent, recomputed_totals_json, mismatch, forms)
       VALUES (?, 'p', ?, 2026, ?, 'K', 1, 'c', 'r', 'u', 'f.json', 2, x'7b7d', 1, 10, 100, '{}', 10, 100, '{}', 0, 3)`,
    );
    add.run('a'.repeat(64), '26734', 1);
    expect(() => add.run('a'.repeat(64), '26734', 2)).toThrow(/UNIQUE/u);
    expect(() => add.run('b'.repeat(64), '26734', 1)).toThrow(/UNIQUE/u);
    expect(() => add.run('c'.repeat(64), '99999', 1)).toThrow(/FOREIGN KEY/u);

    db.prepare(`INSERT INTO import_log (at, actor, file_name, outcome) VALUES ('now', 'u', 'f.json', 'refused')`).run();
    expect(() => db.prepare(`INSERT INTO import_log (at, actor, file_name, outcome) VALUES ('now', 'u', 'f.json', 'maybe')`).run()).toThrow(/CHECK/u);
    expect(() => db.prepare(`UPDATE import_log SET outcome = 'accepted'`).run()).toThrow(/append-only/u);
    expect(() => db.prepare(`DELETE FROM import_log`).run()).toThrow(/append-only/u);
  });
});
