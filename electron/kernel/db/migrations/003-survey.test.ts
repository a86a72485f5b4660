import { afterEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../../../test/helpers/context';
import { migrate, schemaVersion } from '../migrate';
import { m003Survey } from './003-survey';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('003 survey', () => {
  it('adds survey_forms on top of existing data: one live form per number, soft deletes kept', () => {
    const n = m003Survey.version;
    const s = freshStore({ targetVersion: n - 1 });
    cleanups.push(s.cleanup);
    const { db } = s;
    db.prepare(
      `INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at)
       VALUES ('f', '1', 't', '00', 2026, 1, 'abc', '{}', 'now')`,
    ).run();
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    expect(db.prepare('SELECT count(*) AS n FROM frameworks').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      `INSERT INTO survey_forms (framework_ref, form_no, form_key, source, status, answers_json, keyed_by, created_at, updated_at)
       VALUES (1, ?, ?, 'keyed', 'saved', '{}', 'Hoa', 'now', 'now')`,
    );
    insert.run('007', '7');
    expect(() => insert.run('7', '7')).toThrow(/UNIQUE/u);
    db.prepare(`UPDATE survey_forms SET deleted_at = 'now', deleted_by = 'Hoa', delete_reason = 'nhập nhầm' WHERE form_key = '7'`).run();
    insert.run('7', '7'); // the number is free again once the first one is deleted
    expect(() => db.prepare(`UPDATE survey_forms SET deleted_at = 'now' WHERE id = 2`).run()).toThrow(/CHECK/u);
    expect(() => insert.run('x', 'x') && db.prepare(`UPDATE survey_forms SET status = 'lost' WHERE id = 3`).run()).toThrow(/CHECK/u);
    expect(() =>
      db.prepare(
        `INSERT INTO survey_forms (framework_ref, form_no, form_key, source, status, answers_json, keyed_by, created_at, updated_at)
         VALUES (99, '1', '1', 'keyed', 'draft', '{}', 'Hoa', 'now', 'now')`,
      ).run(),
    ).toThrow(/FOREIGN KEY/u);
  });
});
