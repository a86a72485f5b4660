import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/ipc/import';
import { openDatabase } from '../../kernel/db/open';
import type { ServiceContext } from '../../kernel/context';
import type { TestStore } from '../../../test/helpers/context';
import { dumpDatabase, makeMixedInbox, makeReviewer, MIXED_INBOX_VERDICTS, type Commune } from '../../../test/fixtures/reviewer-imports';
import { importBatch } from './batch';
import { importPackages } from './import';
import { listPackageFiles } from './walk';

const unit = { unitCode: '49', provinceCode: '49' };
let r: TestStore;
const communes: Commune[] = [];
const opened: { close(): void }[] = [];
let inbox: string;

/** A second database holding exactly what the reviewer's holds now (the same keys, roster, frameworks). */
function twin(): ServiceContext {
  const file = join(r.dir, `twin-${opened.length}.sqlite`);
  r.db.exec(`VACUUM INTO '${file}'`);
  const db = openDatabase(file);
  opened.push(db);
  return { ...r.ctx, db };
}

const files = () => listPackageFiles([inbox]).map((l) => l.path);
const verdicts = (rs: { file: string; outcome: string; code: string | null; revision: number | null }[]) => rs.map((x) => [x.file.slice(inbox.length + 1), x.outcome, x.code, x.revision]);

beforeEach(() => {
  r = makeReviewer();
  const made = makeMixedInbox(r);
  inbox = made.inbox;
  communes.push(...made.communes);
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const c of communes.splice(0)) c.store.cleanup();
  r.cleanup();
});

const EXPECTED = MIXED_INBOX_VERDICTS;

describe('importBatch through the worker pool', () => {
  it('gives the sequential path\'s verdicts and database, file for file; one bad file never stops the others', async () => {
    const pooled = twin();
    const seq = importPackages(r.ctx, [inbox], unit, { dryRun: false });
    expect(verdicts(seq)).toEqual(EXPECTED);
    const progress: ImportProgress[] = [];
    const batch = await importBatch(pooled, [inbox], unit, { dryRun: false, workers: 2, poolFrom: 0, onProgress: (p) => progress.push(p) });
    expect(batch).toMatchObject({ total: EXPECTED.length, stopped: false, threads: 2, notice: null });
    expect(batch.results).toEqual(seq);
    expect(dumpDatabase({ db: pooled.db })).toEqual(dumpDatabase(r));
    expect(progress.map((p) => p.done)).toEqual(EXPECTED.map((_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ done: 10, total: 10, accepted: 2, duplicates: 2, refused: 6, etaMs: 0 });
  });

  it('a dry run through the pool gives the same verdicts and writes nothing', async () => {
    const before = dumpDatabase(r);
    const dry = await importBatch(r.ctx, [inbox], unit, { dryRun: true, workers: 2, poolFrom: 0 });
    expect(dry.threads).toBe(2);
    expect(verdicts(dry.results)).toEqual(EXPECTED);
    expect(dumpDatabase(r)).toEqual(before);
  });

  it('a cancel keeps exactly the files finished: the database equals a run over those files alone', async () => {
    const stopAfter = 1;
    const controller = new AbortController();
    const batch = await importBatch(r.ctx, [inbox], unit, {
      dryRun: false, workers: 2, poolFrom: 0, groupMax: 3, signal: controller.signal,
      onProgress: (p) => { if (p.done === stopAfter) controller.abort(); },
    });
    // The cancel comes after the first file; the files committed with it in the same group stay
    // too (a group here is at most 3 of the 10).
    const finished = batch.results.length;
    expect(finished).toBeGreaterThanOrEqual(stopAfter);
    expect(finished).toBeLessThan(EXPECTED.length);
    expect(batch).toMatchObject({ total: EXPECTED.length, stopped: true });
    expect(verdicts(batch.results)).toEqual(EXPECTED.slice(0, finished));
    const alone = twinBefore;
    importPackages(alone, files().slice(0, finished), unit, { dryRun: false });
    expect(dumpDatabase(r, ['import_log'])).toEqual(dumpDatabase({ db: alone.db }, ['import_log']));
    // The same log rows; only the names differ (files named one by one are logged by their name alone).
    const log = (db: ServiceContext['db']) => (db.prepare('SELECT * FROM import_log ORDER BY id').all() as { file_name: string }[]).map((row) => ({ ...row, file_name: basename(row.file_name) }));
    expect(log(r.db)).toEqual(log(alone.db));
  });

  it('a cancel on the writer\'s thread alone (a small batch) stops between two files', async () => {
    const controller = new AbortController();
    const batch = await importBatch(r.ctx, [inbox], unit, { dryRun: false, workers: 0, signal: controller.signal, onProgress: (p) => { if (p.done === 2) controller.abort(); } });
    expect(batch).toMatchObject({ stopped: true, threads: 0 });
    expect(verdicts(batch.results)).toEqual(EXPECTED.slice(0, 2));
    expect((r.db.prepare('SELECT count(*) AS n FROM received_packages').get() as { n: number }).n).toBe(1);
  });

  it('a pool that cannot start: the same verdicts on the writer\'s thread, and a notice saying so', async () => {
    const batch = await importBatch(r.ctx, [inbox], unit, { dryRun: false, workers: 2, poolFrom: 0, startPool: () => Promise.reject(new Error('no threads here')) });
    expect(batch.threads).toBe(0);
    expect(batch.notice).toContain('no threads here');
    expect(verdicts(batch.results)).toEqual(EXPECTED);
  });
});

let twinBefore: ServiceContext;
beforeEach(() => {
  twinBefore = twin();
});
