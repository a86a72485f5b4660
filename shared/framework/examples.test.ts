/**
 * The excerpts in docs/examples/ (sources in docs/examples/README.md) load, and the entries their
 * sources document give exactly the points those sources print, totals included.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ItemEntry } from '../scoring/entry';
import { computeScores } from '../scoring/engine';
import type { Framework } from './schema';
import { parseFramework } from './validate';

function load(name: string): Framework {
  const r = parseFramework(JSON.parse(readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
  return r.framework;
}
const manual = (points: number): ItemEntry => ({ input: { type: 'manual', points } });
const formula = (values: Record<string, number>): ItemEntry => ({ input: { type: 'formula', values } });

describe('Nam Định 2020: 62,62 of 70 appraised points, no survey yet, printed 89,45%', () => {
  const fw = load('nam-dinh-2020.json');
  it('reproduces 89,45% (Nhóm II) under the rule the framework states: survey left out, index cut to two decimals', () => {
    const s = computeScores(fw, { 'A.1': manual(6262) });
    expect(s.total).toMatchObject({ points: 6262, applicableMax: 7000 });
    expect(s.indexPercent).toBe(8945);
    expect(s.group?.code).toBe('nhom-2');
    expect(s.surveyStatus.treatment).toBe('rescaled');
    // the district block's 61,46 of 70 → 87,80%
    expect(computeScores(fw, { 'A.1': manual(6146) }).indexPercent).toBe(8780);
  });
  it('does not reproduce under half-up rounding (89,46%): the rule matters', () => {
    expect(computeScores({ ...fw, rounding: { index: 'half-up' } }, { 'A.1': manual(6262) }).indexPercent).toBe(8946);
  });
});

describe('Tuyên Quang 2021 (Chiêm Hóa): survey points per aspect 6,5/6,5 + 13,99/18 = 20,49/24,5', () => {
  const fw = load('tuyen-quang-2021-dieu-tra-xa-hoi-hoc.json');
  it('gives the aspects, the survey total and the field total the report prints', () => {
    const s = computeScores(fw, { 'XH.1': manual(650), 'XH.2': manual(1399) });
    expect([s.criteria['XH.1']!.points, s.criteria['XH.2']!.points]).toEqual([650, 1399]);
    expect(s.survey).toMatchObject({ points: 2049, max: 2450 });
    expect(s.fields['XH']).toMatchObject({ points: 2049, max: 2450 });
    expect(s.surveyComplete).toBe(true);
  });
  it('with the appraised points the report implies (76,97 − 20,49 = 56,48), the index is 76,97%', () => {
    const s = computeScores(fw, { 'TD.1': manual(5648), 'XH.1': manual(650), 'XH.2': manual(1399) });
    expect(s.indexPercent).toBe(7697);
  });
});

describe('QĐ 766/QĐ-TTg: the satisfaction group is 18 of 100 points, from three ratios', () => {
  const fw = load('qd-766-2022-muc-do-hai-long.json');
  const all = {
    '5.1': formula({ dung_han: 40, tong_so: 40 }),
    '5.2': formula({ tong_so: 40, khong_hai_long: 0 }),
    '5.3': formula({ tong_so: 1200, khong_hai_long: 0 }),
  };
  it('every ratio at 100% gives the group its 18 points', () => {
    const s = computeScores(fw, all);
    expect(s.fields['5']).toMatchObject({ points: 1800, max: 1800 });
  });
  it('the ratios are the decision\'s formulas: 38 of 40 on time, 2 of 40 unsatisfied, 12 of 1,200 dossiers unsatisfied', () => {
    const s = computeScores(fw, {
      '5.1': formula({ dung_han: 38, tong_so: 40 }),
      '5.2': formula({ tong_so: 40, khong_hai_long: 2 }),
      '5.3': formula({ tong_so: 1200, khong_hai_long: 12 }),
    });
    expect(['5.1', '5.2', '5.3'].map((c) => s.items[c]!.points)).toEqual([570, 570, 594]);
    expect(s.fields['5']!.points).toBe(1734);
  });
  it('no petition in the period: the two petition ratios divide by zero, so the entry is refused until marked N/A', () => {
    const s = computeScores(fw, { ...all, '5.1': formula({ dung_han: 0, tong_so: 0 }) });
    expect(s.items['5.1']!.issues[0]!.code).toBe('DIVISION_BY_ZERO');
    expect(computeScores(fw, { ...all, '5.1': { notApplicable: true }, '5.2': { notApplicable: true } }).fields['5']!.points).toBe(1800);
  });
});

describe('illustration: deductions inside a criterion, a criterion not applicable, increments, formulas, phường', () => {
  const fw = load('minh-hoa-chi-dao-dieu-hanh.json');
  const entries: Record<string, ItemEntry> = {
    '1.1': { input: { type: 'binary', done: false } },
    '1.2': { input: { type: 'ratio', numerator: 46, denominator: 46 } },
    '1.3': { input: { type: 'tiered', level: 'day-du' } },
    '2.1': { input: { type: 'ratio', numerator: 121, denominator: 125, complement: 4 } },
    '2.2': { input: { type: 'binary', done: true } },
    '3': { input: { type: 'increment', units: 3 } },
    '4': formula({ da_kiem_tra: 6, ke_hoach: 6, ton_tai: 4, da_khac_phuc: 4 }),
    '5': { input: { type: 'binary', done: true } },
  };
  it('the field is 11,67, not the 11,92 a sheet prints when the 0,25 deducted in criterion 1 only reaches the index', () => {
    const s = computeScores(fw, entries);
    expect(s.criteria['1']!.points).toBe(275);
    expect(s.criteria['2']!.points).toBe(342);
    expect(s.fields['I']!.points).toBe(1167);
    expect(s.total.points).toBe(1167);
    const positives = Object.values(s.items).reduce((a, i) => a + Math.max(0, i.points), 0);
    expect(positives).toBe(1192);
    expect([s.indexPercent, s.group?.code]).toEqual([8977, 'tot']);
  });
  it('criterion 2 not applicable ("không có nhiệm vụ được giao: được tính 03 điểm") counts 3 of its 3,5 points', () => {
    const s = computeScores(fw, { ...entries, '2': { notApplicable: true } });
    expect(s.criteria['2']).toMatchObject({ points: 300, notApplicable: 'points' });
    expect(s.fields['I']!.points).toBe(1167 - 342 + 300);
  });
  it('criterion 1 never goes below 0; the formula deducts 0,5 while a problem is not fixed', () => {
    expect(computeScores(fw, { '1.1': entries['1.1']! }).criteria['1']).toMatchObject({ points: 0, floorLift: 25 });
    expect(computeScores(fw, { '4': formula({ da_kiem_tra: 6, ke_hoach: 6, ton_tai: 4, da_khac_phuc: 3 }) }).items['4']!.points).toBe(250);
  });
  it('a phường: sáng kiến up to 1 point, tuyên truyền 1,5', () => {
    const s = computeScores(fw, entries, undefined, { unitType: 'phuong' });
    expect([s.items['3']!.points, s.items['5']!.points, s.total.max]).toEqual([100, 150, 1300]);
  });
});
