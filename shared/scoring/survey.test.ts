import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../framework/schema';
import { sampleFramework } from '../framework/sample';
import type { SurveyForm } from './survey';
import { formNoKey, surveyCompleteness, surveyFormSchema, surveyItemPoints, tallySurvey, validateSurveyForms } from './survey';
import { item } from './test-helpers';

const LIKERT = [
  { value: '1', label: 'Rất hài lòng', weight: 10000 },
  { value: '2', label: 'Hài lòng', weight: 7500 },
  { value: '3', label: 'Bình thường', weight: 5000 },
  { value: '4', label: 'Không hài lòng', weight: 2500 },
  { value: '5', label: 'Rất không hài lòng', weight: 0 },
];

const def: SurveyDefinition = {
  targetForms: 5,
  minForms: 3,
  respondentFacts: [
    { code: 'TT1', text: 'Giới tính', type: 'single', options: [{ value: '1', label: 'Nam', weight: null }, { value: '2', label: 'Nữ', weight: null }], required: true },
    { code: 'TT5', text: 'Ngày', type: 'date', required: false },
  ],
  sections: [
    {
      code: 'A',
      title: 'Phần A',
      questions: [
        { code: 'Q1', text: 'Câu 1', type: 'likert5', options: LIKERT, feeds: 'S.1', required: true },
        { code: 'Q2', text: 'Câu 2', type: 'likert5', options: LIKERT, feeds: 'S.1', required: true },
        { code: 'Q3', text: 'Số lần', type: 'number', required: false },
      ],
    },
  ],
};
const surveyItem = item({ type: 'survey' }, 375, { code: 'S.1' });

const forms: SurveyForm[] = [
  { formNo: '1', answers: { TT1: '1', Q1: '1', Q2: '2', TT5: '2025-09-12' } },
  { formNo: '2', answers: { TT1: '2', Q1: 2, Q2: null } }, // a number typed for an option key is accepted
  { formNo: '3', answers: { TT1: '1', Q1: '5', Q2: '3', Q3: 2 } },
  { formNo: '4', answers: { Q1: '', Q2: '9' } }, // blank and not an option: neither counts
  { formNo: '5', answers: { TT1: '2', Q1: '4' } },
];

describe('survey tally', () => {
  it('counts each option per question, blanks and invalid answers apart', () => {
    const t = tallySurvey(def, forms);
    expect(t.forms).toBe(5);
    expect(t.questions.Q1).toEqual({ answered: 4, blank: 1, invalid: 0, counts: { '1': 1, '2': 1, '3': 0, '4': 1, '5': 1 } });
    expect(t.questions.Q2).toEqual({ answered: 2, blank: 2, invalid: 1, counts: { '1': 0, '2': 1, '3': 1, '4': 0, '5': 0 } });
    expect(t.questions.TT1).toEqual({ answered: 4, blank: 1, invalid: 0, counts: { '1': 2, '2': 2 } });
    expect(t.questions.Q3).toEqual({ answered: 1, blank: 4, invalid: 0, counts: {} });
    expect(t.questions.TT5).toMatchObject({ answered: 1, blank: 4 });
  });

  it('scores from counts: (1 + .75 + 0 + .25 + .75 + .5) / 6 × 3.75 = 2.03125 → 2.03', () => {
    const t = tallySurvey(def, forms);
    expect(surveyItemPoints(def, surveyItem, t)).toBe(203);
  });

  it('recomputes from counts alone (what a receiver does with a package)', () => {
    const counts = JSON.parse(JSON.stringify(tallySurvey(def, forms))) as ReturnType<typeof tallySurvey>;
    expect(surveyItemPoints(def, surveyItem, counts)).toBe(203);
  });

  it('reports completeness against minForms and targetForms', () => {
    expect(surveyCompleteness(def, tallySurvey(def, forms))).toEqual({ forms: 5, minForms: 3, targetForms: 5, enough: true, percentOfTarget: 10000 });
    expect(surveyCompleteness(def, tallySurvey(def, forms.slice(0, 2)))).toMatchObject({ enough: false, percentOfTarget: 4000 });
  });

  it('no counted answer → null (empty, not zero)', () => {
    expect(surveyItemPoints(def, surveyItem, tallySurvey(def, []))).toBeNull();
    expect(surveyItemPoints(def, surveyItem, tallySurvey(def, [{ formNo: '1', answers: { Q1: null } }]))).toBeNull();
  });

  it('all "Rất hài lòng" → full points; all "Rất không hài lòng" → 0', () => {
    const all = (v: string) => tallySurvey(def, [1, 2, 3].map((n) => ({ formNo: String(n), answers: { Q1: v, Q2: v } })));
    expect(surveyItemPoints(def, surveyItem, all('1'))).toBe(375);
    expect(surveyItemPoints(def, surveyItem, all('5'))).toBe(0);
  });

  it('scores every item of the sample questionnaire', () => {
    const fw = sampleFramework;
    const s = fw.survey!;
    const questions = s.sections.flatMap((x) => x.questions);
    // Everyone answers the first option: likert "Rất hài lòng" (100%), trips "1 lần" (100%),
    // "Có" on A5/A9 (100%) but "Có" on B9 (harassment, 0%).
    const answers = Object.fromEntries(questions.filter((q) => q.options).map((q) => [q.code, '1']));
    const t = tallySurvey(s, [{ formNo: '1', answers }, { formNo: '2', answers }]);
    const points = (code: string) => {
      const it = fw.fields[7]!.criteria.flatMap((c) => c.items).find((i) => i.code === code)!;
      return surveyItemPoints(s, it, t);
    };
    expect(points('8.1.1')).toBe(375);
    expect(points('8.1.3')).toBe(375);
    // B7, B8 at 100% and B9 at 0% → 2/3 × 3.75 = 2.50
    expect(points('8.2.4')).toBe(250);
  });
});

describe('survey forms', () => {
  it('parses the form shape', () => {
    expect(surveyFormSchema.safeParse({ formNo: '12', answers: { Q1: '1', Q3: 4, Q2: null } }).success).toBe(true);
    expect(surveyFormSchema.safeParse({ formNo: ' ', answers: {} }).success).toBe(false);
    expect(surveyFormSchema.safeParse({ formNo: '1', answers: { Q1: true } }).success).toBe(false);
  });

  it('catches a form keyed twice, even written differently', () => {
    expect(formNoKey('007')).toBe(formNoKey('7'));
    const issues = validateSurveyForms(def, [
      { formNo: '7', answers: { TT1: '1', Q1: '1', Q2: '1' } },
      { formNo: '007', answers: { TT1: '1', Q1: '1', Q2: '1' } },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['DUPLICATE_FORM_NO']);
    expect(issues[0]!.message).toBe('Phiếu số 007 đã được nhập (trùng với phiếu số 7). Mỗi phiếu chỉ nhập một lần.');
  });

  it('flags bad answers as errors and blanks in required questions as warnings', () => {
    const issues = validateSurveyForms(def, [
      { formNo: '1', answers: { TT1: '3', Q1: '1', Q3: 'nhiều', TT5: '2025-02-30', ZZ: '1' } },
    ]);
    expect(issues.map((i) => [i.code, i.questionCode, i.severity])).toEqual([
      ['UNKNOWN_QUESTION', 'ZZ', 'error'],
      ['UNKNOWN_OPTION', 'TT1', 'error'],
      ['NOT_A_DATE', 'TT5', 'error'],
      ['REQUIRED_MISSING', 'Q2', 'warning'],
      ['NOT_A_NUMBER', 'Q3', 'error'],
    ]);
  });
});
