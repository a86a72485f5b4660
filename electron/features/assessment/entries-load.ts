/**
 * Loading a self-assessment from a JSON file (docs/entries-format.md): sections by name,
 * each checked by a registered handler. Every section is checked before anything is
 * written; any problem refuses the whole file with the line and reason of each, and a
 * file without problems is applied in ONE transaction. The survey adds its section
 * (features/survey/entries-section.ts) with one call to registerEntriesSection.
 */
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { ServiceContext } from '../../kernel/context';
import type { ActiveFramework } from '../framework/active';
import { activeFramework } from '../framework/active';
import { itemsSection } from './entries-items';
import { surveyEntriesSection } from '../survey/entries-section';
import { jsonLines, jsonShapeProblem, lineAt, syntaxErrorOffset, USER_JSON_LIMITS } from '../../kernel/files/json-lines';

export interface LoadIssue {
  /** 1-based line in the file; 0 when unknown. */
  line: number;
  /** Where in the file: "items/3.3/input/numerator". */
  path: string;
  message: string;
}

export interface SectionEnv {
  active: ActiveFramework;
  framework: Framework;
  /** The line of a path in the file (falls back to the nearest known parent). */
  lineOf(path: string): number;
  /** The file's text, for sections that find their own lines. */
  text: string;
}

export interface CheckedSection {
  issues: LoadIssue[];
  /** Writes the section; called inside the load's transaction only when no section had issues. Returns a count for the report. */
  apply(ctx: ServiceContext): number;
}

export interface EntriesSection {
  /** One line for the report: "tiêu chí thành phần". */
  label: string;
  check(value: unknown, env: SectionEnv): CheckedSection;
}

const sections = new Map<string, EntriesSection>();
/** Keys at the top of the file that are not sections. */
const META_KEYS = new Set(['format', 'version', 'unitCode', 'year', 'note']);

export function registerEntriesSection(name: string, section: EntriesSection): void {
  sections.set(name, section);
}

export function entriesSections(): string[] {
  return [...sections.keys()];
}

export interface LoadReport {
  sections: { name: string; label: string; count: number }[];
}

function refuse(issues: LoadIssue[]): never {
  issues.sort((a, b) => a.line - b.line);
  throw new AppError('ENTRIES_INVALID', 'entries file refused', {
    issues: issues.slice(0, 200).map((i) => ({ path: `dòng ${i.line}${i.path ? ` (${i.path})` : ''}`, line: i.line, message: i.message })),
  });
}

/** Check then apply an entries file given as text (BOM and all). Throws ENTRIES_INVALID and writes nothing on any problem. */
export function loadEntriesText(ctx: ServiceContext, text: string): LoadReport {
  const clean = text.replace(/^\uFEFF/u, '');
  // Shape first: nothing below (JSON.parse, the line map, the sections' checks) sees a value
  // nested deeper than the limit or made of millions of tiny parts.
  const shape = jsonShapeProblem(clean);
  if (shape) {
    refuse([{
      line: lineAt(clean, shape.offset),
      path: '',
      message: shape.reason === 'depth'
        ? `Dữ liệu lồng nhau quá sâu (quá ${USER_JSON_LIMITS.maxDepth} cấp) từ dòng này: tệp không đúng định dạng số liệu.`
        : `Tệp có quá nhiều phần tử (quá ${USER_JSON_LIMITS.maxValues.toLocaleString('vi-VN')}): tệp không đúng định dạng số liệu.`,
    }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(clean);
  } catch (err) {
    const offset = syntaxErrorOffset(clean);
    const line = offset >= 0 ? lineAt(clean, offset) : 0;
    refuse([{ line, path: '', message: `Không phải JSON hợp lệ (sai cú pháp gần dòng này): ${(err as Error).message.slice(0, 120)}` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    refuse([{ line: 1, path: '', message: 'Tệp phải là một đối tượng JSON { "items": { … } }.' }]);
  }
  const lines = jsonLines(clean);
  const lineOf = (path: string): number => {
    let p = path;
    for (;;) {
      const l = lines.get(p);
      if (l !== undefined) return l;
      const cut = p.lastIndexOf('/');
      if (cut < 0) return lines.get('') ?? 0;
      p = p.slice(0, cut);
    }
  };
  const active = activeFramework(ctx);
  const env: SectionEnv = { active, framework: active.framework, lineOf, text: clean };
  const record = json as Record<string, unknown>;
  const issues: LoadIssue[] = [];
  if (record['format'] !== undefined && record['format'] !== 'chiso-entries') {
    issues.push({ line: lineOf('format'), path: 'format', message: 'Trường "format" phải là "chiso-entries".' });
  }
  if (record['version'] !== undefined && record['version'] !== 1) {
    issues.push({ line: lineOf('version'), path: 'version', message: 'Phiên bản định dạng không được hỗ trợ (chỉ hỗ trợ 1).' });
  }
  const checked: { name: string; label: string; result: CheckedSection }[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (META_KEYS.has(name)) continue;
    const section = sections.get(name);
    if (!section) {
      issues.push({
        line: lineOf(name),
        path: name,
        message: `Phần "${name}" không được hỗ trợ; các phần hợp lệ: ${entriesSections().map((s) => `"${s}"`).join(', ')}.`,
      });
      continue;
    }
    const result = section.check(value, env);
    issues.push(...result.issues);
    checked.push({ name, label: section.label, result });
  }
  if (checked.length === 0 && issues.length === 0) {
    issues.push({ line: 1, path: '', message: 'Tệp không có phần số liệu nào (ví dụ "items").' });
  }
  if (issues.length > 0) refuse(issues);
  const report: LoadReport = { sections: [] };
  ctx.db.transaction(() => {
    for (const c of checked) report.sections.push({ name: c.name, label: c.label, count: c.result.apply(ctx) });
  })();
  return report;
}

registerEntriesSection('items', itemsSection('items'));
registerEntriesSection('adjustments', itemsSection('adjustments'));
registerEntriesSection('survey', surveyEntriesSection);
