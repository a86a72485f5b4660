import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleFramework } from '../framework/sample';
import type { Framework } from '../framework/schema';
import type { ItemEntry } from './entry';
import { blockingProblems } from './blocking';
import { computeScores } from './engine';
import { framework, leaf } from './policy-helpers';
import type { SurveyTally } from './survey';
import { tallySurvey } from './survey';

const binary = (done: boolean): ItemEntry => ({ input: { type: 'binary', done } });
const manual = (points: number): ItemEntry => ({ input: { type: 'manual', points } });

describe('deductions inside a criterion', () => {
  // "Không ban hành kế hoạch: 0 điểm và bị trừ 0,25 điểm" inside criterion 1.1 of field I.
  const fw = framework([
    {
      code: 'I',
      title: 'Chỉ đạo, điều hành',
      criteria: [
        {
          code: '1',
          title: 'Kế hoạch',
          items: [
            leaf('1.1', 100, { type: 'binary', notDonePoints: -25 }),
            leaf('1.2', 100, { type: 'tiered', levels: [{ id: 'du', label: 'Đủ', points: 100 }, { id: 'khong', label: 'Không: 0 điểm và bị trừ 0,5', points: -50 }] }),
          ],
        },
        { code: '2', title: 'Báo cáo', floor: 0, items: [leaf('2.1', 100, { type: 'binary', notDonePoints: -50 }), leaf('2.2', 25, { type: 'manual', step: 25 })] },
        { code: '3', title: 'Khác', items: [leaf('3.1', 1000, { type: 'manual', step: 1 })] },
      ],
    },
  ]);

  it('counts the deduction in the criterion, the field and the total (no floor: the criterion may go below 0)', () => {
    const s = computeScores(fw, { '1.1': binary(false), '1.2': { input: { type: 'tiered', level: 'khong' } }, '3.1': manual(992) });
    expect(s.items['1.1']).toMatchObject({ points: -25, status: 'scored' });
    expect(s.criteria['1']).toMatchObject({ points: -75, max: 200 });
    expect(s.fields['I']!.points).toBe(-75 + 992);
    expect(s.total.points).toBe(917);
    expect(s.selfAssessment.points).toBe(917);
  });

  it('raises a criterion to its floor and says by how much', () => {
    const s = computeScores(fw, { '2.1': binary(false), '2.2': manual(25) });
    expect(s.criteria['2']).toMatchObject({ points: 0, floorLift: 25 });
    expect(s.fields['I']!.points).toBe(0);
    expect(s.total.points).toBe(s.selfAssessment.points + s.survey.points);
  });

  it('a field floor keeps the field at its stated minimum; the index never goes below 0', () => {
    const floored = framework(fw.fields.map((f) => ({ ...f, floor: 0 })));
    const s = computeScores(floored, { '1.1': binary(false), '1.2': { input: { type: 'tiered', level: 'khong' } } });
    expect(s.criteria['1']!.points).toBe(-75);
    expect(s.fields['I']).toMatchObject({ points: 0, floorLift: 75 });
    expect(s.indexPercent).toBe(0);
    const bare = computeScores(fw, { '1.1': binary(false) });
    expect(bare.total.points).toBe(-25);
    expect(bare.indexPercent).toBe(0);
  });
});

