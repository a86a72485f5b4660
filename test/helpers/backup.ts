/** Helpers for the backup, restore and fault tests: a commune with data, a logical dump of a database. */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { saveEntry, saveExplanation } from '../../electron/features/assessment/use-cases';
import { attachEvidence } from '../../electron/features/evidence/use-cases';
import type { TestApp } from './app';
import { testApp } from './app';
import { tinyPdf } from './assessment';
import { communeSetup } from './context';

/** Every table's rows in primary-key order, as JSON text: two databases holding the same data dump the same. */
export function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) out[name] = (db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw().all() as unknown[][]).map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    return JSON.stringify({ version: db.pragma('user_version', { simple: true }), tables: out });
  } finally {
    db.close();
  }
}

/** A commune with a few entries and two evidence files. */
export async function communeWithData(): Promise<TestApp> {
  const t = testApp(communeSetup);
  for (const [i, code] of ['1.3', '5.4', '6.4'].entries()) {
    await t.app.perform(saveEntry, { code, entry: { input: { type: 'deduction', events: i + 1 } } });
    await t.app.perform(saveExplanation, { code, text: `giải trình ${i}` });
  }
  const a = join(t.dir, 'bien-ban-a.pdf');
  const b = join(t.dir, 'bien-ban-b.pdf');
  writeFileSync(a, tinyPdf('Bien ban A'));
  writeFileSync(b, tinyPdf('Bien ban B'));
  await t.app.perform(attachEvidence, { code: '1.3', paths: [a, b] });
  return t;
}

/** Overwrite a stretch of pages in the middle of a database file (a bad sector, a torn copy). */
export function damage(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7) % 256));
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, 8192);
  closeSync(fd);
}
