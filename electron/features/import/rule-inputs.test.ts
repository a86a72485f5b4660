import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addToRoster, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import type { TestStore } from '../../../test/helpers/context';
import { assessmentSnapshot } from '../assessment/snapshot';
import { liveReportSources } from '../export/report-sources-live';
import { installFramework, validateFramework } from '../framework/frameworks';
import { importPackages } from './import';

const example = validateFramework(JSON.parse(readFileSync(fileURLToPath(new URL('../../../docs/examples/minh-hoa-chi-dao-dieu-hanh.json', import.meta.url)), 'utf8')));

let r: TestStore | undefined;
let c: Commune | undefined;
afterEach(() => {
  c?.store.cleanup();
  r?.cleanup();
});

describe('a framework with increment and formula rules and a criterion not applicable as a whole', () => {
  it('travels in the package and the reviewing unit recomputes exactly what the commune computed', () => {
    r = makeReviewer();
    installFramework(r.ctx, example);
    c = makeCommune('26734', 'commune', example);
    const ctx = c.store.ctx;
    ctx.db.prepare('DELETE FROM assessment_entries').run();
    const put = ctx.db.prepare(`INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by) VALUES (1, ?, ?, NULL, 'now', 'tester')`);
    put.run('1.1', JSON.stringify({ input: { type: 'binary', done: true } }));
    put.run('2', JSON.stringify({ notApplicable: true }));
    put.run('3', JSON.stringify({ input: { type: 'increment', units: 3 } }));
    put.run('4', JSON.stringify({ input: { type: 'formula', values: { da_kiem_tra: 4, ke_hoach: 5, ton_tai: 6, da_khac_phuc: 3 } } }));
    enrol(r, c);
    addToRoster(r, '26734');

    const file = c.export(liveReportSources(c.store.dir));
    const payload = JSON.parse(readFileSync(file, 'utf8')).payload;
    expect(payload.notApplicableCriteria).toEqual(['2']);
    expect(payload.items.find((i: { code: string }) => i.code === '3').input).toEqual({ type: 'increment', units: 3 });
    expect(payload.items.find((i: { code: string }) => i.code === '4').input.type).toBe('formula');
    // The package carries what the commune's own screen shows, the N/A criterion's fixed points included.
    const own = assessmentSnapshot(ctx).scores;
    expect(own.criteria['2']).toMatchObject({ notApplicable: 'points', points: 300 });
    expect(payload.totals.total.points).toBe(own.total.points);
    expect(payload.totals.indexPercent).toBe(own.indexPercent);

    const [res] = importPackages(r.ctx, [file], { unitCode: '49', provinceCode: '49' }, { dryRun: false });
    expect(res).toMatchObject({ outcome: 'accepted', mismatch: false });
    const row = r.db.prepare('SELECT declared_points, recomputed_points FROM received_packages').get() as { declared_points: number; recomputed_points: number };
    expect(row.recomputed_points).toBe(row.declared_points);
  });
});
