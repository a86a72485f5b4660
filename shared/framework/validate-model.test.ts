import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ItemEntry } from '../scoring/entry';
import { computeScores } from '../scoring/engine';
import type { Framework } from './schema';
import { sampleFramework } from './sample';
import { parseFramework } from './validate';

function copy(): Framework {
  return structuredClone(sampleFramework);
}

function issuesOf(json: unknown): { path: string; message: string }[] {
  const r = parseFramework(json);
  if (r.ok) throw new Error('expected the framework to be refused');
  return r.issues;
}

/** The sample with one multi-item criterion in field 1 (items 1.9.1, 1.9.2 of 0,5 each, in place of 1.8). */
function withGroupCriterion(): Framework {
  const fw = copy();
  const f1 = fw.fields[0]!;
  delete f1.criteria[6]!.items[0]!.variants; // 1.7 weighs 1 point for every type
  f1.criteria[7] = {
    code: '1.9',
    title: 'Nhiệm vụ được giao',
    items: [
      { code: '1.9.1', title: 'A', scoringText: 'A', maxPoints: 50, rule: { type: 'binary' }, evidence: [], notApplicable: 'not-allowed', required: true },
      { code: '1.9.2', title: 'B', scoringText: 'B', maxPoints: 50, rule: { type: 'binary' }, evidence: [], notApplicable: 'not-allowed', required: true },
    ],
  };
  return fw;
}

