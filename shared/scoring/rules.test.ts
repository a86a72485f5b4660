import { describe, expect, it } from 'vitest';
import { scoreItem, validateEntry } from './engine';
import type { ItemEntry } from './entry';
import { describeRule, evaluateRule } from './rules';
import { item } from './test-helpers';

const onTime = item(
  {
    type: 'bands',
    bands: [
      { minPercent: 10000, points: 400 },
      { minPercent: 9800, points: 300 },
      { minPercent: 9500, points: 200 },
    ],
    numeratorLabel: 'Số hồ sơ giải quyết đúng hạn',
    denominatorLabel: 'Tổng số hồ sơ đã giải quyết',
    complementLabel: 'Số hồ sơ quá hạn',
  },
  400,
);

const codes = (it: Parameters<typeof validateEntry>[0], e: ItemEntry) => validateEntry(it, e).map((i) => i.code);

describe('manual', () => {
  const manual = item({ type: 'manual', step: 25 }, 200);
  it('takes points in steps within the maximum', () => {
    expect(scoreItem(manual, { input: { type: 'manual', points: 125 } })).toMatchObject({ points: 125, status: 'scored', issues: [] });
    expect(scoreItem(manual, { input: { type: 'manual', points: 0 } }).points).toBe(0);
  });
  it('refuses values off the grid with stable codes', () => {
    expect(codes(manual, { input: { type: 'manual', points: 130 } })).toEqual(['NOT_A_STEP']);
    expect(codes(manual, { input: { type: 'manual', points: 225 } })).toEqual(['ABOVE_MAX']);
    expect(codes(manual, { input: { type: 'manual', points: -25 } })).toEqual(['NEGATIVE']);
    expect(codes(manual, { input: { type: 'manual', points: 12.5 } })).toEqual(['NOT_INTEGER']);
    const s = scoreItem(manual, { input: { type: 'manual', points: 225 } });
    expect(s).toMatchObject({ points: 0, status: 'error', applicableMax: 200 });
    expect(s.issues[0]!.message).toBe('Điểm 2,25 vượt điểm tối đa 2,00.');
  });
});

describe('binary', () => {
  const b = item({ type: 'binary' }, 50);
  it('done → max, not done → 0', () => {
    expect(scoreItem(b, { input: { type: 'binary', done: true } }).points).toBe(50);
    expect(scoreItem(b, { input: { type: 'binary', done: false } })).toMatchObject({ points: 0, status: 'scored' });
  });
});

describe('tiered', () => {
  const t = item(
    {
      type: 'tiered',
      levels: [
        { id: 'tot', label: 'Tốt', points: 250 },
        { id: 'dat', label: 'Đạt', points: 200 },
        { id: 'mot-phan', label: 'Một phần', points: 100 },
        { id: 'khong', label: 'Không', points: 0 },
      ],
    },
    250,
  );
  it('gives the level points', () => {
    expect(scoreItem(t, { input: { type: 'tiered', level: 'dat' } }).points).toBe(200);
    expect(scoreItem(t, { input: { type: 'tiered', level: 'tot' } }).points).toBe(250);
  });
  it('refuses an unknown level', () => {
    expect(codes(t, { input: { type: 'tiered', level: 'xuat-sac' } })).toEqual(['UNKNOWN_LEVEL']);
  });
});

describe('bands', () => {
  it('1,133 on time of 1,157 → 97.93% → band 95–<98 → 2 points', () => {
    expect(scoreItem(onTime, { input: { type: 'bands', numerator: 1133, denominator: 1157 } })).toMatchObject({
      points: 200,
      percent: 9793,
      status: 'scored',
    });
  });
  it('compares the exact fraction, bounds inclusive', () => {
    const s = (n: number, d: number) => scoreItem(onTime, { input: { type: 'bands', numerator: n, denominator: d } }).points;
    expect(s(1157, 1157)).toBe(400);
    expect(s(49, 50)).toBe(300); // exactly 98%
    expect(s(4899, 5000)).toBe(200); // 97.98%
    expect(s(19, 20)).toBe(200); // exactly 95%
    expect(s(9499, 10000)).toBe(0); // below every band
    // 97.995% prints as 98,00% but is below 98%: no rounding before comparing
    expect(s(19599, 20000)).toBe(200);
  });
  it('catches the seed sum that does not add up (1,133 + 15 ≠ 1,157)', () => {
    const issues = validateEntry(onTime, { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 15 } });
    expect(issues.map((i) => i.code)).toEqual(['COMPLEMENT_MISMATCH']);
    expect(issues[0]!.message).toContain('1148');
    expect(scoreItem(onTime, { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 15 } })).toMatchObject({ points: 0, status: 'error' });
    expect(codes(onTime, { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 24 } })).toEqual([]);
  });
  it('refuses impossible ratios', () => {
    expect(codes(onTime, { input: { type: 'bands', numerator: 5, denominator: 0 } })).toEqual(['DENOMINATOR_ZERO']);
    expect(codes(onTime, { input: { type: 'bands', numerator: 12, denominator: 10 } })).toEqual(['NUMERATOR_ABOVE_DENOMINATOR']);
    expect(codes(onTime, { input: { type: 'bands', numerator: -1, denominator: 10 } })).toEqual(['NEGATIVE']);
    expect(codes(onTime, { input: { type: 'bands', numerator: 1.5, denominator: 10 } })).toEqual(['NOT_INTEGER']);
  });
});

