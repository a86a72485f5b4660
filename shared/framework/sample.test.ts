import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_TYPES } from './schema';
import { sampleFramework } from './sample';
import { resolveForUnitType } from './unit-types';

const items = sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));

describe('sample framework', () => {
  it('is labelled a sample', () => {
    expect(sampleFramework.sample).toBe(true);
    expect(sampleFramework.title).toContain('Mẫu (tham khảo)');
    expect(sampleFramework.province.code).toBe('00');
  });

  it('follows the table: 8 fields, 70 self-assessment + 30 survey, 8 survey items of 3.75', () => {
    expect(sampleFramework.fields.map((f) => [f.code, f.maxPoints])).toEqual([
      ['1', 900], ['2', 700], ['3', 1800], ['4', 500], ['5', 1100], ['6', 500], ['7', 1500], ['8', 3000],
    ]);
    const surveyItems = items.filter((i) => i.rule.type === 'survey');
    expect(surveyItems.map((i) => [i.code, i.maxPoints])).toEqual(
      ['8.1.1', '8.1.2', '8.1.3', '8.1.4', '8.2.1', '8.2.2', '8.2.3', '8.2.4'].map((c) => [c, 375]),
    );
    expect(items.length - surveyItems.length).toBe(41);
    expect(sampleFramework.adjustmentCaps).toEqual({ bonus: 500, penalty: 500 });
    expect(sampleFramework.survey?.targetForms).toBe(20);
  });

  it('uses every rule type (some only for a unit type) and every item N/A treatment', () => {
    const variantRules = items.flatMap((i) => (i.variants ?? []).flatMap((v) => (v.rule ? [v.rule.type] : [])));
    const used = new Set([...items.map((i) => i.rule.type), ...variantRules, ...(sampleFramework.adjustments ?? []).map((a) => a.rule.type)]);
    expect([...used].sort()).toEqual([...RULE_TYPES].sort());
    const na = Object.fromEntries(items.filter((i) => i.notApplicable !== 'not-allowed').map((i) => [i.code, i.notApplicable]));
    expect(na).toEqual({ '1.6': 'points', '2.1': 'full', '2.4': 'full', '3.4': 'full', '3.5': 'exclude', '4.3': 'full' });
  });

  it('writes out every setting of the format: numbering, floors, deductions, variants, survey policy, rounding', () => {
    expect(sampleFramework.fields.map((f) => f.numbering)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(sampleFramework.fields[0]!.floor).toBe(0);
    expect(items.find((i) => i.code === '1.1')!.rule).toEqual({ type: 'binary', notDonePoints: -25 });
    expect(items.find((i) => i.code === '7.7')!.unitTypes).toEqual(['xa', 'phuong']);
    expect(sampleFramework.surveyPolicy).toEqual({ whenMissing: 'count-zero', belowMinimum: 'warn' });
    expect(sampleFramework.rounding).toEqual({ points: 'half-up', index: 'half-up', groupOn: 'rounded' });
    expect(sampleFramework.variants?.[0]?.unitTypes).toEqual(['dac-khu']);
    expect(sampleFramework.survey?.variants).toEqual([{ unitTypes: ['phuong'], targetForms: 30, minForms: 30 }]);
  });

  it('scores a xã without a unit type exactly as before the variants (same items, maxima and rules)', () => {
    const xa = resolveForUnitType(sampleFramework, 'xa').framework;
    const asBefore = (f: typeof xa) => f.fields.flatMap((fl) => fl.criteria.flatMap((c) => c.items.map((i) => [i.code, i.maxPoints, i.rule.type])));
    expect(asBefore(xa)).toEqual(asBefore(sampleFramework));
    expect(xa.groups).toEqual(sampleFramework.groups);
    expect(xa.survey?.minForms).toBe(20);
  });

  it('is exported unchanged in docs/examples/sample-framework.json', () => {
    const expected = JSON.stringify(sampleFramework, null, 2) + '\n';
    const url = new URL('../../docs/examples/sample-framework.json', import.meta.url);
    let actual = '';
    try {
      actual = readFileSync(url, 'utf8');
    } catch {
      // fall through: the comparison below prints what the file should hold
    }
    expect(actual, 'regenerate docs/examples/sample-framework.json from sampleFramework').toBe(expected);
  });
});
