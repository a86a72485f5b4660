import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m011Appraisal } from './011-appraisal';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('011 appraisal', () => {
  it('keeps the received packages; rounds name a received package; a request has its kind; one lock per commune and year', () => {
    const n = m011Appraisal.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    db.prepare(`INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at) VALUES ('f', '1', 't', '49', 2026, 0, ?, '{}', 'now')`).run('f'.repeat(64));
    db.prepare(
      `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by, file_name, size, raw,
         locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent, recomputed_totals_json, mismatch, forms)
       VALUES (?, 'p', '26734', 2026, 1, 'K', 1, 'c', 'r', 'u', 'f.json', 2, x'7b7d', 1, 10, 100, '{}', 10, 100, '{}', 0, 3)`,
    ).run('a'.repeat(64));
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT count(*) AS n FROM received_packages').get()).toEqual({ n: 1 });

    const round = db.prepare(`INSERT INTO appraisal_rounds (commune_code, year, round, package_ref, opened_at, opened_by) VALUES ('26734', 2026, ?, ?, 'now', 'u')`);
    round.run(1, 1);
    expect(() => round.run(3, 1)).toThrow(/CHECK/u);
    expect(() => round.run(2, 99)).toThrow(/FOREIGN KEY/u);

    const item = db.prepare(
      `INSERT INTO appraisal_items (commune_code, year, round, item_code, appraised_points, comment, request_kind, request, carried_from, appraiser, updated_at)
       VALUES ('26734', 2026, ?, ?, ?, NULL, ?, ?, NULL, 'u', 'now')`,
    );
    item.run(1, '1.1', null, null, null);
    item.run(1, '1.2', 50, 'explain', 'Giải trình.');
    expect(() => item.run(1, '1.3', 50, 'explain', null)).toThrow(/CHECK/u);
    expect(() => item.run(1, '1.4', 50, 'maybe', 'x')).toThrow(/CHECK/u);
    expect(() => item.run(2, '1.1', 50, null, null)).toThrow(/FOREIGN KEY/u);

    const lock = db.prepare(`INSERT INTO appraisal_locks (commune_code, year, round, locked_at, locked_by) VALUES ('26734', 2026, 1, 'now', 'u')`);
    lock.run();
    expect(() => lock.run()).toThrow(/UNIQUE|PRIMARY/u);
  });
});
