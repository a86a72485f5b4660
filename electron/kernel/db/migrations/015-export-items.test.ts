import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m015ExportItems } from './015-export-items';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('015 export items', () => {
  it('adds the column, NULL for the reports exported before it, and takes only a JSON array', () => {
    const n = m015ExportItems.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(`INSERT INTO package_exports (package_id, revision, key_id, year, sha256, size, file_name, folder, supersedes, created_at)
      VALUES ('p1', 1, 'K', 2026, ?, 10, 'f.json', '/tmp', NULL, 'now')`).run('a'.repeat(64));
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare(`SELECT items_json AS j FROM package_exports`).get()).toEqual({ j: null });
    const items = [{ code: '1.1', kind: 'item', points: 150 }];
    db.prepare(`UPDATE package_exports SET items_json = ? WHERE package_id = 'p1'`).run(JSON.stringify(items));
    expect(JSON.parse((db.prepare(`SELECT items_json AS j FROM package_exports`).get() as { j: string }).j)).toEqual(items);
    expect(() => db.prepare(`UPDATE package_exports SET items_json = 'nope'`).run()).toThrow(/CHECK/u);
    expect(() => db.prepare(`UPDATE package_exports SET items_json = '{"a":1}'`).run()).toThrow(/CHECK/u);
  });
});
