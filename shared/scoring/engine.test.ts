import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkItem } from '../framework/schema';
import { sampleFramework } from '../framework/sample';
import { parseFramework } from '../framework/validate';
import type { ItemEntry } from './entry';
import { computeScores, itemEntrySchema } from './engine';
import { tallySurvey } from './survey';
import { fullEntry } from './test-helpers';

const allItems: FrameworkItem[] = sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));

function fullEntries(): Record<string, ItemEntry> {
  const out: Record<string, ItemEntry> = {};
  for (const it of allItems) {
    const e = fullEntry(it);
    if (e) out[it.code] = e;
  }
  return out;
}

/** Every questionnaire answered "Rất hài lòng" / the best option. */
function bestTally() {
  const s = sampleFramework.survey!;
  const answers: Record<string, string> = {};
  for (const q of s.sections.flatMap((x) => x.questions)) {
    const best = q.options?.reduce((a, b) => ((b.weight ?? -1) > (a.weight ?? -1) ? b : a));
    if (best) answers[q.code] = best.value;
  }
  return tallySurvey(s, Array.from({ length: 20 }, (_, i) => ({ formNo: String(i + 1), answers })));
}

/** A two-item framework without survey: 70 points, the seed's "62.62 of 70". */
function seventyPoints(): Framework {
  const r = parseFramework({
    schemaVersion: 1,
    id: 'thu-70',
    title: 'Thử 70 điểm',
    sample: true,
    province: { code: '00', name: 'Thử' },
    year: 2016,
    unitTypes: ['xa'],
    version: '1.0',
    totalMax: 7000,
    groups: sampleFramework.groups,
    fields: [
      {
        code: '1',
        title: 'Lĩnh vực',
        criteria: [
          {
            code: '1.1',
            title: 'Tiêu chí',
            items: [
              { code: '1.1.1', title: 'A', scoringText: 'A', maxPoints: 5000, rule: { type: 'manual', step: 1 }, evidence: [], notApplicable: 'not-allowed' },
              { code: '1.1.2', title: 'B', scoringText: 'B', maxPoints: 2000, rule: { type: 'manual', step: 1 }, evidence: [], notApplicable: 'exclude' },
            ],
          },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.framework;
}

describe('computeScores on the sample framework', () => {
  it('nothing entered: everything empty, index 0, lowest group', () => {
    const s = computeScores(sampleFramework, {});
    expect(s.total).toEqual({ points: 0, max: 10000, applicableMax: 10000, done: 0, required: 49, errors: 0 });
    expect(s.selfAssessment.max).toBe(7000);
    expect(s.survey.max).toBe(3000);
    expect(s.indexPercent).toBe(0);
    expect(s.group?.code).toBe('nhom-4');
  });

  it('full marks everywhere → 100%', () => {
    const s = computeScores(sampleFramework, fullEntries(), bestTally());
    expect(s.selfAssessment.points).toBe(7000);
    expect(s.survey.points).toBe(3000);
    expect(s.total).toMatchObject({ points: 10000, applicableMax: 10000, done: 49, required: 49 });
    expect(s.fields['3']).toMatchObject({ points: 1800, max: 1800 });
    expect(s.criteria['8.2']).toMatchObject({ points: 1500, max: 1500, done: 4, required: 4 });
    expect(s.indexPercent).toBe(10000);
    expect(s.group?.code).toBe('nhom-1');
  });

  it('N/A exclude removes 3.5 from the maximum; N/A full gives 2.4 its points', () => {
    const entries = fullEntries();
    entries['3.5'] = { notApplicable: true };
    entries['2.4'] = { notApplicable: true };
    entries['3.3'] = { input: { type: 'bands', numerator: 1133, denominator: 1157 } }; // 2 of 4
    const s = computeScores(sampleFramework, entries);
    expect(s.items['3.5']).toMatchObject({ status: 'na', points: 0, applicableMax: 0 });
    expect(s.items['2.4']).toMatchObject({ status: 'na', points: 150, applicableMax: 150 });
    expect(s.fields['3']).toMatchObject({ points: 1800 - 150 - 200, applicableMax: 1650, max: 1800 });
    expect(s.selfAssessment).toMatchObject({ points: 6650, applicableMax: 6850 });
    // no survey yet: 30 survey points still count in the maximum → 6650 / 9850 = 67.51%
    expect(s.indexPercent).toBe(6751);
    expect(s.group?.code).toBe('nhom-3');
  });

  it('an entry with an error scores 0 and is counted', () => {
    const entries = fullEntries();
    entries['1.1'] = { notApplicable: true };
    const s = computeScores(sampleFramework, entries);
    expect(s.items['1.1']).toMatchObject({ status: 'error', points: 0 });
    expect(s.total.errors).toBe(1);
    expect(s.fields['1']).toMatchObject({ points: 850, done: 7, required: 8, errors: 1 });
  });

  it('excludeSurvey rescales the self-assessment alone', () => {
    const s = computeScores(sampleFramework, fullEntries(), undefined, { excludeSurvey: true });
    expect(s.survey).toMatchObject({ points: 0, applicableMax: 0, done: 8 });
    expect(s.indexPercent).toBe(10000);
  });

  it('bonus and penalty are capped per item and per kind', () => {
    const entries = fullEntries();
    entries['9.1'] = { input: { type: 'manual', points: 300 } };
    entries['9.2'] = { input: { type: 'manual', points: 200 } };
    let s = computeScores(sampleFramework, entries, bestTally());
    expect(s.adjustments).toMatchObject({ bonus: 500, bonusClaimed: 500, penalty: 0 });
    expect(s.indexPercent).toBe(10500); // may exceed 100% with bonus

    const tighter = structuredClone(sampleFramework);
    tighter.adjustmentCaps = { bonus: 300, penalty: 300 };
    s = computeScores(tighter, entries, bestTally());
    expect(s.adjustments).toMatchObject({ bonus: 300, bonusClaimed: 500 });
    expect(s.indexPercent).toBe(10300);

    entries['9.3'] = { input: { type: 'manual', points: 350 } }; // above its own cap of 3
    s = computeScores(sampleFramework, entries, bestTally());
    expect(s.adjustments.items['9.3']).toMatchObject({ status: 'error', points: 0 });
    expect(s.adjustments.penalty).toBe(0);
  });

  it('the index never goes below 0 with penalties', () => {
    const entries: Record<string, ItemEntry> = {
      '9.3': { input: { type: 'manual', points: 300 } },
      '9.4': { input: { type: 'manual', points: 200 } },
    };
    const s = computeScores(sampleFramework, entries);
    expect(s.adjustments.penalty).toBe(500);
    expect(s.indexPercent).toBe(0);
  });
});

describe('index and groups', () => {
  it('62.62 of 70 → 89.46% (the seed prints 89.45: recompute, never copy)', () => {
    const fw = seventyPoints();
    const s = computeScores(fw, {
      '1.1.1': { input: { type: 'manual', points: 4262 } },
      '1.1.2': { input: { type: 'manual', points: 2000 } },
    });
    expect(s.total).toMatchObject({ points: 6262, applicableMax: 7000 });
    expect(s.indexPercent).toBe(8946);
    expect(s.group?.label).toBe('Nhóm 1: từ 80% trở lên');
  });

  it('group bounds are inclusive and follow the framework data', () => {
    const fw = seventyPoints();
    const at = (points: number) =>
      computeScores(fw, { '1.1.1': { input: { type: 'manual', points: Math.min(points, 5000) } }, '1.1.2': { input: { type: 'manual', points: Math.max(0, points - 5000) } } });
    expect(at(5600).group?.code).toBe('nhom-1'); // 80.00%
    expect(at(5599).group?.code).toBe('nhom-2'); // 79.99%
    expect(at(4900).group?.code).toBe('nhom-2'); // 70%
    expect(at(4200).group?.code).toBe('nhom-3'); // 60%
    expect(at(4199).group?.code).toBe('nhom-4');
  });

  it('nothing applicable → no index, no group', () => {
    const fw = seventyPoints();
    fw.fields[0]!.criteria[0]!.items[0]!.notApplicable = 'exclude';
    const s = computeScores(fw, { '1.1.1': { notApplicable: true }, '1.1.2': { notApplicable: true } });
    expect(s.indexPercent).toBeNull();
    expect(s.group).toBeNull();
  });
});

describe('itemEntrySchema', () => {
  it('accepts each input type and refuses a malformed one', () => {
    for (const e of [
      { input: { type: 'manual', points: 25 } },
      { input: { type: 'binary', done: true } },
      { input: { type: 'tiered', level: 'tot' } },
      { input: { type: 'bands', numerator: 1, denominator: 2, complement: 1 } },
      { input: { type: 'ratio-target', numerator: 1, denominator: 2 } },
      { input: { type: 'deduction', events: 3 } },
      { notApplicable: true },
      {},
    ]) {
      expect(itemEntrySchema.safeParse(e).success).toBe(true);
    }
    expect(itemEntrySchema.safeParse({ input: { type: 'binary', done: 'yes' } }).success).toBe(false);
    expect(itemEntrySchema.safeParse({ input: { type: 'survey' } }).success).toBe(false);
    expect(itemEntrySchema.safeParse({ input: { type: 'ratio', numerator: 1 } }).success).toBe(false);
  });
});
