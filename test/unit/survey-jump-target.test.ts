import { describe, expect, it } from 'vitest';
import { sampleSurvey } from '../../shared/framework/sample-survey';
import { blankRequired, requiredSentence, shortText } from '../../shared/survey/required';
import { findQuestion, keyingOrder, targetState } from '../../renderer/src/features/commune/survey/keying-model';

const order = keyingOrder(sampleSurvey);

describe('going to a question when correcting', () => {
  it('finds a question by its code (any case) or its place on the form', () => {
    expect(order[findQuestion(order, 'a5')]?.code).toBe('A5');
    expect(order[findQuestion(order, ' B9 ')]?.code).toBe('B9');
    expect(order[findQuestion(order, '1')]?.code).toBe('TT1');
    expect(order[findQuestion(order, String(order.length))]?.code).toBe(order.at(-1)?.code);
    expect(findQuestion(order, '0')).toBe(-1);
    expect(findQuestion(order, String(order.length + 1))).toBe(-1);
    expect(findQuestion(order, 'Z9')).toBe(-1);
    expect(findQuestion(order, '')).toBe(-1);
  });
});

describe('the target', () => {
  it('below, reached, beyond (with how many)', () => {
    expect(targetState(12, 20)).toEqual({ state: 'below', beyond: 0 });
    expect(targetState(20, 20)).toEqual({ state: 'reached', beyond: 0 });
    expect(targetState(21, 20)).toEqual({ state: 'beyond', beyond: 1 });
  });
});

describe('the required-question rule', () => {
  it('lists blank required questions in paper order ("Không trả lời" is blank), never the optional ones', () => {
    expect(blankRequired(sampleSurvey, {}).map((q) => q.code).slice(0, 6)).toEqual(['TT1', 'TT2', 'TT3', 'TT4', 'TT6', 'A1']);
    const all = Object.fromEntries(order.map((q) => [q.code, q.options?.[0]?.value ?? null]));
    expect(blankRequired(sampleSurvey, all)).toEqual([]); // TT5, C2, C3 blank: optional
    expect(blankRequired(sampleSurvey, { ...all, A3: null }).map((q) => q.code)).toEqual(['A3']);
  });

  it('names the question by code and the start of its text, cut at a word', () => {
    const tt1 = order.find((q) => q.code === 'TT1')!;
    expect(requiredSentence(tt1)).toBe('Câu TT1 (Giới tính) là bắt buộc: hãy chọn một câu trả lời theo phiếu giấy.');
    expect(requiredSentence(tt1, 'en')).toBe('Question TT1 (Giới tính) is required: choose an answer from the paper form.');
    const a1 = order.find((q) => q.code === 'A1')!;
    expect(shortText(a1).endsWith('…')).toBe(true);
    expect(shortText(a1).length).toBeLessThanOrEqual(61);
    expect(a1.text.startsWith(shortText(a1).slice(0, -1))).toBe(true);
  });
});