describe('ratio', () => {
  const r = item({ type: 'ratio', numeratorLabel: 'Hoàn thành', denominatorLabel: 'Kế hoạch', zeroBelowPercent: 8000 }, 150);
  const s = (n: number, d: number) => scoreItem(r, { input: { type: 'ratio', numerator: n, denominator: d } });
  it('23 of 28 tasks → 82.14% × 1.5 = 1.2321 → 1.23', () => {
    expect(s(23, 28)).toMatchObject({ points: 123, percent: 8214 });
  });
  it('full at 100%, proportional from 80%, zero below 80%', () => {
    expect(s(28, 28).points).toBe(150);
    expect(s(8, 10).points).toBe(120);
    expect(s(79, 100).points).toBe(0);
  });
  it('rounds half up: 1 of 8 × 1.00 = 0.125 → 0.13', () => {
    const plain = item({ type: 'ratio', numeratorLabel: 'a', denominatorLabel: 'b' }, 100);
    expect(scoreItem(plain, { input: { type: 'ratio', numerator: 1, denominator: 8 } }).points).toBe(13);
  });
});

describe('ratio-target', () => {
  const rt = item({ type: 'ratio-target', targetPercent: 8000, numeratorLabel: 'Trực tuyến', denominatorLabel: 'Tổng số' }, 250);
  const s = (n: number, d: number) => scoreItem(rt, { input: { type: 'ratio-target', numerator: n, denominator: d } }).points;
  it('60% of a target of 80% on max 2.5 → 1.875 → 1.88 (half up)', () => {
    expect(s(60, 100)).toBe(188);
  });
  it('at or above the target → max', () => {
    expect(s(80, 100)).toBe(250);
    expect(s(95, 100)).toBe(250);
    expect(s(0, 100)).toBe(0);
  });
});

describe('deduction', () => {
  const d = item({ type: 'deduction', perEvent: 25, floor: 0, eventLabel: 'Số báo cáo chậm' }, 100);
  const s = (events: number, it = d) => scoreItem(it, { input: { type: 'deduction', events } }).points;
  it('3 late reports × 0.25 from 1 → 0.25', () => {
    expect(s(3)).toBe(25);
    expect(s(0)).toBe(100);
  });
  it('never below the floor', () => {
    expect(s(9)).toBe(0);
    const floored = item({ type: 'deduction', perEvent: 50, floor: 100, eventLabel: 'Số vụ' }, 250);
    expect(s(2, floored)).toBe(150);
    expect(s(5, floored)).toBe(100);
  });
  it('refuses a fractional count', () => {
    expect(codes(d, { input: { type: 'deduction', events: 1.5 } })).toEqual(['NOT_INTEGER']);
  });
});

