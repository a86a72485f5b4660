import { describe, expect, it } from 'vitest';
import { sampleFramework } from '../../shared/framework/sample';
import type { FrameworkItem } from '../../shared/framework/schema';
import { adjustmentAsItem, computeScores } from '../../shared/scoring/engine';
import { runChecks } from '../../renderer/src/features/commune/assessment/checks';
import { entryFromForm, formFromEntry } from '../../renderer/src/features/commune/assessment/entry-form';

const items = new Map<string, FrameworkItem>();
for (const f of sampleFramework.fields) for (const c of f.criteria) for (const i of c.items) items.set(i.code, i);
for (const a of sampleFramework.adjustments ?? []) items.set(a.code, adjustmentAsItem(a));
const item = (code: string): FrameworkItem => items.get(code)!;

describe('item form ↔ entry', () => {
  it('round-trips every input type', () => {
    const cases = [
      ['1.1', { input: { type: 'binary', done: false } }],
      ['1.2', { input: { type: 'ratio', numerator: 44, denominator: 46, complement: 2 } }],
      ['1.3', { input: { type: 'deduction', events: 2 } }],
      ['1.4', { input: { type: 'tiered', level: 'dat-du' } }],
      ['3.5', { notApplicable: true }],
      ['9.1', { input: { type: 'manual', points: 275 } }],
    ] as const;
    for (const [code, entry] of cases) expect(entryFromForm(item(code), formFromEntry(entry)).entry).toEqual(entry);
  });

  it('reads Vietnamese points, keeps impossible numbers for the engine, flags text that is not a number', () => {
    const f = formFromEntry(null);
    expect(entryFromForm(item('9.1'), { ...f, points: '2,75' }).entry).toEqual({ input: { type: 'manual', points: 275 } });
    expect(entryFromForm(item('9.1'), { ...f, points: 'abc' }).problems).toEqual([{ field: 'points', key: 'notPoints' }]);
    expect(entryFromForm(item('1.3'), { ...f, events: '-1' }).entry).toEqual({ input: { type: 'deduction', events: -1 } });
    expect(entryFromForm(item('1.3'), { ...f, events: '1,5' }).problems).toEqual([{ field: 'events', key: 'notNumber' }]);
    // A ratio with only one number typed is not an entry yet.
    expect(entryFromForm(item('1.2'), { ...f, numerator: '5' }).entry).toBeNull();
    expect(entryFromForm(item('1.1'), f).entry).toBeNull();
  });
});

describe('item form ↔ entry for increment, formula and entered survey points', () => {
  const f = formFromEntry(null);
  const increment: FrameworkItem = { ...item('1.1'), code: 'X.1', maxPoints: 200, rule: { type: 'increment', perUnit: 50, unitLabel: 'Số sáng kiến' } };
  const formula: FrameworkItem = {
    ...item('1.1'), code: 'X.2', maxPoints: 250,
    rule: { type: 'formula', expression: '2 × a / b', inputs: [{ name: 'a', label: 'Số đúng hạn' }, { name: 'b', label: 'Tổng số' }, { name: 'ty_le', label: 'Tỷ lệ', kind: 'number' }] },
  };
  const entered: FrameworkItem = { ...item('1.1'), code: 'X.3', maxPoints: 300, rule: { type: 'survey', source: 'entered' } as FrameworkItem['rule'] };

  it('round-trips', () => {
    const cases: [FrameworkItem, object][] = [
      [increment, { input: { type: 'increment', units: 3 } }],
      [formula, { input: { type: 'formula', values: { a: 4, b: 5, ty_le: 98.89 } } }],
      [entered, { input: { type: 'manual', points: 275 } }],
    ];
    for (const [it, entry] of cases) expect(entryFromForm(it, formFromEntry(entry)).entry).toEqual(entry);
  });

  it('reads a decimal input with a comma, flags text per input, keeps a partly typed formula', () => {
    expect(entryFromForm(formula, { ...f, values: { a: '4', b: '5', ty_le: '98,89' } }).entry).toEqual({ input: { type: 'formula', values: { a: 4, b: 5, ty_le: 98.89 } } });
    expect(entryFromForm(formula, { ...f, values: { a: '4,5' } }).problems).toEqual([{ field: 'values.a', key: 'notNumber' }]);
    expect(entryFromForm(formula, { ...f, values: { ty_le: 'abc' } }).problems).toEqual([{ field: 'values.ty_le', key: 'notDecimal' }]);
    expect(entryFromForm(formula, { ...f, values: { a: '4' } }).entry).toEqual({ input: { type: 'formula', values: { a: 4 } } });
    expect(entryFromForm(increment, { ...f, units: 'ba' }).problems).toEqual([{ field: 'units', key: 'notNumber' }]);
    expect(entryFromForm(entered, { ...f, points: '2,75' }).entry).toEqual({ input: { type: 'manual', points: 275 } });
    // Survey items scored from the forms take nothing from the card.
    expect(entryFromForm(item('8.1.1'), { ...f, points: '2,75' }).entry).toBeNull();
  });
});

describe('check list', () => {
  it('lists engine errors, missing required items, points without evidence or explanation, N/A without a reason', () => {
    const entries = {
      '1.1': { input: { type: 'binary' as const, done: true } },
      '1.2': { input: { type: 'ratio' as const, numerator: 5, denominator: 4 } },
      '3.5': { notApplicable: true },
    };
    const scores = computeScores(sampleFramework, entries);
    const order = [...items.keys()];
    const checks = runChecks({ order, itemsByCode: items, entries, explanations: {}, evidenceCount: new Map(), scores });
    expect(checks.find((c) => c.code === '1.2')).toMatchObject({ severity: 'error', key: null });
    expect(checks.find((c) => c.code === '1.1')).toMatchObject({ severity: 'error', key: 'noEvidence', points: 50 });
    expect(checks.find((c) => c.code === '3.5')).toMatchObject({ severity: 'warning', key: 'naNoReason' });
    expect(checks.filter((c) => c.key === 'missing').map((c) => c.code)).not.toContain('8.1.1');
    expect(checks.filter((c) => c.key === 'missing').length).toBe(41 - 3);
    const fixed = runChecks({ order, itemsByCode: items, entries, explanations: { '1.1': 'Có kế hoạch số 15/KH-UBND' }, evidenceCount: new Map(), scores });
    expect(fixed.find((c) => c.code === '1.1')).toBeUndefined();
  });
});