describe('parseFramework: the new settings, misuse reported by place in Vietnamese', () => {
  it('a whole criterion N/A: on its own items only, with fixed points within its maximum', () => {
    const fw = withGroupCriterion();
    expect(parseFramework(fw).ok).toBe(true);
    const c = fw.fields[0]!.criteria[7]!;
    c.notApplicable = 'points';
    expect(issuesOf(fw)).toEqual([{ path: 'fields[0].criteria[7].notApplicablePoints', message: 'Tiêu chí 1.9: "Không áp dụng" tính số điểm cố định nên phải khai notApplicablePoints.' }]);
    c.notApplicablePoints = 150;
    expect(issuesOf(fw)).toEqual([{ path: 'fields[0].criteria[7].notApplicablePoints', message: 'Tiêu chí 1.9: "Không áp dụng" tính 1,50 điểm, vượt điểm tối đa của tiêu chí 1,00.' }]);
    c.notApplicablePoints = 75;
    expect(parseFramework(fw).ok).toBe(true);
    c.notApplicable = 'full';
    expect(issuesOf(fw)[0]!.message).toBe('Tiêu chí 1.9: notApplicablePoints chỉ dùng khi notApplicable là "points".');
    delete c.notApplicable;
    delete c.notApplicablePoints;
    c.notApplicableWhen = 'Không có nhiệm vụ được giao';
    expect(issuesOf(fw)[0]).toEqual({ path: 'fields[0].criteria[7].notApplicableWhen', message: 'Tiêu chí 1.9: có điều kiện "Không áp dụng" nhưng chưa khai notApplicable.' });
  });

  it('refuses the impossible mixes: N/A on a criterion scored directly, on a survey-only criterion, on a survey item', () => {
    const fw = copy();
    fw.fields[0]!.criteria[5]!.notApplicable = 'full'; // 1.6, scored directly, already says N/A on its item
    fw.fields[7]!.criteria[0]!.notApplicable = 'exclude'; // 8.1: survey aspects only
    fw.fields[7]!.criteria[1]!.items[0]!.notApplicable = 'full'; // 8.2.1: a survey aspect marked N/A would score without forms
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({
      path: 'fields[0].criteria[5].notApplicable',
      message: 'Tiêu chí 1.6 chấm trực tiếp (một tiêu chí thành phần cùng mã): khai "Không áp dụng" ở tiêu chí thành phần (items[0].notApplicable), không khai ở tiêu chí.',
    });
    expect(issues).toContainEqual({ path: 'fields[7].criteria[0].notApplicable', message: 'Tiêu chí 8.1 chỉ gồm các tiêu chí chấm theo khảo sát nên không thể "Không áp dụng" cả tiêu chí.' });
    expect(issues.find((i) => i.path === 'fields[7].criteria[1].items[0].notApplicable')?.message).toMatch(/^Mục 8.2.1 chấm theo khảo sát nên không thể đánh dấu "Không áp dụng"/u);
    expect(issues).toHaveLength(3);
  });

  it('fixed points on an item: required with "points", within its maximum, nowhere else', () => {
    const fw = copy();
    const item16 = fw.fields[0]!.criteria[5]!.items[0]!;
    item16.notApplicablePoints = 250;
    fw.fields[0]!.criteria[0]!.items[0]!.notApplicablePoints = 25;
    expect(issuesOf(fw)).toEqual([
      { path: 'fields[0].criteria[0].items[0].notApplicablePoints', message: 'Mục 1.1: notApplicablePoints chỉ dùng khi notApplicable là "points".' },
      { path: 'fields[0].criteria[5].items[0].notApplicablePoints', message: 'Mục 1.6: "Không áp dụng" tính 2,50 điểm, vượt điểm tối đa 2,00.' },
    ]);
  });

  it('floors are ≤ 0; printed numbers do not repeat among siblings', () => {
    const fw = copy();
    fw.fields[1]!.floor = 50;
    fw.fields[0]!.criteria[2]!.floor = 25;
    fw.fields[2]!.numbering = 'I';
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({ path: 'fields[1].floor', message: 'Lĩnh vực 2: điểm sàn 0,50 phải ≤ 0 (0: không để lĩnh vực bị âm điểm).' });
    expect(issues).toContainEqual({ path: 'fields[0].criteria[2].floor', message: 'Tiêu chí 1.3: điểm sàn 0,25 phải ≤ 0 (0: tiêu chí không bị âm điểm; số âm: mức trừ tối đa).' });
    expect(issues).toContainEqual({ path: 'fields[2].numbering', message: 'Số thứ tự "I" của lĩnh vực 3 trùng với lĩnh vực 1.' });
  });

  it('formulas: syntax with its position, names declared and used, floor below the maximum', () => {
    const fw = withGroupCriterion();
    const item = fw.fields[0]!.criteria[7]!.items[0]!;
    item.rule = { type: 'formula', inputs: [{ name: 'a', label: 'A' }, { name: 'b', label: 'B' }, { name: 'a', label: 'A lần 2' }, { name: 'min', label: 'Hàm' }], expression: '0,5 × a / (b', floor: 50 };
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({ path: 'fields[0].criteria[7].items[0].rule.expression', message: 'Mục 1.9.1: công thức không hợp lệ ở ký tự 13: thiếu dấu ")".' });
    expect(issues).toContainEqual({ path: 'fields[0].criteria[7].items[0].rule.inputs[2].name', message: 'Mục 1.9.1: biến "a" bị khai trùng.' });
    expect(issues).toContainEqual({ path: 'fields[0].criteria[7].items[0].rule.inputs[3].name', message: 'Mục 1.9.1: "min" là tên hàm, không dùng làm tên biến.' });
    expect(issues).toContainEqual({ path: 'fields[0].criteria[7].items[0].rule.floor', message: 'Mục 1.9.1: điểm sàn 0,50 phải nhỏ hơn điểm tối đa 0,50.' });
    item.rule = { type: 'formula', inputs: [{ name: 'a', label: 'A' }, { name: 'khong_dung', label: 'B' }], expression: 'a + constructor' };
    expect(issuesOf(fw)).toEqual([
      { path: 'fields[0].criteria[7].items[0].rule.expression', message: 'Mục 1.9.1: công thức dùng "constructor" nhưng không có biến nào tên đó trong inputs (có: a, khong_dung).' },
      { path: 'fields[0].criteria[7].items[0].rule.inputs[1]', message: 'Mục 1.9.1: biến "khong_dung" được khai nhưng công thức không dùng.' },
    ]);
    item.rule = { type: 'formula', inputs: [{ name: 'Bad-Name', label: 'A' }], expression: '1' };
    expect(issuesOf(fw)[0]!.path).toBe('fields[0].criteria[7].items[0].rule.inputs[0].name');
  });

  it('increments within the maximum; survey points entered are not fed by questions and step only goes with them', () => {
    const fw = copy();
    fw.fields[0]!.criteria[6]!.items[0]!.rule = { type: 'increment', perUnit: 150, unitLabel: 'Số sáng kiến' };
    fw.fields[7]!.criteria[0]!.items[0]!.rule = { type: 'survey', source: 'entered', step: 50 };
    fw.fields[7]!.criteria[0]!.items[1]!.rule = { type: 'survey', step: 25 };
    const issues = issuesOf(fw);
    // đặc khu has its own rule for 1.7 (a variant), so the base rule's problem concerns the others only
    expect(issues).toContainEqual({ path: 'fields[0].criteria[6].items[0].rule.perUnit', message: 'Với xã, phường: Mục 1.7: mỗi đơn vị cộng 1,50 điểm, vượt điểm tối đa 1,00.' });
    expect(issues).toContainEqual({ path: 'fields[7].criteria[0].items[0].rule.step', message: 'Mục 8.1.1: điểm tối đa 3,75 không chia hết cho bước điểm 0,50.' });
    expect(issues).toContainEqual({ path: 'fields[7].criteria[0].items[1].rule.step', message: 'Mục 8.1.2: bước điểm chỉ dùng khi điểm khảo sát được nhập (source "entered").' });
    expect(issues).toContainEqual({
      path: 'survey.sections[0].questions[0].feeds',
      message: 'Câu A1 tính điểm cho 8.1.1, nhưng điểm khảo sát của 8.1.1 được nhập trực tiếp (source "entered"), không tính từ phiếu.',
    });
  });

  it('unit types: named types only, no overlap, a variant changes something, a child within its parent', () => {
    const fw = copy();
    fw.unitTypes = ['xa', 'phuong'];
    delete fw.variants;
    for (const c of fw.fields[0]!.criteria) for (const i of c.items) delete i.variants;
    for (const f of fw.fields) delete f.variants;
    for (const c of fw.fields[2]!.criteria) for (const i of c.items) delete i.variants;
    const i11 = fw.fields[0]!.criteria[0]!.items[0]!;
    i11.variants = [{ unitTypes: ['phuong'] }, { unitTypes: ['phuong', 'thi-tran'], maxPoints: 100 }];
    fw.fields[1]!.criteria[0]!.unitTypes = ['xa'];
    fw.fields[1]!.criteria[0]!.items[0]!.unitTypes = ['phuong'];
    expect(issuesOf(fw)).toEqual([
      { path: 'fields[0].criteria[0].items[0].variants[0]', message: 'Tiêu chí thành phần 1.1: biến thể cho phường không thay đổi gì; hãy khai giá trị khác biệt hoặc bỏ biến thể.' },
      { path: 'fields[0].criteria[0].items[0].variants[1].unitTypes[0]', message: 'Tiêu chí thành phần 1.1: loại đơn vị phường đã có ở biến thể thứ 1.' },
      { path: 'fields[0].criteria[0].items[0].variants[1].unitTypes[1]', message: 'Tiêu chí thành phần 1.1: loại đơn vị thị trấn không có trong danh sách loại đơn vị của bộ tiêu chí (xã, phường).' },
      { path: 'fields[1].criteria[0].items[0].unitTypes[0]', message: 'Tiêu chí thành phần 2.1 áp dụng cho phường nhưng cấp trên của nó không áp dụng cho phường.' },
      // and what follows: 2.1 applies to no type, so field 2 and the total are 2 points short for both
      { path: 'fields[1].maxPoints', message: 'Lĩnh vực 2 khai điểm tối đa 7,00 nhưng tổng các tiêu chí là 5,00.' },
      { path: 'totalMax', message: 'Tổng điểm tối đa khai là 100,00 nhưng tổng các lĩnh vực là 98,00.' },
    ]);
  });

  it('a variant naming a type the framework does not list is refused at the variant', () => {
    const fw = copy();
    fw.unitTypes = ['xa', 'phuong'];
    expect(issuesOf(fw)).toContainEqual({ path: 'variants[0].unitTypes[0]', message: 'Bộ tiêu chí: loại đơn vị đặc khu không có trong danh sách loại đơn vị của bộ tiêu chí (xã, phường).' });
  });

  it('what differs for one type is checked for that type, reported at the variant, naming the type', () => {
    const fw = copy();
    fw.fields[2]!.variants = [{ unitTypes: ['dac-khu'], maxPoints: 1900 }];
    fw.variants![0]!.groups![1]!.minPercent = 9000;
    fw.fields[0]!.criteria[6]!.items[0]!.variants![0]!.maxPoints = 125;
    fw.fields[2]!.criteria[7]!.items[0]!.variants![1]!.rule = { type: 'formula', inputs: [{ name: 'a', label: 'A' }], expression: 'a ×' };
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({ path: 'fields[2].criteria[7].items[0].variants[1].rule.expression', message: 'Với đặc khu: Mục 3.8: công thức không hợp lệ ở ký tự 4: công thức kết thúc khi còn thiếu một giá trị.' });
    expect(issues).toContainEqual({ path: 'fields[2].variants[0].maxPoints', message: 'Với đặc khu: Lĩnh vực 3 khai điểm tối đa 19,00 nhưng tổng các tiêu chí là 19,50.' });
    expect(issues).toContainEqual({ path: 'variants[0].groups[1].minPercent', message: 'Với đặc khu: Các nhóm phải xếp theo ngưỡng giảm dần: "Nhóm 2: từ 65% đến dưới 80%" (từ 90,00%) đứng sau "Nhóm 1: từ 80% trở lên" (từ 80,00%).' });
    expect(issues.some((i) => i.path === 'fields[0].maxPoints' && i.message.startsWith('Với đặc khu: Lĩnh vực 1 khai điểm tối đa 9,00 nhưng tổng các tiêu chí là 8,75.'))).toBe(true);
    expect(issues.some((i) => i.path === 'totalMax' && i.message.startsWith('Với đặc khu:'))).toBe(true);
  });

  it('a type that no item applies to is refused', () => {
    const fw = copy();
    fw.unitTypes = ['xa', 'phuong', 'dac-khu', 'thi-tran'];
    for (const f of fw.fields) f.unitTypes = ['xa', 'phuong', 'dac-khu'];
    expect(issuesOf(fw)).toContainEqual({ path: 'unitTypes', message: 'Không có tiêu chí nào áp dụng cho thị trấn.' });
  });

  it('a "__proto__" key in a file is an unknown key, never a prototype', () => {
    const text = JSON.stringify(sampleFramework).replace('"schemaVersion":1,', '"__proto__":{"sample":false},"schemaVersion":1,');
    const issues = issuesOf(JSON.parse(text));
    expect(issues).toContainEqual({ path: '(gốc)', message: 'Khóa không có trong định dạng: __proto__.' });
  });
});