describe('entries in general', () => {
  it('refuses an input of the wrong type', () => {
    const b = item({ type: 'binary' }, 50);
    const issues = validateEntry(b, { input: { type: 'manual', points: 50 } });
    expect(issues.map((i) => i.code)).toEqual(['WRONG_INPUT_TYPE']);
    expect(issues[0]).toMatchObject({ severity: 'error', field: 'input' });
  });
  it('a survey item takes no input', () => {
    const sv = item({ type: 'survey' }, 375);
    expect(codes(sv, { input: { type: 'manual', points: 375 } })).toEqual(['WRONG_INPUT_TYPE']);
    expect(scoreItem(sv, undefined, 300)).toMatchObject({ points: 300, status: 'scored' });
    expect(scoreItem(sv, undefined)).toMatchObject({ points: 0, status: 'empty', applicableMax: 375 });
    expect(scoreItem(sv, undefined, 400).status).toBe('error');
  });
  it('no entry → empty, counted in the maximum', () => {
    expect(scoreItem(onTime, undefined)).toEqual({ code: 'X.1', points: 0, max: 400, applicableMax: 400, status: 'empty', issues: [] });
    expect(scoreItem(onTime, {}).status).toBe('empty');
  });
  it('not applicable: exclude, full, not allowed', () => {
    expect(scoreItem(item({ type: 'binary' }, 150, { notApplicable: 'exclude' }), { notApplicable: true })).toMatchObject({ points: 0, applicableMax: 0, status: 'na' });
    expect(scoreItem(item({ type: 'binary' }, 150, { notApplicable: 'full' }), { notApplicable: true })).toMatchObject({ points: 150, applicableMax: 150, status: 'na' });
    const refused = scoreItem(item({ type: 'binary' }, 150), { notApplicable: true, input: { type: 'binary', done: true } });
    expect(refused).toMatchObject({ points: 0, applicableMax: 150, status: 'error' });
    expect(refused.issues.map((i) => i.code)).toEqual(['NA_NOT_ALLOWED']);
  });
  it('a N/A mark wins over a stale input', () => {
    const full = item({ type: 'manual', step: 25 }, 150, { notApplicable: 'full' });
    expect(scoreItem(full, { notApplicable: true, input: { type: 'manual', points: 999 } })).toMatchObject({ points: 150, status: 'na', issues: [] });
  });
});

describe('describeRule', () => {
  it('explains a rule in Vietnamese with Vietnamese numbers', () => {
    expect(describeRule({ type: 'deduction', perEvent: 25, floor: 0, eventLabel: 'Số báo cáo chậm' }, 100)).toBe(
      '1,00 điểm, trừ 0,25 mỗi lần (số báo cáo chậm), thấp nhất 0,00.',
    );
    expect(describeRule(onTime.rule, 400)).toBe('từ 100,00%: 4,00; từ 98,00%: 3,00; từ 95,00%: 2,00; thấp hơn: 0.');
  });
});

describe('deductions as outcomes of a rule', () => {
  it('binary: not done gives 0 and deducts (notDonePoints), done gives the maximum', () => {
    const plan = item({ type: 'binary', notDonePoints: -25 }, 50);
    expect(scoreItem(plan, { input: { type: 'binary', done: false } })).toMatchObject({ points: -25, status: 'scored' });
    expect(scoreItem(plan, { input: { type: 'binary', done: true } }).points).toBe(50);
    expect(describeRule(plan.rule, 50)).toBe('Đạt: 0,50 điểm; không đạt: 0 điểm và bị trừ 0,25 điểm.');
  });
  it('tiered: a level may deduct', () => {
    const t = item({ type: 'tiered', levels: [{ id: 'dung-han', label: 'Đúng hạn', points: 100 }, { id: 'khong', label: 'Không gửi', points: -25 }] }, 100);
    expect(scoreItem(t, { input: { type: 'tiered', level: 'khong' } }).points).toBe(-25);
    expect(describeRule(t.rule, 100)).toBe('Đúng hạn: 1,00; Không gửi: 0 điểm và bị trừ 0,25.');
  });
  it('deduction: a negative floor lets the deduction go below zero, never further', () => {
    const d = item({ type: 'deduction', perEvent: 25, floor: -50, eventLabel: 'Số báo cáo chậm' }, 100);
    expect([0, 3, 4, 5, 6, 7, 1e15].map((events) => scoreItem(d, { input: { type: 'deduction', events } }).points)).toEqual([100, 25, 0, -25, -50, -50, -50]);
  });
});

describe('increment: "+0,5 điểm cho mỗi …, tối đa …"', () => {
  const inc = item({ type: 'increment', perUnit: 50, unitLabel: 'Số sáng kiến được công nhận' }, 150);
  it('adds per unit up to the maximum', () => {
    expect([0, 1, 2, 3, 4, Number.MAX_SAFE_INTEGER].map((units) => scoreItem(inc, { input: { type: 'increment', units } }).points)).toEqual([0, 50, 100, 150, 150, 150]);
    expect(describeRule(inc.rule, 150)).toBe('Cộng 0,50 điểm cho mỗi đơn vị (số sáng kiến được công nhận), tối đa 1,50 điểm.');
  });
  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(codes(inc, { input: { type: 'increment', units: -1 } })).toEqual(['NEGATIVE']);
    expect(codes(inc, { input: { type: 'increment', units: 1.5 } })).toEqual(['NOT_INTEGER']);
    expect(validateEntry(inc, { input: { type: 'increment', units: -1 } })[0]).toMatchObject({ field: 'units', message: 'Số sáng kiến được công nhận không được âm.' });
  });
});

