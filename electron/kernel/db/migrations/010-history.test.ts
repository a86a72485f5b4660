import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m010History } from './010-history';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('history results migration', () => {
  it('keeps the roster and holds one published row per year and code, index within 0–100%', () => {
    const n = m010History.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES ('26734', 'Xã Bình Đào', 'xa', 'now', 'now')`).run();
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT count(*) AS n FROM communes').get()).toEqual({ n: 1 });
    const add = db.prepare(`INSERT INTO history_results (year, code, name, index_percent, group_label, imported_at, source_file) VALUES (?, ?, ?, ?, ?, 'now', 'kq.csv')`);
    add.run(2025, '26734', 'Xã Bình Đào', 8352, 'Nhóm 1');
    add.run(2025, '26735', 'Xã Bình An', null, null);
    expect(() => add.run(2025, '26734', 'Khác', 7000, null)).toThrow(/UNIQUE/u);
    expect(() => add.run(2025, '2673', 'Ngắn', 7000, null)).toThrow(/CHECK/u);
    expect(() => add.run(2025, '26736', 'Quá', 10001, null)).toThrow(/CHECK/u);
    add.run(2024, '26734', 'Xã Bình Đào', 8000, null);
    expect(db.prepare('SELECT count(*) AS n FROM history_results').get()).toEqual({ n: 3 });
  });
});
