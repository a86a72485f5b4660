/**
 * Checks of a framework resolved for one unit type (see unit-types.ts): codes unique across the
 * tree, declared sums, printed numbering, floors, not-applicable criteria, rules, groups and
 * adjustments. validate.ts maps the paths back to the file and adds the unit type to messages.
 */
import { formatPercent, formatPoints } from './points';
import type { Framework, FrameworkCriterion, FrameworkItem } from './schema';
import type { Add } from './validate-rules';
import { checkItemNotApplicable, checkRule } from './validate-rules';

export interface TreeFacts {
  fieldCodes: Set<string>;
  criterionCodes: Set<string>;
  /** Item and adjustment codes: the keys of entries. */
  entryCodes: Map<string, string>;
  surveyItems: Map<string, FrameworkItem>;
}

/** Printed numbers must not repeat among siblings: a typo there misleads whoever reads the table. */
function checkNumbering(nodes: readonly { numbering?: string | undefined; code: string }[], path: (i: number) => string, what: string, add: Add): void {
  const seen = new Map<string, string>();
  nodes.forEach((n, i) => {
    if (n.numbering === undefined) return;
    const first = seen.get(n.numbering);
    if (first !== undefined) add(`${path(i)}.numbering`, `Số thứ tự "${n.numbering}" của ${what} ${n.code} trùng với ${what} ${first}.`);
    else seen.set(n.numbering, n.code);
  });
}

function checkCriterionNotApplicable(c: FrameworkCriterion, cPath: string, itemsMax: number, add: Add): void {
  const p = formatPoints;
  const direct = c.items.length === 1 && c.items[0]!.code === c.code;
  if (c.notApplicable === undefined) {
    if (c.notApplicablePoints !== undefined) add(`${cPath}.notApplicablePoints`, `Tiêu chí ${c.code}: notApplicablePoints chỉ dùng khi notApplicable là "points".`);
    if (c.notApplicableWhen !== undefined) add(`${cPath}.notApplicableWhen`, `Tiêu chí ${c.code}: có điều kiện "Không áp dụng" nhưng chưa khai notApplicable.`);
    return;
  }
  if (direct) {
    add(
      `${cPath}.notApplicable`,
      `Tiêu chí ${c.code} chấm trực tiếp (một tiêu chí thành phần cùng mã): khai "Không áp dụng" ở tiêu chí thành phần (items[0].notApplicable), không khai ở tiêu chí.`,
    );
    return;
  }
  if (c.items.every((i) => i.rule.type === 'survey')) {
    add(`${cPath}.notApplicable`, `Tiêu chí ${c.code} chỉ gồm các tiêu chí chấm theo khảo sát nên không thể "Không áp dụng" cả tiêu chí.`);
  }
  if (c.notApplicable === 'points') {
    if (c.notApplicablePoints === undefined) add(`${cPath}.notApplicablePoints`, `Tiêu chí ${c.code}: "Không áp dụng" tính số điểm cố định nên phải khai notApplicablePoints.`);
    else if (c.notApplicablePoints > itemsMax) {
      add(`${cPath}.notApplicablePoints`, `Tiêu chí ${c.code}: "Không áp dụng" tính ${p(c.notApplicablePoints)} điểm, vượt điểm tối đa của tiêu chí ${p(itemsMax)}.`);
    }
  } else if (c.notApplicablePoints !== undefined) {
    add(`${cPath}.notApplicablePoints`, `Tiêu chí ${c.code}: notApplicablePoints chỉ dùng khi notApplicable là "points".`);
  }
}

