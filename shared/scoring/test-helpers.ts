/** Builders shared by the scoring tests (not shipped code: imported by *.test.ts only). */
import type { FrameworkItem, Rule } from '../framework/schema';
import type { ItemEntry } from './entry';

export function item(rule: Rule, maxPoints: number, extra: Partial<FrameworkItem> = {}): FrameworkItem {
  return {
    code: 'X.1',
    title: 'Mục thử',
    scoringText: 'Cách chấm thử',
    maxPoints,
    rule,
    evidence: [],
    notApplicable: 'not-allowed',
    required: true,
    ...extra,
  };
}

/** The entry that earns an item its maximum. */
export function fullEntry(it: FrameworkItem): ItemEntry | undefined {
  const rule = it.rule;
  switch (rule.type) {
    case 'manual':
      return { input: { type: 'manual', points: it.maxPoints } };
    case 'binary':
      return { input: { type: 'binary', done: true } };
    case 'tiered': {
      const top = rule.levels.find((l) => l.points === it.maxPoints);
      return { input: { type: 'tiered', level: top?.id ?? '' } };
    }
    case 'bands':
    case 'ratio':
    case 'ratio-target':
      return { input: { type: rule.type, numerator: 10, denominator: 10 } };
    case 'deduction':
      return { input: { type: 'deduction', events: 0 } };
    case 'survey':
      return undefined;
  }
}
