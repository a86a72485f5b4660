import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { freshStore, tempDir } from '../../../test/helpers/context';
import type { Db } from './open';
import { migrate, schemaVersion } from './migrate';
import { openDatabase } from './open';
import type { Migration } from './migrations/index';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function store(target?: number) {
  const s = freshStore(target === undefined ? {} : { targetVersion: target });
  cleanups.push(s.cleanup);
  return s;
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new database to the latest version with WAL and foreign keys on', () => {
    const { db } = store();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuse a database from a newer app version and leave it untouched', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'newer.sqlite');
    const first = openDatabase(file);
    first.pragma(`user_version = ${LATEST_VERSION + 5}`);
    first.close();
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_NEWER_VERSION');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    raw.close();
  });

  it('refuse a file that is not a database with DB_CORRUPT', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'junk.sqlite');
    writeFileSync(file, 'this is not a database, just text '.repeat(200));
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DB_CORRUPT' }) as Error);
  });

  it('roll back every pending migration when one fails (migrate itself, given a failing last one)', () => {
    const { db } = store(0);
    const broken: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'broken', up: (d) => d.exec('CREATE TABLE x (') }];
    expect(() => migrate(db, broken.length, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'identity'").get()).toEqual({ n: 0 });
    // The same list without the failing one applies whole.
    migrate(db, LATEST_VERSION, MIGRATIONS);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  describe('001 initial', () => {
    it('creates identity, settings, frameworks, entries and an append-only audit log', () => {
      const { db } = store(0);
      expect(schemaVersion(db)).toBe(0);
      migrate(db, 1);
      expect(schemaVersion(db)).toBe(1);
      db.prepare(
        `INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at)
         VALUES ('f', '1', 't', '00', 2026, 1, 'abc', '{}', 'now')`,
      ).run();
      db.prepare(
        `INSERT INTO assessment_entries (framework_ref, item_code, entry_json, updated_at, updated_by) VALUES (1, '1.1', '{}', 'now', 'me')`,
      ).run();
      expect(() =>
        db.prepare(`INSERT INTO assessment_entries (framework_ref, item_code, entry_json, updated_at, updated_by) VALUES (99, '1.1', '{}', 'now', 'me')`).run(),
      ).toThrow(/FOREIGN KEY/u);
      db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES ('now', 'me', 'x', 'y', 'z')`).run();
      expect(() => db.prepare('UPDATE audit_log SET actor = ?').run('someone else')).toThrow(/append-only/u);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/u);
      expect(() =>
        db.prepare(`INSERT INTO identity (id, role, unit_code, unit_name, province_code, year, created_at, updated_at) VALUES (2, 'commune', '1', 'n', '00', 2026, 'a', 'b')`).run(),
      ).toThrow(/CHECK/u);
    });
  });

  describe('002 assessment', () => {
    it('keeps existing entries and adds the lock, evidence documents, blobs and files', () => {
      const { db } = store(1);
      db.prepare(
        `INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at)
         VALUES ('f', '1', 't', '00', 2026, 1, 'abc', '{}', 'now')`,
      ).run();
      db.prepare(`INSERT INTO assessment_entries (framework_ref, item_code, entry_json, updated_at, updated_by) VALUES (1, '1.1', '{}', 'now', 'me')`).run();
      migrate(db, 2);
      expect(schemaVersion(db)).toBe(2);
      expect(db.prepare('SELECT count(*) AS n FROM assessment_entries').get()).toEqual({ n: 1 });
      db.prepare(`INSERT INTO assessment_lock VALUES (1, 1, 1, 'now', 'me', NULL)`).run();
      expect(() => db.prepare(`INSERT INTO assessment_lock VALUES (1, 2, 1, 'now', 'me', NULL)`).run()).toThrow();
      const sha = 'a'.repeat(64);
      db.prepare(`INSERT INTO evidence_blobs VALUES (?, 10, 'now')`).run(sha);
      db.prepare(`INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at) VALUES (1, '1.1', 'a.pdf', 'application/pdf', ?, 'now')`).run(sha);
      expect(() =>
        db.prepare(`INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at) VALUES (1, '1.1', 'b.pdf', 'application/pdf', ?, 'now')`).run(sha),
      ).toThrow(/UNIQUE/u);
      expect(() =>
        db.prepare(`INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at) VALUES (1, '1.2', 'b.pdf', 'application/pdf', ?, 'now')`).run('b'.repeat(64)),
      ).toThrow(/FOREIGN KEY/u);
      expect(() => db.prepare(`INSERT INTO evidence_blobs VALUES ('short', 1, 'now')`).run()).toThrow(/CHECK/u);
      db.prepare(
        `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
         VALUES (1, '1.1', '15/KH-UBND', '2026-01-10', 'UBND xã', 'Kế hoạch CCHC', 'trang 2', 'now', 'now')`,
      ).run();
    });
  });

  describe('004 keys and exports', () => {
    const version = MIGRATIONS.findIndex((m) => m.name === 'keys-exports') + 1;
    it('keeps existing data and adds exports, requests, the pinned reviewer key and enrolled keys', () => {
      const { db } = store(version - 1);
      db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES ('now', 'me', 'x', 'y', 'z')`).run();
      migrate(db, version);
      expect(schemaVersion(db)).toBe(version);
      expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
      const exp = db.prepare(
        `INSERT INTO package_exports (package_id, revision, key_id, year, sha256, size, file_name, folder, supersedes, created_at) VALUES (?, ?, 'K', 2026, ?, 10, 'f', 'd', ?, 'now')`,
      );
      exp.run('p1', 1, 'a'.repeat(64), null);
      exp.run('p2', 2, 'b'.repeat(64), 'p1');
      expect(() => exp.run('p3', 2, 'c'.repeat(64), 'p2')).toThrow(/UNIQUE/u); // a revision is never reused
      expect(() => exp.run('p4', 3, 'c'.repeat(64), 'nope')).toThrow(/FOREIGN KEY/u);
      const key = db.prepare(
        `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, approved_at) VALUES (?, '26734', 'X', 'pk', 'fp', ?, '2026-01-01', ?, 'now')`,
      );
      key.run('K1', 'active', null);
      key.run('K2', 'revoked', '2026-06-01');
      expect(() => key.run('K3', 'revoked', null)).toThrow(/CHECK/u);
      expect(() => key.run('K4', 'lost', null)).toThrow(/CHECK/u);
      expect(() => db.prepare(`INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at) VALUES (1, '49', 'S', 'K', 'p', 'f', 'missing', 't', 'a', 'b', 'c')`).run()).toThrow(/FOREIGN KEY/u);
    });
  });

  describe('005 reviewer role', () => {
    const version = MIGRATIONS.findIndex((m) => m.name === 'reviewer-role') + 1;
    const insert = (db: Db, role: string, level: string | null) =>
      db.prepare(
        `INSERT INTO identity (id, role, level, unit_code, unit_name, province_code, year, created_at, updated_at) VALUES (1, ?, ?, '49', 'Sở Nội vụ', '49', 2026, 'a', 'b')`,
      ).run(role, level);

    it('renames the stored `district` role to `reviewer` and keeps its level', () => {
      const { db } = store(version - 1);
      insert(db, 'district', 'province');
      migrate(db, version);
      expect(db.prepare('SELECT role, level, unit_name FROM identity').get()).toEqual({ role: 'reviewer', level: 'province', unit_name: 'Sở Nội vụ' });
      expect(() => db.prepare(`UPDATE identity SET role = 'district'`).run()).toThrow(/CHECK/u);
      expect(() => db.prepare(`UPDATE identity SET level = NULL`).run()).toThrow(/CHECK/u);
    });

    it('leaves a commune as it was, without a level', () => {
      const { db } = store(version - 1);
      insert(db, 'commune', null);
      migrate(db, version);
      expect(db.prepare('SELECT role, level FROM identity').get()).toEqual({ role: 'commune', level: null });
      expect(() => db.prepare(`UPDATE identity SET level = 'province'`).run()).toThrow(/CHECK/u);
    });
  });
  describe('007 roster', () => {
    it('adds communes keyed by their 5-digit code, with a type, and one deadline per year', () => {
      const { db } = store(6);
      migrate(db, 7);
      expect(schemaVersion(db)).toBe(7);
      const add = db.prepare(`INSERT INTO communes (code, name, type, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')`);
      add.run('26734', 'Xã Bình Đào', 'xa');
      expect(() => add.run('26734', 'Xã khác', 'xa')).toThrow(/UNIQUE|PRIMARY/u);
      expect(() => add.run('2673', 'Xã ngắn', 'xa')).toThrow(/CHECK/u);
      expect(() => add.run('2673a', 'Xã chữ', 'xa')).toThrow(/CHECK/u);
      expect(() => add.run('26735', 'Xã lạ', 'huyen')).toThrow(/CHECK/u);
      db.prepare(`INSERT INTO report_deadlines VALUES (2026, '2026-11-15')`).run();
      expect(() => db.prepare(`INSERT INTO report_deadlines VALUES (2027, '15/11/2027')`).run()).toThrow(/CHECK/u);
    });
  });
});
