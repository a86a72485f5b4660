import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Framework, FrameworkItem, Rule, UnitType } from '../framework/schema';
import { lowestPoints } from '../framework/schema';
import { sampleFramework } from '../framework/sample';
import { frameworkFor } from '../framework/unit-types';
import type { ItemEntry } from './entry';
import type { ScoreSummary } from './engine';
import { computeScores, scoreItem } from './engine';
import type { SurveyForm } from './survey';
import { surveyItemPoints, tallySurvey } from './survey';
import { item } from './test-helpers';

const fw = sampleFramework;
const itemsOf = (f: Framework): FrameworkItem[] => f.fields.flatMap((x) => x.criteria.flatMap((c) => c.items));
const allItems: FrameworkItem[] = itemsOf(fw);
const UNIT_TYPES: UnitType[] = ['xa', 'phuong', 'dac-khu'];
/** The sample as each unit type is scored against it (variants: other rules, maxima, items). */
const byType = new Map(UNIT_TYPES.map((ut) => [ut, frameworkFor(fw, ut).framework]));
const everyItem: FrameworkItem[] = [...byType.values()].flatMap(itemsOf);

/** Any entry for an item, valid or not: wrong numbers, N/A marks, nothing. */
function arbEntry(it: FrameworkItem): fc.Arbitrary<ItemEntry | undefined> {
  const rule = it.rule;
  const max = it.maxPoints;
  let input: fc.Arbitrary<ItemEntry['input']>;
  switch (rule.type) {
    case 'manual':
      input = fc.integer({ min: -50, max: max + 50 }).map((points) => ({ type: 'manual' as const, points }));
      break;
    case 'binary':
      input = fc.boolean().map((done) => ({ type: 'binary' as const, done }));
      break;
    case 'tiered':
      input = fc.constantFrom(...rule.levels.map((l) => l.id), 'khong-co').map((level) => ({ type: 'tiered' as const, level }));
      break;
    case 'bands':
    case 'ratio':
    case 'ratio-target':
      input = fc
        .record({ numerator: fc.nat(3000), denominator: fc.nat(3000), complement: fc.option(fc.nat(3000), { nil: undefined }) })
        .map((r) => ({ type: rule.type, numerator: r.numerator, denominator: r.denominator, ...(r.complement !== undefined ? { complement: r.complement } : {}) }));
      break;
    case 'deduction':
      input = fc.integer({ min: -1, max: 30 }).map((events) => ({ type: 'deduction' as const, events }));
      break;
    case 'increment':
      input = fc.integer({ min: -1, max: 30 }).map((units) => ({ type: 'increment' as const, units }));
      break;
    case 'formula': {
      const names = rule.inputs.map((i) => i.name);
      input = fc.tuple(...names.map(() => fc.integer({ min: -1, max: 200 }))).map((v) => ({ type: 'formula' as const, values: Object.fromEntries(names.map((n, i) => [n, v[i]!])) }));
      break;
    }
    case 'survey':
      input = rule.source === 'entered' ? fc.integer({ min: -25, max: max + 25 }).map((points) => ({ type: 'manual' as const, points })) : fc.constant(undefined);
      break;
  }
  return fc.oneof(
    { weight: 6, arbitrary: input.map((i) => (i ? { input: i } : {})) },
    { weight: 1, arbitrary: fc.constant({ notApplicable: true }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function arbEntriesFor(items: FrameworkItem[]): fc.Arbitrary<Record<string, ItemEntry>> {
  return fc.tuple(...items.map((it) => arbEntry(it))).map((list) => {
    const out: Record<string, ItemEntry> = {};
    list.forEach((e, i) => {
      if (e) out[items[i]!.code] = e;
    });
    return out;
  });
}
const arbEntries = arbEntriesFor(allItems);
/** A unit type and entries written for what that type is scored against. */
const arbTyped: fc.Arbitrary<[UnitType, Record<string, ItemEntry>]> = fc
  .constantFrom(...UNIT_TYPES)
  .chain((ut) => fc.tuple(fc.constant(ut), arbEntriesFor(itemsOf(byType.get(ut)!))));

const arbAdjustments = fc.record({
  '9.1': fc.integer({ min: 0, max: 12 }).map((q) => ({ input: { type: 'manual' as const, points: q * 25 } })),
  '9.2': fc.integer({ min: 0, max: 8 }).map((q) => ({ input: { type: 'manual' as const, points: q * 25 } })),
});

const survey = fw.survey!;
const optionQuestions = survey.sections.flatMap((s) => s.questions).filter((q) => q.options);
const arbForms: fc.Arbitrary<SurveyForm[]> = fc.array(
  fc.tuple(...optionQuestions.map((q) => fc.option(fc.constantFrom(...q.options!.map((o) => o.value)), { nil: null }))),
  { maxLength: 25 },
).map((rows) => rows.map((answers, n) => ({ formNo: String(n + 1), answers: Object.fromEntries(optionQuestions.map((q, i) => [q.code, answers[i] ?? null])) })));

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The oracle for sums: a criterion is its items' sum (or its fixed N/A points), raised to its
 * floor; a field is its criteria's sum, raised to its floor; the total is the fields' sum and
 * splits exactly into self-assessment and survey.
 */
function checkTotals(s: ScoreSummary, f: Framework = fw): void {
  for (const field of f.fields) {
    for (const c of field.criteria) {
      const node = s.criteria[c.code]!;
      const items = sum(c.items.map((i) => s.items[i.code]!.points));
      const base = node.notApplicable === 'points' ? Math.min(c.notApplicablePoints ?? 0, node.max) : items;
      expect(node.points).toBe(c.floor === undefined ? base : Math.max(c.floor, base));
      expect(node.applicableMax).toBe(sum(c.items.map((i) => s.items[i.code]!.applicableMax)));
    }
    const criteria = sum(field.criteria.map((c) => s.criteria[c.code]!.points));
    expect(s.fields[field.code]!.points).toBe(field.floor === undefined ? criteria : Math.max(field.floor, criteria));
    expect(s.fields[field.code]!.applicableMax).toBe(sum(field.criteria.map((c) => s.criteria[c.code]!.applicableMax)));
  }
  expect(s.total.points).toBe(sum(f.fields.map((x) => s.fields[x.code]!.points)));
  expect(s.total.applicableMax).toBe(sum(f.fields.map((x) => s.fields[x.code]!.applicableMax)));
  expect(s.total.points).toBe(s.selfAssessment.points + s.survey.points);
  expect(s.total.max).toBe(f.totalMax);
}

describe('engine properties', () => {
  it('every item scores an integer within its rule\'s lowest..max; errors score 0; N/A follows the item', () => {
    fc.assert(
      fc.property(fc.constantFrom(...everyItem).chain((it) => fc.tuple(fc.constant(it), arbEntry(it), fc.nat())), ([it, entry, n]) => {
        const s = scoreItem(it, entry, it.rule.type === 'survey' ? n % (it.maxPoints + 1) : undefined);
        expect(Number.isSafeInteger(s.points)).toBe(true);
        expect(s.points).toBeGreaterThanOrEqual(lowestPoints(it.rule));
        expect(s.points).toBeLessThanOrEqual(s.max);
        expect(s.points).toBeLessThanOrEqual(s.applicableMax);
        if (s.status === 'error') expect(s.points).toBe(0);
        if (entry?.notApplicable) {
          const expected = { 'not-allowed': 'error', exclude: 'na', full: 'na', points: 'na' }[it.notApplicable];
          expect(s.status).toBe(expected);
          if (it.notApplicable === 'exclude') expect(s.applicableMax).toBe(0);
          if (it.notApplicable === 'full') expect(s.points).toBe(it.maxPoints);
          if (it.notApplicable === 'points') expect(s.points).toBe(it.notApplicablePoints);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('totals are the sums of their parts (floors and fixed N/A included) for every unit type; the index stays in 0..100% without bonus', () => {
    fc.assert(
      fc.property(arbTyped, arbForms, ([unitType, entries], forms) => {
        const s = computeScores(fw, entries, tallySurvey(survey, forms), { unitType });
        expect(s.unitType).toBe(unitType);
        checkTotals(s, byType.get(unitType)!);
        expect(s.indexPercent).not.toBeNull();
        expect(s.indexPercent!).toBeGreaterThanOrEqual(0);
        expect(s.indexPercent!).toBeLessThanOrEqual(10000);
        expect(s.group).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('with bonus the index exceeds 100% by at most the bonus cap over the applicable maximum', () => {
    fc.assert(
      fc.property(arbEntries, arbAdjustments, (entries, adj) => {
        const s = computeScores(fw, { ...entries, ...adj });
        expect(s.adjustments.bonus).toBeLessThanOrEqual(fw.adjustmentCaps!.bonus);
        const ceiling = Math.ceil(((s.total.applicableMax + fw.adjustmentCaps!.bonus) * 10000) / s.total.applicableMax);
        expect(s.indexPercent!).toBeLessThanOrEqual(ceiling);
        expect(s.indexPercent!).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: same inputs, same outputs (and inputs are not mutated)', () => {
    fc.assert(
      fc.property(arbEntries, arbForms, (entries, forms) => {
        const before = JSON.stringify(entries);
        const t = tallySurvey(survey, forms);
        const a = computeScores(fw, entries, t);
        const b = computeScores(structuredClone(fw), JSON.parse(before) as Record<string, ItemEntry>, tallySurvey(survey, forms));
        expect(b).toEqual(a);
        expect(JSON.stringify(entries)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });

  it('marking an exclude item N/A removes exactly its maximum from the applicable maximum', () => {
    const excluded = allItems.filter((i) => i.notApplicable === 'exclude');
    expect(excluded.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(arbEntries, fc.constantFrom(...excluded), (entries, it) => {
        const without = computeScores(fw, { ...entries, [it.code]: {} });
        const na = computeScores(fw, { ...entries, [it.code]: { notApplicable: true } });
        expect(without.total.applicableMax - na.total.applicableMax).toBe(it.maxPoints);
        expect(na.total.points).toBe(without.total.points);
      }),
      { numRuns: 100 },
    );
  });

  it('ratio rules depend on the ratio only: scaling numerator and denominator changes nothing', () => {
    const rules: Rule[] = [
      { type: 'ratio', numeratorLabel: 'a', denominatorLabel: 'b', zeroBelowPercent: 8000 },
      { type: 'ratio', numeratorLabel: 'a', denominatorLabel: 'b' },
      { type: 'ratio-target', targetPercent: 8000, numeratorLabel: 'a', denominatorLabel: 'b' },
      { type: 'bands', bands: [{ minPercent: 10000, points: 400 }, { minPercent: 9800, points: 300 }, { minPercent: 9500, points: 200 }], numeratorLabel: 'a', denominatorLabel: 'b' },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 1, max: 2000 }), fc.nat(2000), fc.integer({ min: 2, max: 1000 }), (rule, d, n0, k) => {
        const n = n0 % (d + 1);
        const it = item(rule, 400);
        const type = rule.type as 'ratio' | 'ratio-target' | 'bands';
        const once = scoreItem(it, { input: { type, numerator: n, denominator: d } });
        const scaled = scoreItem(it, { input: { type, numerator: n * k, denominator: d * k } });
        expect(scaled.points).toBe(once.points);
        expect(scaled.percent).toBe(once.percent);
        // and more done never scores less
        if (n < d) expect(scoreItem(it, { input: { type, numerator: n + 1, denominator: d } }).points).toBeGreaterThanOrEqual(once.points);
      }),
      { numRuns: 500 },
    );
  });

  it('survey points stay within 0..max and do not depend on the order of the forms', () => {
    const surveyItems = allItems.filter((i) => i.rule.type === 'survey');
    fc.assert(
      fc.property(arbForms, (forms) => {
        const t = tallySurvey(survey, forms);
        const r = tallySurvey(survey, [...forms].reverse());
        for (const it of surveyItems) {
          const p = surveyItemPoints(survey, it, t);
          expect(surveyItemPoints(survey, it, r)).toBe(p);
          if (p !== null) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(it.maxPoints);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
