/**
 * Checks of one item's rule and not-applicable settings that zod cannot see: levels and bands
 * against the maximum, steps that divide it, formulas that parse and name only declared inputs.
 * Messages are Vietnamese sentences naming the item; paths point into the file.
 */
import { FORMULA_FUNCTIONS, parseFormula } from './formula';
import { formatPercent, formatPoints } from './points';
import type { FrameworkItem } from './schema';

export type Add = (path: string, message: string) => void;

export function checkRule(item: FrameworkItem, path: string, add: Add): void {
  const p = formatPoints;
  const max = item.maxPoints;
  const rule = item.rule;
  const rPath = `${path}.rule`;
  switch (rule.type) {
    case 'manual':
      if (max % rule.step !== 0) add(`${rPath}.step`, `Mục ${item.code}: điểm tối đa ${p(max)} không chia hết cho bước điểm ${p(rule.step)}.`);
      return;
    case 'tiered': {
      const ids = new Set<string>();
      rule.levels.forEach((level, li) => {
        if (ids.has(level.id)) add(`${rPath}.levels[${li}].id`, `Mục ${item.code}: mã mức "${level.id}" bị trùng.`);
        ids.add(level.id);
        if (level.points > max) {
          add(`${rPath}.levels[${li}].points`, `Mục ${item.code}: mức "${level.label}" cho ${p(level.points)} điểm, vượt điểm tối đa ${p(max)}.`);
        }
      });
      if (!rule.levels.some((l) => l.points === max)) {
        add(`${rPath}.levels`, `Mục ${item.code}: không mức nào đạt điểm tối đa ${p(max)}.`);
      }
      return;
    }
    case 'bands':
      rule.bands.forEach((band, bi) => {
        const bPath = `${rPath}.bands[${bi}]`;
        if (band.points > max) add(`${bPath}.points`, `Mục ${item.code}: khoảng từ ${formatPercent(band.minPercent)} cho ${p(band.points)} điểm, vượt điểm tối đa ${p(max)}.`);
        const prev = rule.bands[bi - 1];
        if (prev && band.minPercent >= prev.minPercent) {
          add(`${bPath}.minPercent`, `Mục ${item.code}: các khoảng phải xếp theo ngưỡng giảm dần, không trùng nhau (${formatPercent(band.minPercent)} đứng sau ${formatPercent(prev.minPercent)}).`);
        } else if (prev && band.points > prev.points) {
          add(`${bPath}.points`, `Mục ${item.code}: khoảng thấp hơn không được cho nhiều điểm hơn khoảng cao hơn.`);
        }
      });
      if (rule.bands[0]?.points !== max) add(`${rPath}.bands[0].points`, `Mục ${item.code}: khoảng cao nhất phải cho đủ điểm tối đa ${p(max)}.`);
      return;
    case 'deduction':
      if (rule.perEvent > max) add(`${rPath}.perEvent`, `Mục ${item.code}: mức trừ mỗi lần ${p(rule.perEvent)} vượt điểm tối đa ${p(max)}.`);
      if (rule.floor >= max) add(`${rPath}.floor`, `Mục ${item.code}: điểm sàn ${p(rule.floor)} phải nhỏ hơn điểm tối đa ${p(max)}.`);
      return;
    case 'increment':
      if (rule.perUnit > max) add(`${rPath}.perUnit`, `Mục ${item.code}: mỗi đơn vị cộng ${p(rule.perUnit)} điểm, vượt điểm tối đa ${p(max)}.`);
      return;
    case 'formula':
      checkFormula(item, rPath, add);
      return;
    case 'survey':
      if (rule.source !== 'entered' && rule.step !== undefined) {
        add(`${rPath}.step`, `Mục ${item.code}: bước điểm chỉ dùng khi điểm khảo sát được nhập (source "entered").`);
      }
      if (rule.source === 'entered' && max % (rule.step ?? 1) !== 0) {
        add(`${rPath}.step`, `Mục ${item.code}: điểm tối đa ${p(max)} không chia hết cho bước điểm ${p(rule.step ?? 1)}.`);
      }
      return;
    case 'binary':
    case 'ratio':
    case 'ratio-target':
      return;
  }
}

function checkFormula(item: FrameworkItem, rPath: string, add: Add): void {
  if (item.rule.type !== 'formula') return;
  const rule = item.rule;
  const declared = new Set<string>();
  rule.inputs.forEach((input, i) => {
    if (declared.has(input.name)) add(`${rPath}.inputs[${i}].name`, `Mục ${item.code}: biến "${input.name}" bị khai trùng.`);
    if ((FORMULA_FUNCTIONS as readonly string[]).includes(input.name)) {
      add(`${rPath}.inputs[${i}].name`, `Mục ${item.code}: "${input.name}" là tên hàm, không dùng làm tên biến.`);
    }
    declared.add(input.name);
  });
  if (rule.floor !== undefined && rule.floor >= item.maxPoints) {
    add(`${rPath}.floor`, `Mục ${item.code}: điểm sàn ${formatPoints(rule.floor)} phải nhỏ hơn điểm tối đa ${formatPoints(item.maxPoints)}.`);
  }
  const parsed = parseFormula(rule.expression);
  if (!parsed.ok) {
    add(`${rPath}.expression`, `Mục ${item.code}: công thức không hợp lệ ở ký tự ${parsed.at}: ${parsed.message}.`);
    return;
  }
  for (const name of parsed.names) {
    if (!declared.has(name)) {
      add(`${rPath}.expression`, `Mục ${item.code}: công thức dùng "${name}" nhưng không có biến nào tên đó trong inputs (có: ${[...declared].join(', ')}).`);
    }
  }
  rule.inputs.forEach((input, i) => {
    if (!parsed.names.includes(input.name)) add(`${rPath}.inputs[${i}]`, `Mục ${item.code}: biến "${input.name}" được khai nhưng công thức không dùng.`);
  });
}

/** Not applicable on an item: the fixed points of the 'points' mode, and survey items that cannot be N/A. */
export function checkItemNotApplicable(item: FrameworkItem, path: string, add: Add): void {
  const p = formatPoints;
  if (item.notApplicable === 'points') {
    if (item.notApplicablePoints === undefined) {
      add(`${path}.notApplicablePoints`, `Mục ${item.code}: "Không áp dụng" tính số điểm cố định nên phải khai notApplicablePoints.`);
    } else if (item.notApplicablePoints > item.maxPoints) {
      add(`${path}.notApplicablePoints`, `Mục ${item.code}: "Không áp dụng" tính ${p(item.notApplicablePoints)} điểm, vượt điểm tối đa ${p(item.maxPoints)}.`);
    }
  } else if (item.notApplicablePoints !== undefined) {
    add(`${path}.notApplicablePoints`, `Mục ${item.code}: notApplicablePoints chỉ dùng khi notApplicable là "points".`);
  }
  if (item.rule.type === 'survey' && item.notApplicable !== 'not-allowed') {
    add(`${path}.notApplicable`, `Mục ${item.code} chấm theo khảo sát nên không thể đánh dấu "Không áp dụng"; khi chưa có khảo sát, bộ tiêu chí quyết định bằng surveyPolicy.whenMissing.`);
  }
}