describe('a whole criterion not applicable', () => {
  // "Không có nhiệm vụ được giao: được tính 03 điểm" on a 4-point criterion of two items.
  const fw = framework([
    {
      code: 'I',
      title: 'Lĩnh vực',
      criteria: [
        {
          code: '1',
          title: 'Nhiệm vụ được giao',
          notApplicable: 'points',
          notApplicablePoints: 300,
          notApplicableWhen: 'Không có nhiệm vụ được giao',
          items: [leaf('1.1', 300, { type: 'ratio', numeratorLabel: 'Đúng hạn', denominatorLabel: 'Được giao' }), leaf('1.2', 100, { type: 'binary' })],
        },
        { code: '2', title: 'Văn bản trái pháp luật', notApplicable: 'full', items: [leaf('2.1', 100, { type: 'binary' }), leaf('2.2', 100, { type: 'binary' })] },
        { code: '3', title: 'Phản ánh, kiến nghị', notApplicable: 'exclude', items: [leaf('3.1', 200, { type: 'binary' })] },
        { code: '4', title: 'Khác', items: [leaf('4.1', 200, { type: 'binary' }), leaf('4.2', 100, { type: 'binary' })] },
      ],
    },
  ]);

  it('counts fixed points for the criterion, full points, or leaves it out of the maximum', () => {
    const s = computeScores(fw, { '1': { notApplicable: true }, '2': { notApplicable: true }, '3': { notApplicable: true } });
    expect(s.criteria['1']).toMatchObject({ points: 300, max: 400, applicableMax: 400, notApplicable: 'points', done: 2 });
    expect(s.items['1.1']).toMatchObject({ status: 'na', points: 0, applicableMax: 300 });
    expect(s.criteria['2']).toMatchObject({ points: 200, applicableMax: 200, notApplicable: 'full' });
    expect(s.criteria['3']).toMatchObject({ points: 0, applicableMax: 0, notApplicable: 'exclude' });
    expect(s.total).toMatchObject({ points: 500, applicableMax: 900 });
    expect(s.selfAssessment.points).toBe(500);
  });

  it('what was entered in its items is not counted, and a warning says so', () => {
    const s = computeScores(fw, { '1': { notApplicable: true }, '1.1': { input: { type: 'ratio', numerator: 1, denominator: 2 } } });
    expect(s.criteria['1']!.points).toBe(300);
    expect(s.criteria['1']!.issues).toEqual([expect.objectContaining({ code: 'IGNORED_BY_CRITERION_NA', severity: 'warning' })]);
    expect(s.total.errors).toBe(0);
  });

  it('refuses a N/A mark on a criterion that does not allow it, and an input keyed by a criterion', () => {
    const s = computeScores(fw, { '4': { notApplicable: true } });
    expect(s.criteria['4']!.issues?.[0]).toMatchObject({ code: 'NA_NOT_ALLOWED', message: expect.stringMatching(/^Tiêu chí 4 không được đánh dấu/u) });
    expect(s.criteria['4']).toMatchObject({ points: 0, errors: 1 });
    expect(s.total.errors).toBe(1);
    const t = computeScores(fw, { '1': binary(true) });
    expect(t.criteria['1']!.issues?.[0]?.code).toBe('NOT_A_CRITERION_ENTRY');
  });
});

