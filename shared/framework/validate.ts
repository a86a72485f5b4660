/**
 * parseFramework: the only way a framework enters the app (import, bundled sample, tests).
 * Shape and ranges come from the zod schema; everything zod cannot see (codes unique across
 * the tree, declared sums, band order, survey wiring) is checked here. Messages are
 * Vietnamese sentences for the person who wrote the framework file; `path` points at the
 * offending value ("fields[2].criteria[0].items[3].maxPoints").
 */
import { z } from 'zod';
import type { Framework, FrameworkItem, SurveyQuestion } from './schema';
import { frameworkSchema } from './schema';
import { formatPercent, formatPoints } from './points';

export interface FrameworkIssue {
  path: string;
  message: string;
}

export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; issues: FrameworkIssue[] };

export function parseFramework(json: unknown): ParseFrameworkResult {
  const parsed = frameworkSchema.safeParse(deepNfc(json), { error: viErrorMap });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const issues = checkFramework(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, framework: parsed.data };
}

/** Semantic checks on a framework that already has the right shape. */
export function checkFramework(fw: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const p = formatPoints;

  // --- codes --------------------------------------------------------------------------
  const fieldCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  const entryCodes = new Map<string, string>(); // item and adjustment codes: the keys of entries
  const surveyItems = new Map<string, FrameworkItem>();
  const claim = (code: string, path: string, what: string): void => {
    if (entryCodes.has(code)) add(path, `Mã ${code} của ${what} bị trùng (đã dùng ở ${entryCodes.get(code)}).`);
    else entryCodes.set(code, path);
  };

  let total = 0;
  fw.fields.forEach((field, fi) => {
    const fPath = `fields[${fi}]`;
    if (fieldCodes.has(field.code)) add(`${fPath}.code`, `Mã lĩnh vực ${field.code} bị trùng.`);
    fieldCodes.add(field.code);
    let fieldSum = 0;
    field.criteria.forEach((criterion, ci) => {
      const cPath = `${fPath}.criteria[${ci}]`;
      if (criterionCodes.has(criterion.code) || fieldCodes.has(criterion.code)) {
        add(`${cPath}.code`, `Mã tiêu chí ${criterion.code} bị trùng.`);
      }
      criterionCodes.add(criterion.code);
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
        criterionSum += item.maxPoints;
      });
      if (criterion.maxPoints !== undefined && criterion.maxPoints !== criterionSum) {
        add(
          `${cPath}.maxPoints`,
          `Tiêu chí ${criterion.code} khai điểm tối đa ${p(criterion.maxPoints)} nhưng tổng các tiêu chí thành phần là ${p(criterionSum)}.`,
        );
      }
      fieldSum += criterionSum;
    });
    if (field.maxPoints !== undefined && field.maxPoints !== fieldSum) {
      add(
        `${fPath}.maxPoints`,
        `Lĩnh vực ${field.code} khai điểm tối đa ${p(field.maxPoints)} nhưng tổng các tiêu chí là ${p(fieldSum)}.`,
      );
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
  if (new Set(fw.unitTypes).size !== fw.unitTypes.length) add('unitTypes', 'Loại đơn vị bị lặp.');

  // --- groups -------------------------------------------------------------------------
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

  // --- adjustments ----------------------------------------------------------------------
  const adjustments = fw.adjustments ?? [];
  if (adjustments.length > 0 && !fw.adjustmentCaps) {
    add('adjustmentCaps', 'Có điểm thưởng/điểm trừ thì phải khai mức trần chung (adjustmentCaps).');
  }
  adjustments.forEach((a, ai) => {
    const aPath = `adjustments[${ai}]`;
    claim(a.code, `${aPath}.code`, 'khoản điểm thưởng/điểm trừ');
    if (fieldCodes.has(a.code) || criterionCodes.has(a.code)) {
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

  // --- survey -------------------------------------------------------------------------
  const survey = fw.survey;
  if (!survey) {
    if (surveyItems.size > 0) {
      add('survey', `Có tiêu chí tính điểm từ phiếu khảo sát (${[...surveyItems.keys()].join(', ')}) nhưng chưa khai phiếu.`);
    }
    return issues;
  }
  if (survey.minForms > survey.targetForms) {
    add('survey.minForms', `Số phiếu tối thiểu (${survey.minForms}) lớn hơn số phiếu cần thu (${survey.targetForms}).`);
  }
  const questionCodes = new Set<string>();
  const fed = new Set<string>();
  const checkQuestion = (q: SurveyQuestion, qPath: string, isFact: boolean): void => {
    if (questionCodes.has(q.code)) add(`${qPath}.code`, `Mã câu hỏi ${q.code} bị trùng.`);
    questionCodes.add(q.code);
    checkQuestionOptions(q, qPath, add);
    const weighted = (q.options ?? []).filter((o) => o.weight !== null);
    if (q.feeds === undefined) {
      if (weighted.length > 0) {
        add(`${qPath}.options`, `Câu ${q.code} không tính điểm cho tiêu chí nào nên các phương án không có trọng số (null).`);
      }
      return;
    }
    if (isFact) {
      add(`${qPath}.feeds`, `Câu ${q.code} là thông tin người trả lời, không được tính điểm.`);
      return;
    }
    if (!surveyItems.has(q.feeds)) {
      add(`${qPath}.feeds`, `Câu ${q.code} tính điểm cho ${q.feeds}, nhưng không có tiêu chí thành phần nào mã ${q.feeds} chấm theo phiếu khảo sát.`);
    }
    fed.add(q.feeds);
    if (weighted.length === 0) {
      add(`${qPath}.options`, `Câu ${q.code} tính điểm nên phải có phương án mang trọng số.`);
    }
  };
  survey.respondentFacts.forEach((q, qi) => checkQuestion(q, `survey.respondentFacts[${qi}]`, true));
  const sectionCodes = new Set<string>();
  survey.sections.forEach((s, si) => {
    if (sectionCodes.has(s.code)) add(`survey.sections[${si}].code`, `Mã phần ${s.code} bị trùng.`);
    sectionCodes.add(s.code);
    s.questions.forEach((q, qi) => checkQuestion(q, `survey.sections[${si}].questions[${qi}]`, false));
  });
  for (const code of surveyItems.keys()) {
    if (!fed.has(code)) add('survey', `Tiêu chí thành phần ${code} chấm theo phiếu khảo sát nhưng không có câu hỏi nào tính điểm cho nó.`);
  }
  return issues;
}

type Add = (path: string, message: string) => void;

function checkRule(item: FrameworkItem, path: string, add: Add): void {
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
    case 'binary':
    case 'ratio':
    case 'ratio-target':
    case 'survey':
      return;
  }
}

const OPTION_COUNT: Partial<Record<SurveyQuestion['type'], number>> = { likert5: 5, yesno: 2 };

function checkQuestionOptions(q: SurveyQuestion, qPath: string, add: Add): void {
  const options = q.options ?? [];
  const hasOptions = q.type === 'likert5' || q.type === 'single' || q.type === 'yesno';
  if (!hasOptions) {
    if (options.length > 0) add(`${qPath}.options`, `Câu ${q.code} (loại ${q.type}) không có phương án lựa chọn.`);
    if (q.feeds !== undefined) add(`${qPath}.feeds`, `Câu ${q.code} (loại ${q.type}) không thể tính điểm.`);
    return;
  }
  const expected = OPTION_COUNT[q.type];
  if (expected !== undefined && options.length !== expected) {
    add(`${qPath}.options`, `Câu ${q.code} (loại ${q.type}) cần đúng ${expected} phương án, đang có ${options.length}.`);
  } else if (options.length < 2) {
    add(`${qPath}.options`, `Câu ${q.code} cần ít nhất 2 phương án.`);
  }
  const values = new Set<string>();
  options.forEach((o, oi) => {
    if (values.has(o.value)) add(`${qPath}.options[${oi}].value`, `Câu ${q.code}: phương án ${o.value} bị trùng.`);
    values.add(o.value);
  });
}

// ---- helpers ---------------------------------------------------------------------------

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(gốc)' : out;
}

/** Text in a framework file may come NFD from some keyboard tools: compare and store NFC. */
function deepNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(deepNfc);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepNfc(v);
    return out;
  }
  return value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  undefined: 'giá trị',
};

const fallbackVi = z.locales.vi().localeError;

/** Plain Vietnamese for the common shape errors; zod's own Vietnamese for the rest. */
const viErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Thiếu giá trị bắt buộc.'
        : `Sai kiểu dữ liệu: cần ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'unrecognized_keys':
      return `Khóa không có trong định dạng: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Giá trị không khớp kiểu nào được phép (kiểm tra trường "type").';
    case 'invalid_value':
      return `Giá trị không được phép; chỉ nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return issue.origin === 'array'
        ? `Cần ít nhất ${String(issue.minimum)} phần tử.`
        : `Quá nhỏ: tối thiểu ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'array'
        ? `Nhiều nhất ${String(issue.maximum)} phần tử.`
        : `Quá lớn: tối đa ${String(issue.maximum)}.`;
    default:
      return fallbackVi(issue);
  }
};