describe('formula', () => {
  const tasks = item(
    {
      type: 'formula',
      inputs: [
        { name: 'dung_han', label: 'Số nhiệm vụ hoàn thành đúng hạn' },
        { name: 'duoc_giao', label: 'Số nhiệm vụ được giao' },
        { name: 'ty_le_hl', label: 'Tỷ lệ hài lòng (%)', kind: 'number' },
      ],
      expression: '2 × dung_han / duoc_giao + (ty_le_hl >= 90) × 0,5 − (ty_le_hl < 50)',
      floor: -100,
    },
    250,
  );
  const f = (values: Record<string, number>): ItemEntry => ({ input: { type: 'formula', values } });
  it('evaluates exactly and rounds once to the hundredth, kept within floor..max', () => {
    expect(scoreItem(tasks, f({ dung_han: 23, duoc_giao: 28, ty_le_hl: 90 })).points).toBe(214); // 1.642857… + 0.5
    expect(scoreItem(tasks, f({ dung_han: 28, duoc_giao: 28, ty_le_hl: 98.5 })).points).toBe(250);
    expect(scoreItem(tasks, f({ dung_han: 0, duoc_giao: 28, ty_le_hl: 10 })).points).toBe(-100);
  });
  it('names every problem with the input it is about', () => {
    expect(codes(tasks, f({ dung_han: 23, duoc_giao: 28 }))).toEqual(['FORMULA_INPUT_MISSING']);
    expect(validateEntry(tasks, f({ dung_han: 23, duoc_giao: 28 }))[0]!.message).toBe('Chưa nhập "Tỷ lệ hài lòng (%)".');
    expect(codes(tasks, f({ dung_han: 23.5, duoc_giao: 28, ty_le_hl: 1 }))).toEqual(['NOT_INTEGER']);
    expect(codes(tasks, f({ dung_han: -1, duoc_giao: 28, ty_le_hl: 1 }))).toEqual(['NEGATIVE']);
    expect(codes(tasks, f({ dung_han: 1, duoc_giao: 28, ty_le_hl: Number.POSITIVE_INFINITY }))).toEqual(['NOT_A_NUMBER']);
    expect(codes(tasks, f({ dung_han: 1, duoc_giao: 28, ty_le_hl: 1, constructor: 3 }))).toEqual(['FORMULA_UNKNOWN_INPUT']);
    const zero = validateEntry(tasks, f({ dung_han: 0, duoc_giao: 0, ty_le_hl: 95 }));
    expect(zero.map((i) => i.code)).toEqual(['DIVISION_BY_ZERO']);
    expect(zero[0]!.message).toMatch(/^Công thức chia cho 0 \(ở ký tự 14 của/u);
  });
  it('a record without the names (or with only inherited ones) is missing them all', () => {
    expect(codes(tasks, f(Object.create({ dung_han: 1, duoc_giao: 1, ty_le_hl: 1 }) as Record<string, number>))).toEqual(Array(3).fill('FORMULA_INPUT_MISSING'));
  });
  it('rounds by the framework: 2 × 2/3 = 1,33 either way; 2 × 5/6 = 1,67 half up, 1,66 truncated', () => {
    const two = item({ type: 'formula', inputs: [{ name: 'a', label: 'a' }, { name: 'b', label: 'b' }], expression: '2 × a / b' }, 200);
    expect(evaluateRule(two.rule, 200, { type: 'formula', values: { a: 2, b: 3 } }, 'half-up').points).toBe(133);
    expect(evaluateRule(two.rule, 200, { type: 'formula', values: { a: 5, b: 6 } }, 'half-up').points).toBe(167);
    expect(evaluateRule(two.rule, 200, { type: 'formula', values: { a: 5, b: 6 } }, 'truncate').points).toBe(166);
  });
});

describe('survey points entered per aspect', () => {
  const aspect = item({ type: 'survey', source: 'entered', step: 1 }, 650);
  it('takes a manual input within the aspect\'s maximum', () => {
    expect(scoreItem(aspect, { input: { type: 'manual', points: 650 } })).toMatchObject({ points: 650, status: 'scored' });
    expect(codes(aspect, { input: { type: 'manual', points: 651 } })).toEqual(['ABOVE_MAX']);
    expect(scoreItem(aspect, undefined, 300).status).toBe('empty');
  });
});
