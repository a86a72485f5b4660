import { describe, expect, it } from 'vitest';
import { sampleFramework } from '@shared/framework/sample';
import type { ItemEntry } from '@shared/scoring/engine';
import { adjustmentAsItem, computeScores } from '@shared/scoring/engine';
import type { FrameworkItem } from '@shared/framework/schema';
import { runChecks } from './checks';
import { filterCounts, itemMarks, outline, visibleItems } from './outline';

const order: string[] = [];
const itemsByCode = new Map<string, FrameworkItem>();
const items = [...sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)), ...(sampleFramework.adjustments ?? []).map(adjustmentAsItem)];
for (const i of items) {
  order.push(i.code);
  itemsByCode.set(i.code, i);
}

function marksFor(entries: Record<string, ItemEntry>, opts: { evidence?: string[]; explanations?: Record<string, string> } = {}) {
  const scores = computeScores(sampleFramework, entries);
  const checks = runChecks({
    order, itemsByCode, entries, explanations: opts.explanations ?? {},
    evidenceCount: new Map((opts.evidence ?? []).map((c) => [c, 1])), scores,
  });
  return itemMarks(order, scores, checks);
}

describe('criteria outline marks and filters', () => {
  it('marks each item: not entered, entered, error, missing evidence, not applicable', () => {
    const marks = marksFor(
      {
        '1.1': { input: { type: 'binary', done: true } },
        '1.2': { input: { type: 'ratio', numerator: 9, denominator: 4 } },
        '1.3': { input: { type: 'deduction', events: 0 } },
        '2.4': { notApplicable: true },
        '2.1': { input: { type: 'tiered', level: 'dung' } },
      },
      { evidence: ['1.1'], explanations: { '1.3': 'Không có báo cáo chậm' } },
    );
    expect(marks['1.1']).toBe('entered');
    expect(marks['1.2']).toBe('error');
    // Points without evidence but explained: entered, as the check list says.
    expect(marks['1.3']).toBe('entered');
    expect(marks['2.4']).toBe('na');
    expect(marks['2.1']).toBe('noEvidence');
    // A required item not entered is "chưa nhập", not an error.
    expect(marks['1.4']).toBe('empty');
    expect(itemsByCode.get('1.4')?.required).toBe(true);
  });

  it('counts what each filter shows, and the outline and the list show the same items', () => {
    const marks = marksFor({ '1.1': { input: { type: 'binary', done: true } }, '1.2': { input: { type: 'ratio', numerator: 9, denominator: 4 } } });
    const counts = filterCounts(marks);
    expect(counts).toEqual({ all: order.length, empty: order.length - 2, error: 1, noEvidence: 1 });
    const errors = outline(sampleFramework, marks, 'error');
    expect(errors.map((f) => f.code)).toEqual(['1']);
    expect(errors[0]).toMatchObject({ shown: 1, total: 8, entered: 2 });
    expect(errors[0]!.criteria.flatMap((c) => c.items.map((i) => i.code))).toEqual(['1.2']);
    expect([...visibleItems(marks, 'error', new Set())!]).toEqual(['1.2']);
    expect(visibleItems(marks, 'all', new Set())).toBeNull();
    const all = outline(sampleFramework, marks, 'all', new Set(), 'Điểm thưởng, điểm trừ');
    expect(all.reduce((n, f) => n + f.shown, 0)).toBe(order.length);
    expect(all.at(-1)).toMatchObject({ code: 'adjustments', title: 'Điểm thưởng, điểm trừ' });
    // Criteria scored directly carry no heading of their own.
    expect(all[0]!.criteria[0]!.title).toBeNull();
  });

  it('an empty filter shows nothing; an item kept by the screen stays shown after it stops matching', () => {
    const marks = marksFor({ '1.1': { input: { type: 'binary', done: true } } }, { evidence: ['1.1'] });
    expect(outline(sampleFramework, marks, 'error')).toEqual([]);
    expect(visibleItems(marks, 'error', new Set())!.size).toBe(0);
    const kept = outline(sampleFramework, marks, 'empty', new Set(['1.1']));
    expect(kept[0]!.criteria[0]!.items[0]).toMatchObject({ code: '1.1', mark: 'entered' });
    expect(visibleItems(marks, 'empty', new Set(['1.1']))!.has('1.1')).toBe(true);
  });
});
