/**
 * The reviewing unit's report: the ranking and every figure for 3,321 communes (the whole
 * country after 7/2025) read from the database, 40 items and 8 fields each (target < 1 s),
 * beside a floor measured in the same run: one SQL aggregate over the same rows (the newest
 * package per commune and its items).
 */
import { sampleFramework } from '../../shared/framework/sample';
import { completeSetup } from '../../electron/features/setup/identity';
import { reportFor } from '../../electron/features/report/report';
import { aggregateFloor } from '../../electron/features/report/report-repo';
import { freshStore, parsedSetup, provinceSetup } from '../helpers/context';
import { addCommunes, addHistory, type FixtureCommune } from '../fixtures/report-store';
import { ms, ratio, report, sample } from './harness';

const N = 3321;

function unit(): { communes: FixtureCommune[]; last: { code: string; name: string; index: number }[] } {
  let seed = 11;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const items = sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).filter((i) => i.rule.type !== 'survey').slice(0, 40);
  const names = ['An', 'Bình', 'Đào', 'Minh', 'Dương', 'Trung', 'Hải', 'Phú', 'Quý', 'Sơn'];
  const communes: FixtureCommune[] = [];
  const last: { code: string; name: string; index: number }[] = [];
  for (let k = 0; k < N; k++) {
    const code = String(k + 1).padStart(5, '0');
    const name = `${names[k % 10]} ${names[Math.floor(k / 10) % 10]} ${Math.floor(k / 100)}`;
    const index = 5000 + Math.floor(rnd() * 4500);
    communes.push({
      code,
      name,
      type: k % 7 === 0 ? 'phuong' : 'xa',
      packages: [{
        year: 2026,
        index,
        items: items.map((i) => [i.code, Math.floor(rnd() * (i.maxPoints + 1))] as [string, number]),
        fields: sampleFramework.fields.map((f) => [f.code, Math.floor(rnd() * ((f.maxPoints ?? 1000) + 1)), f.maxPoints ?? 1000] as [string, number, number]),
        survey: { points: Math.floor(rnd() * 3000), max: 3000 },
        forms: 15 + Math.floor(rnd() * 10),
      }],
    });
    if (k % 13 !== 0) last.push({ code, name, index: 5000 + Math.floor(rnd() * 4500) });
  }
  return { communes, last };
}

export async function reportBench(): Promise<void> {
  const s = freshStore();
  try {
    completeSetup(s.ctx, parsedSetup(provinceSetup));
    const { communes, last } = unit();
    addCommunes(s.db, communes);
    s.db.transaction(() => addHistory(s.db, 2025, last))();
    const floor = await sample(() => aggregateFloor(s.db, 2026), 10, 2);
    const full = await sample(() => reportFor(s.db, 2026, 'appraised'), 10, 2);
    report({
      suite: 'report',
      name: `ranking + every figure for ${N} communes from the database (p95)`,
      figure: ms(full.p95),
      target: '< 1000 ms',
      baseline: `one SQL aggregate over the same rows ${ms(floor.p95)}`,
      ratio: ratio(full.p95, floor.p95),
    });
  } finally {
    s.cleanup();
  }
}
