import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_TYPES } from './schema';
import { sampleFramework } from './sample';

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

  it('uses every rule type and both N/A treatments', () => {
    const used = new Set([...items.map((i) => i.rule.type), ...(sampleFramework.adjustments ?? []).map((a) => a.rule.type)]);
    expect([...used].sort()).toEqual([...RULE_TYPES].sort());
    const na = Object.fromEntries(items.filter((i) => i.notApplicable !== 'not-allowed').map((i) => [i.code, i.notApplicable]));
    expect(na).toEqual({ '2.1': 'full', '2.4': 'full', '3.4': 'full', '3.5': 'exclude', '4.3': 'full' });
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