describe('the survey\'s place', () => {
  const survey = {
    targetForms: 4,
    minForms: 4,
    respondentFacts: [],
    sections: [
      {
        code: 'A',
        title: 'Phần A',
        questions: [
          {
            code: 'Q1',
            text: 'Hài lòng?',
            type: 'yesno' as const,
            options: [{ value: '1', label: 'Có', weight: 10000 }, { value: '2', label: 'Không', weight: 0 }],
            feeds: 'S.1',
            required: true,
          },
        ],
      },
    ],
  };
  const fields = [
    { code: '1', title: 'Thẩm định', criteria: [{ code: '1.1', title: 'Thẩm định', items: [leaf('1.1', 7000, { type: 'manual', step: 1 })] }] },
    { code: 'S', title: 'Khảo sát', criteria: [{ code: 'S.0', title: 'Khảo sát', items: [leaf('S.1', 3000, { type: 'survey' })] }] },
  ];
  const forms = (yes: number, no: number): SurveyTally =>
    tallySurvey(survey, [...Array(yes).fill('1'), ...Array(no).fill('2')].map((a: string, i) => ({ formNo: String(i + 1), answers: { Q1: a } })));

  it('count-zero (default): no survey keeps its 30 points in the maximum and says so', () => {
    const s = computeScores(framework(fields, { survey }), { '1.1': manual(6262) });
    expect(s.indexPercent).toBe(6262);
    expect(s.surveyComplete).toBe(false);
    expect(s.surveyStatus).toMatchObject({ treatment: 'counted', present: false, forms: 0, formsBelowMinimum: true, blocksFinalise: false });
    expect(s.surveyStatus.issues.map((i) => i.code)).toEqual(['SURVEY_MISSING', 'SURVEY_FORMS_BELOW_MINIMUM']);
  });

  it('rescale: without survey data the appraised part alone is the index (62,62 of 70), and the forms minimum is not asked', () => {
    const fw = framework(fields, { survey, surveyPolicy: { whenMissing: 'rescale', belowMinimum: 'block' }, rounding: { index: 'truncate' } });
    const s = computeScores(fw, { '1.1': manual(6262) });
    expect(s.items['S.1']).toMatchObject({ status: 'na', applicableMax: 0 });
    expect(s.indexPercent).toBe(8945);
    expect(s.surveyStatus).toMatchObject({ treatment: 'rescaled', formsBelowMinimum: false, blocksFinalise: false });
    expect(s.surveyStatus.issues[0]!.message).toMatch(/30,00 điểm khảo sát không tính vào điểm tối đa/u);
    // once forms exist they count, and so does the minimum
    const some = computeScores(fw, { '1.1': manual(6262) }, forms(3, 0));
    expect(some.surveyStatus).toMatchObject({ treatment: 'counted', formsBelowMinimum: true, blocksFinalise: true });
    expect(some.surveyStatus.issues.find((i) => i.severity === 'error')?.message).toMatch(/Mới có 3 phiếu khảo sát, bộ tiêu chí yêu cầu tối thiểu 4 phiếu: chưa thể chốt/u);
    expect(some.indexPercent).toBe(9262);
  });

  it('scale: fewer forms than the minimum scale the survey points by forms / minimum, rounded once', () => {
    const fw = framework(fields, { survey, surveyPolicy: { belowMinimum: 'scale' } });
    const s = computeScores(fw, {}, forms(2, 1)); // 2/3 yes × 30 × 3/4 = 15
    expect(s.items['S.1']!.points).toBe(1500);
    expect(s.surveyStatus).toMatchObject({ treatment: 'scaled', formsBelowMinimum: true, blocksFinalise: false });
    const full = computeScores(fw, {}, forms(3, 1));
    expect(full.items['S.1']!.points).toBe(2250);
    expect(full.surveyComplete).toBe(true);
    expect(full.surveyStatus.issues).toEqual([]);
  });

  it('warn: reported only; excludeSurvey still forces the rescaled view', () => {
    const fw = framework(fields, { survey });
    const s = computeScores(fw, {}, forms(1, 0));
    expect(s.surveyStatus.issues.map((i) => [i.code, i.severity])).toEqual([['SURVEY_FORMS_BELOW_MINIMUM', 'warning']]);
    expect(s.items['S.1']!.points).toBe(3000);
    const what = computeScores(fw, { '1.1': manual(7000) }, forms(1, 0), { excludeSurvey: true });
    expect(what.indexPercent).toBe(10000);
  });

  it('points per aspect entered from a survey run by others (Chiêm Hóa: 6,5/6,5 + 13,99/18)', () => {
    const fw = framework([
      fields[0]!,
      {
        code: 'S',
        title: 'Điều tra xã hội học',
        criteria: [
          {
            code: 'S.0',
            title: 'Điều tra xã hội học',
            items: [leaf('S.1', 650, { type: 'survey', source: 'entered' }), leaf('S.2', 1800, { type: 'survey', source: 'entered' })],
          },
        ],
      },
    ]);
    const none = computeScores(fw, {});
    expect(none.surveyStatus).toMatchObject({ present: false, forms: null, formsBelowMinimum: false });
    const s = computeScores(fw, { 'S.1': manual(650), 'S.2': manual(1399) });
    expect(s.survey).toMatchObject({ points: 2049, max: 2450 });
    expect(s.surveyComplete).toBe(true);
    expect(computeScores(fw, { 'S.1': { input: { type: 'binary', done: true } } }).items['S.1']!.issues[0]!.code).toBe('WRONG_INPUT_TYPE');
  });
});

