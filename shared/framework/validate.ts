/**
 * parseFramework: the only way a framework enters the app (import, bundled sample, tests).
 * Shape and ranges come from the zod schema; everything zod cannot see (codes unique across
 * the tree, declared sums, band order, formulas, not-applicable settings, survey wiring and
 * policy, unit-type variants) is checked here: validate-tree, -rules, -survey and -variants.
 * Messages are Vietnamese sentences for the person who wrote the framework file; `path` points
 * at the offending value ("fields[2].criteria[0].items[3].maxPoints"), in the file as written
 * even when the problem only appears for one unit type.
 */
import { z } from 'zod';
import type { Framework, UnitType } from './schema';
import { UNIT_TYPE_NAMES, frameworkSchema } from './schema';
import { hasUnitTypeVariants, resolveForUnitType } from './unit-types';
import { checkSurvey } from './validate-survey';
import { checkTree } from './validate-tree';
import { checkUnitTypes } from './validate-variants';
import { own } from '../own';

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
  checkUnitTypes(fw, add);
  if (!hasUnitTypeVariants(fw)) {
    const facts = checkTree(fw, add);
    checkSurvey(fw, facts.surveyItems, add);
    return issues;
  }
  // One framework, several unit types: check what each type is scored against, map every
  // problem back to its place in the file, and name the types it concerns unless it concerns all.
  const allSurveyCodes = new Set(
    fw.fields.flatMap((f) => f.criteria.flatMap((c) => c.items.filter((i) => i.rule.type === 'survey' || (i.variants ?? []).some((v) => v.rule?.type === 'survey')).map((i) => i.code))),
  );
  const found = new Map<string, { path: string; message: string; types: UnitType[] }>();
  for (const unitType of new Set(fw.unitTypes)) {
    const resolved = resolveForUnitType(fw, unitType);
    const local = (path: string, message: string): void => {
      const source = resolved.sourcePath(path);
      const key = `${source}\n${message}`;
      const seen = found.get(key);
      if (seen) {
        if (!seen.types.includes(unitType)) seen.types.push(unitType);
      } else found.set(key, { path: source, message, types: [unitType] });
    };
    if (resolved.framework.fields.length === 0) continue; // reported by checkUnitTypes
    const facts = checkTree(resolved.framework, local);
    checkSurvey(resolved.framework, facts.surveyItems, local, allSurveyCodes);
  }
  const everyType = new Set(fw.unitTypes).size;
  for (const { path, message, types } of found.values()) {
    add(path, types.length === everyType ? message : `Với ${types.map((t) => UNIT_TYPE_NAMES[t]).join(', ')}: ${message}`);
  }
  return issues;
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

/**
 * Text in a framework file may come NFD from some keyboard tools: compare and store NFC.
 * Object.fromEntries defines keys as own data: a key "__proto__" stays a key (and the strict
 * schema refuses it) instead of replacing the copy's prototype, as assignment would.
 */
function deepNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(deepNfc);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepNfc(v)]));
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
export const viErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Thiếu giá trị bắt buộc.'
        : `Sai kiểu dữ liệu: cần ${own(TYPE_NAMES, issue.expected) ?? issue.expected}.`;
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
