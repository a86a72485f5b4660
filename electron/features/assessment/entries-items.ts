/**
 * The built-in sections of an entries file: "items" (the framework's items) and
 * "adjustments" (bonus/penalty). Each line: input and/or notApplicable, an explanation,
 * and evidence documents. The engine's validateEntry decides what is a hard error.
 */
import { itemEntrySchema } from '../../../shared/scoring/entry';
import { validateEntry } from '../../../shared/scoring/engine';
import { nfc } from '../../../shared/text';
import { z } from 'zod';
import { evidenceDocumentSchema } from '../../../shared/assessment/evidence';
import { EXPLANATION_MAX, setEntry, setExplanation } from './assessment';
import type { ServiceContext } from '../../kernel/context';
import { addDocumentRow } from '../evidence/evidence';
import { readDocuments } from '../evidence/evidence-repo';
import type { CheckedSection, EntriesSection, LoadIssue, SectionEnv } from './entries-load';

const lineSchema = z.strictObject({
  input: itemEntrySchema.shape.input,
  notApplicable: z.boolean().optional(),
  explanation: z.string().max(EXPLANATION_MAX).optional(),
  evidence: z.array(evidenceDocumentSchema).max(50).optional(),
});
type Line = z.output<typeof lineSchema>;

function describeZod(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Khóa không được hỗ trợ: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  if (issue.code === 'invalid_union') return 'Kiểu dữ liệu nhập ("type") không hợp lệ hoặc thiếu số liệu.';
  if (issue.message === 'REQUIRED') return 'Bắt buộc nhập.';
  if (issue.message === 'DATE') return 'Ngày phải có dạng yyyy-mm-dd (ví dụ 2026-03-15).';
  if (issue.message === 'TEXT_TOO_LONG') return 'Nội dung quá dài.';
  return issue.message;
}

export function itemsSection(kind: 'items' | 'adjustments'): EntriesSection {
  return {
    label: kind === 'items' ? 'tiêu chí thành phần' : 'điểm thưởng/trừ',
    check(value: unknown, env: SectionEnv): CheckedSection {
      const issues: LoadIssue[] = [];
      const at = (path: string, message: string): void => {
        issues.push({ line: env.lineOf(path), path, message });
      };
      const good: [string, Line][] = [];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        at(kind, `Phần "${kind}" phải là một đối tượng { "mã": { … } }.`);
        return { issues, apply: () => 0 };
      }
      const adjustmentCodes = new Set((env.framework.adjustments ?? []).map((a) => a.code));
      for (const [code, raw] of Object.entries(value as Record<string, unknown>)) {
        const path = `${kind}/${code}`;
        // A whole criterion marked not applicable ("không có nhiệm vụ được giao"): keyed by its own code.
        const criterion = kind === 'items' ? env.active.criteria.get(code) : undefined;
        if (criterion) {
          const na = z.strictObject({ notApplicable: z.boolean() }).safeParse(raw);
          if (!na.success) {
            at(path, `Tiêu chí ${code}: với cả một tiêu chí chỉ được ghi { "notApplicable": true } (hoặc false); số liệu nhập vào từng tiêu chí thành phần.`);
            continue;
          }
          good.push([code, { notApplicable: na.data.notApplicable }]);
          continue;
        }
        const item = env.active.items.get(code);
        const isAdjustment = adjustmentCodes.has(code);
        if (!item || isAdjustment !== (kind === 'adjustments')) {
          at(path, item ? `Mã ${code} thuộc phần "${isAdjustment ? 'adjustments' : 'items'}", không thuộc "${kind}".` : `Bộ tiêu chí không có mục mã "${code}".`);
          continue;
        }
        const parsed = lineSchema.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) at([path, ...issue.path.map(String)].join('/'), `Mục ${code}: ${describeZod(issue)}`);
          continue;
        }
        const entry = { ...(parsed.data.input ? { input: parsed.data.input } : {}), ...(parsed.data.notApplicable !== undefined ? { notApplicable: parsed.data.notApplicable } : {}) };
        for (const issue of validateEntry(item, entry)) {
          if (issue.severity === 'error') at(`${path}/input/${issue.field}`, issue.message);
        }
        good.push([code, parsed.data]);
      }
      return {
        issues,
        apply(ctx: ServiceContext): number {
          const existing = readDocuments(ctx.db, env.active.ref);
          for (const [code, line] of good) {
            const entry = { ...(line.input ? { input: line.input } : {}), ...(line.notApplicable !== undefined ? { notApplicable: line.notApplicable } : {}) };
            // A line with only evidence or an explanation leaves the item's inputs as they are.
            if (line.input || line.notApplicable !== undefined) setEntry(ctx, env.active, code, entry);
            if (line.explanation !== undefined) setExplanation(ctx, env.active, code, nfc(line.explanation));
            for (const doc of line.evidence ?? []) {
              // Loading the same file twice does not duplicate its documents.
              const same = existing.some((d) => d.itemCode === code && d.number === doc.number && d.issuer === doc.issuer);
              if (!same) addDocumentRow(ctx, env.active.ref, code, doc);
            }
          }
          return good.length;
        },
      };
    },
  };
}