describe('frameworks written before these settings', () => {
  const before = JSON.parse(readFileSync(new URL('./fixtures/sample-framework-before-variants.json', import.meta.url), 'utf8')) as unknown;

  it('still load, unchanged (so their hash is unchanged): no default is added to the parsed object', () => {
    const r = parseFramework(before);
    expect(r.ok).toBe(true);
    expect(r.ok && r.framework).toEqual(before);
  });

  it('score every entry exactly as the current sample scores a xã that uses none of the new settings', () => {
    const old = parseFramework(before);
    if (!old.ok) throw new Error('old sample refused');
    const items = sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).filter((i) => i.rule.type !== 'survey');
    const arbEntry = fc.constantFrom(...items).chain((it) => {
      const r = it.rule;
      const input: fc.Arbitrary<ItemEntry> =
        r.type === 'binary'
          ? fc.constant({ input: { type: 'binary', done: true } })
          : r.type === 'tiered'
            ? fc.constantFrom(...r.levels.map((l) => ({ input: { type: 'tiered' as const, level: l.id } })))
            : r.type === 'deduction'
              ? fc.nat(10).map((events) => ({ input: { type: 'deduction' as const, events } }))
              : r.type === 'bands' || r.type === 'ratio' || r.type === 'ratio-target'
                ? fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 50 })).map(([n, d]) => ({ input: { type: r.type, numerator: Math.min(n, d), denominator: d } }))
                : fc.constant({});
      const na = it.notApplicable !== 'not-allowed' && it.notApplicable !== 'points' ? fc.constant({ notApplicable: true }) : input;
      return fc.tuple(fc.constant(it.code), fc.oneof(input, na));
    });
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 45 }), (pairs) => {
        const entries = Object.fromEntries(pairs);
        const a = computeScores(old.framework, entries);
        const b = computeScores(sampleFramework, entries);
        expect([b.total, b.indexPercent, b.group, b.fields]).toEqual([a.total, a.indexPercent, a.group, a.fields]);
      }),
      { numRuns: 200 },
    );
  });
});
