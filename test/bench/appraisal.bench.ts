import { nextNeedingAttention, passesFilter } from '../../shared/appraisal/types';
import { decide, openCommune } from '../../electron/features/appraisal/use-cases';
import { importPackages } from '../../electron/features/import/import';
import { testApp } from '../helpers/app';
import { provinceSetup } from '../helpers/context';
import { addToRoster, enrol, makeCommune } from '../fixtures/reviewer-imports';
import { ms, ratio, report, sample } from './harness';

/**
 * The appraisal screen of a commune with the sample framework (53 items, the golden evidence):
 * opening it (the use case the screen calls: round rules, the stored package parsed, decisions
 * merged) beside parsing the stored package alone; the next item needing attention (what a key
 * press computes) beside a plain scan of the same items; and a decision saved (Enter: accept the
 * self-score) beside a bare INSERT commit.
 */
export async function appraisalBench(): Promise<void> {
  const r = testApp(provinceSetup);
  const c = makeCommune('26734', 'commune');
  enrol(r, c);
  addToRoster(r, '26734');
  importPackages(r.ctx, [c.export()], { unitCode: '49', provinceCode: '49' }, { dryRun: false });
  const db = r.runtime.db;
  const raw = (db.prepare('SELECT bytes FROM received_package_bytes').get() as { bytes: Buffer }).bytes;

  const parse = await sample(() => JSON.parse(raw.toString('utf8')), 300);
  const open = await sample(() => r.app.perform(openCommune, { communeCode: '26734' }), 300);
  report({
    suite: 'appraisal', name: 'open a commune (use case, p50 / p95)', figure: `${ms(open.p50)} / ${ms(open.p95)}`, target: '< 300 ms',
    baseline: `JSON.parse of the stored package ${ms(parse.p50)} / ${ms(parse.p95)}`, ratio: ratio(open.p95, parse.p95),
  });

  const state = await r.app.perform(openCommune, { communeCode: '26734' });
  const items = state.items.filter((i) => passesFilter(i, 'all'));
  let at = 0;
  const next = await sample(() => { at = (nextNeedingAttention(items, at) + 1) % items.length; }, 2000);
  let k = 0;
  const scan = await sample(() => { k = (items.findIndex((i, j) => j > k && i.appraisedPoints === null) + 1) % items.length; }, 2000);
  report({
    suite: 'appraisal', name: 'key → next item needing attention (p50 / p95)', figure: `${ms(next.p50)} / ${ms(next.p95)}`, target: '< 16 ms',
    baseline: `plain findIndex over the items ${ms(scan.p50)} / ${ms(scan.p95)}`, ratio: ratio(next.p95, scan.p95),
  });

  db.exec('CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const bare = db.prepare('INSERT INTO bench_bare (v) VALUES (?)');
  let n = 0;
  const insert = await sample(() => bare.run(`v${n++}`), 200);
  const codes = state.items.map((i) => i.code);
  let m = 0;
  const accept = await sample(() => r.app.perform(decide, { communeCode: '26734', decisions: [{ code: codes[m++ % codes.length]!, points: 'self' }] }), 200);
  report({
    suite: 'appraisal', name: 'Enter: accept a self-score, state back (p50 / p95)', figure: `${ms(accept.p50)} / ${ms(accept.p95)}`,
    baseline: `bare single-row INSERT commit ${ms(insert.p50)} / ${ms(insert.p95)}`, ratio: ratio(accept.p95, insert.p95),
  });
  c.store.cleanup();
  r.cleanup();
}