describe('rounding and groups as the framework states them', () => {
  const fields = [{ code: '1', title: 'L', criteria: [{ code: '1.1', title: 'T', items: [leaf('1.1', 20000, { type: 'manual', step: 1 })] }] }];
  it('79,995%: half up prints 80,00% and groups on it; truncation prints 79,99%; exact grouping puts it below 80%', () => {
    const e = { '1.1': manual(15999) }; // 15999 / 20000 = 79.995%
    const cases: [Framework['rounding'], number, string][] = [
      [{}, 8000, 'nhom-1'],
      [{ groupOn: 'exact' }, 8000, 'nhom-2'],
      [{ index: 'truncate' }, 7999, 'nhom-2'],
      [{ index: 'truncate', groupOn: 'exact' }, 7999, 'nhom-2'],
    ];
    for (const [rounding, index, group] of cases) {
      const s = computeScores(framework(fields, { rounding }), e);
      expect([s.indexPercent, s.group?.code]).toEqual([index, group]);
    }
  });

  it('points rounding applies to every division: ratio 1/3 of 1 point is 0,33 either way, 2/3 is 0,67 or 0,66', () => {
    const f = (points: 'half-up' | 'truncate') =>
      framework([{ code: '1', title: 'L', criteria: [{ code: '1.1', title: 'T', items: [leaf('1.1', 100, { type: 'ratio', numeratorLabel: 'a', denominatorLabel: 'b' })] }] }], { rounding: { points } });
    const e = (n: number) => ({ '1.1': { input: { type: 'ratio' as const, numerator: n, denominator: 3 } } });
    expect(computeScores(f('half-up'), e(2)).items['1.1']!.points).toBe(67);
    expect(computeScores(f('truncate'), e(2)).items['1.1']!.points).toBe(66);
    expect(computeScores(f('truncate'), e(1)).items['1.1']!.points).toBe(33);
  });

  it('a unit is in a group by the exact index exactly when exact × 10000 ≥ bound × max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (p) => {
        const s = computeScores(framework(fields, { rounding: { groupOn: 'exact', index: 'truncate' } }), { '1.1': manual(p) });
        const want = p * 10000 >= 8000 * 20000 ? 'nhom-1' : p * 10000 >= 7000 * 20000 ? 'nhom-2' : 'nhom-3';
        expect(s.group?.code).toBe(want);
        expect(s.indexPercent).toBe(Math.floor((p * 10000) / 20000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('unit types', () => {
  it('scores each type against its own maxima, rules, items and groups; without a type, the first listed and a flag', () => {
    const dk = computeScores(sampleFramework, { '1.7': { input: { type: 'increment', units: 2 } } }, undefined, { unitType: 'dac-khu' });
    expect(dk.unitType).toBe('dac-khu');
    expect(dk.items['1.7']).toMatchObject({ points: 100, max: 150 });
    expect(dk.items['7.7']).toBeUndefined();
    expect(dk.fields['7']!.max).toBe(1350);
    expect(dk.fields['3']!.max).toBe(1950);
    expect(sampleFramework.variants?.[0]?.groups?.map((g) => g.code)).toContain(dk.group?.code);
    const f = { input: { type: 'formula' as const, values: { buu_chinh: 30, thanh_toan: 50, tong_so: 100 } } };
    expect(computeScores(sampleFramework, { '3.8': f }, undefined, { unitType: 'dac-khu' }).items['3.8']!.points).toBe(170);
    const xa = computeScores(sampleFramework, {});
    expect([xa.unitType, xa.unitTypeAssumed]).toEqual(['xa', true]);
    expect(xa.items['7.7']).toBeDefined();
    expect(computeScores(sampleFramework, { '1.7': { input: { type: 'increment', units: 2 } } }).items['1.7']!.status).toBe('error');
    const phuong = computeScores(sampleFramework, { '3.8': { input: { type: 'ratio-target', numerator: 60, denominator: 100 } } }, undefined, { unitType: 'phuong' });
    expect(phuong.items['3.8']!.points).toBe(86); // 60% of a 70% target on 1 point
    expect(phuong.surveyStatus.minForms).toBe(30);
  });
});

describe('what must stop finalising', () => {
  it('lists item, criterion, adjustment and survey problems with their Vietnamese sentences, nothing for warnings', () => {
    const survey = {
      targetForms: 2,
      minForms: 2,
      respondentFacts: [],
      sections: [{ code: 'A', title: 'A', questions: [{ code: 'Q', text: 'Q', type: 'yesno' as const, options: [{ value: '1', label: 'Có', weight: 10000 }, { value: '2', label: 'Không', weight: 0 }], feeds: 'S.1', required: true }] }],
    };
    const fw = framework(
      [
        { code: '1', title: 'L', criteria: [{ code: '1.0', title: 'C', items: [leaf('1.1', 100, { type: 'binary' }), leaf('1.2', 100, { type: 'manual', step: 25 })] }] },
        { code: 'S', title: 'S', criteria: [{ code: 'S.0', title: 'S', items: [leaf('S.1', 100, { type: 'survey' })] }] },
      ],
      { survey, surveyPolicy: { belowMinimum: 'block' }, adjustments: [{ code: '9.1', title: 'T', scoringText: 'T', kind: 'bonus', cap: 100, rule: { type: 'manual', step: 25 }, evidence: [] }], adjustmentCaps: { bonus: 100, penalty: 0 } },
    );
    const s = computeScores(fw, { '1.0': { notApplicable: true }, '1.2': manual(30), '9.1': manual(200) });
    expect(blockingProblems(s).map((p) => [p.kind, p.code, p.issueCode])).toEqual([
      ['item', '1.2', 'NOT_A_STEP'],
      ['criterion', '1.0', 'NA_NOT_ALLOWED'],
      ['adjustment', '9.1', 'ABOVE_MAX'],
      ['survey', null, 'SURVEY_FORMS_BELOW_MINIMUM'],
    ]);
    const fine = computeScores(fw, { '1.1': binary(true) }, tallySurvey(survey, [{ formNo: '1', answers: { Q: '1' } }, { formNo: '2', answers: { Q: '2' } }]));
    expect(blockingProblems(fine)).toEqual([]);
  });
});