export function checkTree(fw: Framework, add: Add): TreeFacts {
  const p = formatPoints;
  const facts: TreeFacts = { fieldCodes: new Set(), criterionCodes: new Set(), entryCodes: new Map(), surveyItems: new Map() };
  const { fieldCodes, criterionCodes, entryCodes, surveyItems } = facts;
  const claim = (code: string, path: string, what: string): void => {
    if (entryCodes.has(code)) add(path, `Mã ${code} của ${what} bị trùng (đã dùng ở ${entryCodes.get(code)}).`);
    else entryCodes.set(code, path);
  };

  let total = 0;
  checkNumbering(fw.fields, (i) => `fields[${i}]`, 'lĩnh vực', add);
  fw.fields.forEach((field, fi) => {
    const fPath = `fields[${fi}]`;
    if (fieldCodes.has(field.code)) add(`${fPath}.code`, `Mã lĩnh vực ${field.code} bị trùng.`);
    fieldCodes.add(field.code);
    if (field.floor !== undefined && field.floor > 0) add(`${fPath}.floor`, `Lĩnh vực ${field.code}: điểm sàn ${p(field.floor)} phải ≤ 0 (0: không để lĩnh vực bị âm điểm).`);
    checkNumbering(field.criteria, (i) => `${fPath}.criteria[${i}]`, 'tiêu chí', add);
    let fieldSum = 0;
    field.criteria.forEach((criterion, ci) => {
      const cPath = `${fPath}.criteria[${ci}]`;
      if (criterionCodes.has(criterion.code) || fieldCodes.has(criterion.code)) {
        add(`${cPath}.code`, `Mã tiêu chí ${criterion.code} bị trùng.`);
      }
      criterionCodes.add(criterion.code);
      if (criterion.floor !== undefined && criterion.floor > 0) {
        add(`${cPath}.floor`, `Tiêu chí ${criterion.code}: điểm sàn ${p(criterion.floor)} phải ≤ 0 (0: tiêu chí không bị âm điểm; số âm: mức trừ tối đa).`);
      }
      checkNumbering(criterion.items, (i) => `${cPath}.items[${i}]`, 'tiêu chí thành phần', add);
      let criterionSum = 0;
      criterion.items.forEach((item, ii) => {
        const iPath = `${cPath}.items[${ii}]`;
        // A criterion scored directly is written as a criterion with one item of the same code.
        const sameAsOwnCriterion = item.code === criterion.code && criterion.items.length === 1;
        if (!sameAsOwnCriterion && (criterionCodes.has(item.code) || fieldCodes.has(item.code))) {
          add(`${iPath}.code`, `Mã ${item.code} trùng với mã một lĩnh vực hoặc tiêu chí.`);
        }
        claim(item.code, `${iPath}.code`, 'tiêu chí thành phần');
        if (item.rule.type === 'survey') surveyItems.set(item.code, item);
        checkRule(item, iPath, add);
        checkItemNotApplicable(item, iPath, add);
        criterionSum += item.maxPoints;
      });
      if (criterion.maxPoints !== undefined && criterion.maxPoints !== criterionSum) {
        add(
          `${cPath}.maxPoints`,
          `Tiêu chí ${criterion.code} khai điểm tối đa ${p(criterion.maxPoints)} nhưng tổng các tiêu chí thành phần là ${p(criterionSum)}.`,
        );
      }
      checkCriterionNotApplicable(criterion, cPath, criterionSum, add);
      fieldSum += criterionSum;
    });
    if (field.maxPoints !== undefined && field.maxPoints !== fieldSum) {
      add(`${fPath}.maxPoints`, `Lĩnh vực ${field.code} khai điểm tối đa ${p(field.maxPoints)} nhưng tổng các tiêu chí là ${p(fieldSum)}.`);
    }
    total += fieldSum;
  });
  // Criterion codes may not reuse another node's item code (checked after all items are known).
  fw.fields.forEach((field, fi) =>
    field.criteria.forEach((criterion, ci) => {
      const own = criterion.items.length === 1 && criterion.items[0]?.code === criterion.code;
      if (!own && entryCodes.has(criterion.code)) {
        add(`fields[${fi}].criteria[${ci}].code`, `Mã tiêu chí ${criterion.code} trùng với mã một tiêu chí thành phần.`);
      }
    }),
  );
  if (total !== fw.totalMax) {
    add('totalMax', `Tổng điểm tối đa khai là ${p(fw.totalMax)} nhưng tổng các lĩnh vực là ${p(total)}.`);
  }

  checkGroups(fw, add);
  checkAdjustments(fw, facts, claim, add);
  return facts;
}

function checkGroups(fw: Framework, add: Add): void {
  const groupCodes = new Set<string>();
  fw.groups.forEach((g, gi) => {
    if (groupCodes.has(g.code)) add(`groups[${gi}].code`, `Mã nhóm ${g.code} bị trùng.`);
    groupCodes.add(g.code);
    const prev = fw.groups[gi - 1];
    if (prev && g.minPercent >= prev.minPercent) {
      add(
        `groups[${gi}].minPercent`,
        `Các nhóm phải xếp theo ngưỡng giảm dần: "${g.label}" (từ ${formatPercent(g.minPercent)}) đứng sau "${prev.label}" (từ ${formatPercent(prev.minPercent)}).`,
      );
    }
  });
  const lastGroup = fw.groups[fw.groups.length - 1];
  if (lastGroup && lastGroup.minPercent !== 0) {
    add(`groups[${fw.groups.length - 1}].minPercent`, 'Nhóm cuối cùng phải bắt đầu từ 0% để mọi đơn vị đều được xếp nhóm.');
  }
}

function checkAdjustments(fw: Framework, facts: TreeFacts, claim: (code: string, path: string, what: string) => void, add: Add): void {
  const p = formatPoints;
  const adjustments = fw.adjustments ?? [];
  if (adjustments.length > 0 && !fw.adjustmentCaps) {
    add('adjustmentCaps', 'Có điểm thưởng/điểm trừ thì phải khai mức trần chung (adjustmentCaps).');
  }
  checkNumbering(adjustments, (i) => `adjustments[${i}]`, 'khoản điểm thưởng/điểm trừ', add);
  adjustments.forEach((a, ai) => {
    const aPath = `adjustments[${ai}]`;
    claim(a.code, `${aPath}.code`, 'khoản điểm thưởng/điểm trừ');
    if (facts.fieldCodes.has(a.code) || facts.criterionCodes.has(a.code)) {
      add(`${aPath}.code`, `Mã ${a.code} trùng với mã một lĩnh vực hoặc tiêu chí.`);
    }
    if (a.cap % a.rule.step !== 0) {
      add(`${aPath}.cap`, `Khoản ${a.code}: mức tối đa ${p(a.cap)} không chia hết cho bước điểm ${p(a.rule.step)}.`);
    }
    const kindCap = fw.adjustmentCaps?.[a.kind];
    if (kindCap !== undefined && a.cap > kindCap) {
      add(`${aPath}.cap`, `Khoản ${a.code}: mức tối đa ${p(a.cap)} vượt mức trần chung ${p(kindCap)}.`);
    }
  });
}
