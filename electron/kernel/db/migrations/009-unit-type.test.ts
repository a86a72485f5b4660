import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m009UnitType } from './009-unit-type';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('009 unit type', () => {
  it('keeps the identity, leaves its type unknown, accepts only the framework unit types', () => {
    const n = m009UnitType.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(
      `INSERT INTO identity (id, role, level, unit_code, unit_name, province_code, reviewer_code, year, created_at, updated_at)
       VALUES (1, 'commune', NULL, '26734', 'Xã Bình Đào', '49', '49', 2026, 'now', 'now')`,
    ).run();
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT unit_code, unit_type FROM identity').get()).toEqual({ unit_code: '26734', unit_type: null });
    db.prepare(`UPDATE identity SET unit_type = 'dac-khu'`).run();
    expect(() => db.prepare(`UPDATE identity SET unit_type = 'quan'`).run()).toThrow(/CHECK/u);
  });
});
