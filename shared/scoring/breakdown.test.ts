import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FrameworkItem } from '../framework/schema';
import { sampleFramework } from '../framework/sample';
import type { ItemEntry } from './entry';
import { computeScores } from './engine';
import { formatDeduction, indexBreakdown, indexFromBreakdown, indexLine } from './breakdown';
import type { SurveyForm } from './survey';
import { tallySurvey } from './survey';
import { fullEntry } from './test-helpers';

const fw = sampleFramework;
const items: FrameworkItem[] = fw.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));
const entryItems = items.filter((i) => i.rule.type !== 'survey');
const survey = fw.survey!;
const optionQuestions = survey.sections.flatMap((s) => s.questions).filter((q) => q.options);

function forms(n: number, pick: (values: string[]) => string): SurveyForm[] {
  return Array.from({ length: n }, (_, k) => ({
    formNo: String(k + 1),
    answers: Object.fromEntries(optionQuestions.map((q) => [q.code, pick(q.options!.map((o) => o.value))])),
  }));
}

const arbEntries: fc.Arbitrary<Record<string, ItemEntry>> = fc
  .tuple(...entryItems.map(() => fc.constantFrom('full', 'zero', 'na', 'none')))
  .map((choice) => {
    const out: Record<string, ItemEntry> = {};
    choice.forEach((c, i) => {
      const it = entryItems[i]!;
      if (c === 'full') {
        const e = fullEntry(it);
        if (e) out[it.code] = e;
      } else if (c === 'zero' && it.rule.type === 'manual') out[it.code] = { input: { type: 'manual', points: 0 } };
      else if (c === 'na' && it.notApplicable !== 'not-allowed') out[it.code] = { notApplicable: true };
    });
    return out;
  });
const arbBonus = fc.record({
  '9.1': fc.integer({ min: 0, max: 12 }).map((q) => ({ input: { type: 'manual' as const, points: q * 25 } })),
  '9.2': fc.integer({ min: 0, max: 8 }).map((q) => ({ input: { type: 'manual' as const, points: q * 25 } })),
});

describe('index breakdown', () => {
  it('its figures reproduce the index, whatever was entered', () => {
    fc.assert(
      fc.property(arbEntries, arbBonus, fc.nat(30), (entries, bonus, n) => {
        const s = computeScores(fw, { ...entries, ...bonus }, tallySurvey(survey, forms(n, (v) => v[0]!)));
        const b = indexBreakdown(s);
        expect(indexFromBreakdown(b, s.rounding)).toBe(s.indexPercent);
        expect(b.self.applicableMax + b.survey.applicableMax).toBe(b.applicableMax);
        expect(b.net).toBe(Math.max(0, b.self.points + b.survey.points + b.bonus - b.penalty));
        // The line names the numerator and the denominator it divides.
        const line = indexLine(b);
        expect(line).toContain(`/${(b.applicableMax / 100).toFixed(2).replace('.', ',')}`);
      }),
      { numRuns: 150 },
    );
  });

  it('an empty assessment has no group and says so', () => {
    const b = indexBreakdown(computeScores(fw, {}));
    expect(b.empty).toBe(true);
    expect(b.group).toBeNull();
    expect(indexLine(b)).toContain('chưa nhập');
    expect(indexLine(b, 'en')).toContain('nothing entered');
  });

  it('is provisional until the survey reaches its minimum, and the bonus is in the line', () => {
    const full: Record<string, ItemEntry> = {};
    for (const it of entryItems) {
      const e = fullEntry(it);
      if (e) full[it.code] = e;
    }
    full['9.1'] = { input: { type: 'manual', points: 100 } };
    const few = indexBreakdown(computeScores(fw, full, tallySurvey(survey, forms(5, (v) => v[0]!))));
    expect(few.provisional).toBe(true);
    expect(indexLine(few)).toMatch(/\(tạm tính\)$/u);
    expect(indexLine(few)).toContain('thưởng 1,00');
    const enough = indexBreakdown(computeScores(fw, full, tallySurvey(survey, forms(20, (v) => v[0]!))));
    expect(enough.provisional).toBe(false);
    expect(indexLine(enough)).not.toContain('tạm tính');
  });

  it('shows a deduction as negative points', () => {
    expect(formatDeduction(25)).toBe('−0,25');
    expect(formatDeduction(0)).toBe('0,00');
    expect(formatDeduction(150, 'en')).toBe('−1.50');
  });
});
