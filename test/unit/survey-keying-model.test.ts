import { describe, expect, it } from 'vitest';
import { sampleSurvey } from '../../shared/framework/sample-survey';
import { answerLabel, firstUnkeyed, keyingOrder, optionKeyOutcome, paperSections, typedOutcome } from '../../renderer/src/features/commune/survey/keying-model';

const order = keyingOrder(sampleSurvey);
const byCode = (c: string) => order.find((q) => q.code === c)!;

describe('keying model', () => {
  it('keys respondent facts first, then the sections in paper order', () => {
    expect(order.slice(0, 7).map((q) => q.code)).toEqual(['TT1', 'TT2', 'TT3', 'TT4', 'TT5', 'TT6', 'A1']);
    const sections = paperSections(sampleSurvey);
    expect(sections.map((s) => s.code)).toEqual(['TT', 'A', 'B', 'C']);
    expect(sections.flatMap((s) => s.questions.map((x) => x.index))).toEqual(order.map((_, i) => i));
  });

  it('one digit answers and moves on; 0 marks no answer; an absent option is refused', () => {
    const n = order.length;
    expect(optionKeyOutcome(byCode('A1'), '2', 6, n)).toEqual({ kind: 'answer', value: '2', to: 7 });
    expect(optionKeyOutcome(byCode('A1'), '0', 6, n)).toEqual({ kind: 'answer', value: null, to: 7 });
    expect(optionKeyOutcome(byCode('A5'), '3', 10, n)).toEqual({ kind: 'bad-option', key: '3' });
    expect(optionKeyOutcome(byCode('A1'), 'Backspace', 6, n)).toEqual({ kind: 'move', to: 5 });
    expect(optionKeyOutcome(byCode('TT1'), 'Backspace', 0, n)).toEqual({ kind: 'ignore' });
    expect(optionKeyOutcome(undefined, 'Enter', n, n)).toEqual({ kind: 'save' });
    expect(optionKeyOutcome(undefined, '1', n, n)).toEqual({ kind: 'ignore' });
  });

  it('typed questions take dd/mm/yyyy dates and numbers; labels read like the paper', () => {
    expect(typedOutcome(byCode('TT5'), '30/9/2026')).toEqual({ ok: true, value: '2026-09-30' });
    expect(typedOutcome(byCode('TT5'), '31/02/2026')).toEqual({ ok: false });
    expect(typedOutcome(byCode('C2'), '3')).toEqual({ ok: true, value: 3 });
    expect(typedOutcome(byCode('C2'), '')).toEqual({ ok: true, value: null });
    expect(answerLabel(byCode('A1'), '2')).toBe('2 · Hài lòng');
    expect(answerLabel(byCode('TT5'), '2026-09-30')).toBe('30/09/2026');
    expect(firstUnkeyed(order, { TT1: '1', TT2: null })).toBe(2);
  });
});
