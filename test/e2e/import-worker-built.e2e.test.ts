/**
 * The import pool as the built app runs it: the bundled worker (out/main/import-worker.js, built by
 * `npm test` before this project runs) examines a folder holding one file of every kind, and the
 * verdicts and the database equal the sequential path's, file for file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { importFacts } from '../../electron/features/import/facts';
import { importBatch } from '../../electron/features/import/batch';
import { importPackages } from '../../electron/features/import/import';
import { ExaminePool } from '../../electron/features/import/pool';
import { openDatabase } from '../../electron/kernel/db/open';
import { dumpDatabase, makeMixedInbox, makeReviewer, MIXED_INBOX_VERDICTS, type Commune } from '../fixtures/reviewer-imports';
import type { TestStore } from '../helpers/context';

const built = fileURLToPath(new URL('../../out/main/import-worker.js', import.meta.url));
const unit = { unitCode: '49', provinceCode: '49' };
let r: TestStore | undefined;
const communes: Commune[] = [];
afterEach(() => {
  for (const c of communes.splice(0)) c.store.cleanup();
  r?.cleanup();
});

it('the bundled worker gives the sequential path\'s verdicts and database', async () => {
  expect(existsSync(built), 'out/main/import-worker.js: run electron-vite build first').toBe(true);
  r = makeReviewer();
  const { inbox, communes: made } = makeMixedInbox(r);
  communes.push(...made);
  const twinFile = join(r.dir, 'twin.sqlite');
  r.db.exec(`VACUUM INTO '${twinFile}'`);
  const twin = openDatabase(twinFile);
  try {
    const seq = importPackages(r.ctx, [inbox], unit, { dryRun: false });
    const ctx = { ...r.ctx, db: twin };
    const pooled = await importBatch(ctx, [inbox], unit, {
      dryRun: false, poolFrom: 0, startPool: (facts, size) => ExaminePool.start(facts, size, 60_000, built),
    });
    expect(pooled.threads).toBeGreaterThan(0);
    expect(pooled.notice).toBeNull();
    expect(pooled.results.map((x) => [x.file.slice(inbox.length + 1), x.outcome, x.code, x.revision])).toEqual(MIXED_INBOX_VERDICTS);
    expect(pooled.results).toEqual(seq);
    expect(dumpDatabase({ db: twin })).toEqual(dumpDatabase(r));
    expect(importFacts(ctx, unit).keys.every(([, k]) => k.vetted === true)).toBe(true);
  } finally {
    twin.close();
  }
});
