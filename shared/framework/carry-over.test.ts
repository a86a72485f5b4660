import { describe, expect, it } from 'vitest';
import { planCarryOver } from './carry-over';
import { sampleFramework } from './sample';
import type { Framework } from './schema';

function itemRule(f: Framework, code: string) {
  for (const field of f.fields) for (const c of field.criteria) for (const i of c.items) if (i.code === code) return i;
  throw new Error(code);
}

describe('planCarryOver', () => {
  it('keeps entries whose item, rule and level still exist', () => {
    const tiered = sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).find((i) => i.rule.type === 'tiered')!;
    const level = tiered.rule.type === 'tiered' ? tiered.rule.levels[0]!.id : '';
    const plan = planCarryOver(sampleFramework, {
      [tiered.code]: { input: { type: 'tiered', level } },
      '9.9.9': { input: { type: 'binary', done: true } },
    });
    expect(Object.keys(plan.carried)).toEqual([tiered.code]);
    expect(plan.dropped).toEqual([{ code: '9.9.9', reason: 'ITEM_GONE' }]);
  });

  it('drops a level that no longer exists and N/A where it is no longer allowed', () => {
    const next = structuredClone(sampleFramework) as Framework;
    const tiered = next.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).find((i) => i.rule.type === 'tiered')!;
    const naItem = next.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).find((i) => i.notApplicable !== 'not-allowed')!;
    itemRule(next, naItem.code).notApplicable = 'not-allowed';
    const plan = planCarryOver(next, {
      [tiered.code]: { input: { type: 'tiered', level: 'no-such-level' } },
      [naItem.code]: { notApplicable: true },
    });
    expect(plan.carried).toEqual({});
    expect(plan.dropped).toEqual([
      { code: tiered.code, reason: 'LEVEL_GONE' },
      { code: naItem.code, reason: 'NA_NOT_ALLOWED' },
    ]);
  });

  it('keeps bonus and penalty entries', () => {
    const adj = sampleFramework.adjustments![0]!;
    const plan = planCarryOver(sampleFramework, { [adj.code]: { input: { type: 'manual', points: 50 } } });
    expect(Object.keys(plan.carried)).toEqual([adj.code]);
  });
});
