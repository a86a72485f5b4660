/**
 * Text the CLI prints. Everything that comes from a file, a package, a request, the database or
 * the file system goes through printable() (shared/text.ts): a name can never move the cursor,
 * rewrite the line the officer reads, or reorder it with a bidi override.
 */
import type { Identity } from '../../../shared/identity';
import { printable } from '../../../shared/text';
import { UNIT_TYPE_NAMES } from '../../../shared/framework/schema';

export function formatIdentity(id: Identity): string[] {
  const role =
    id.role === 'commune' ? 'Xã/phường (tự đánh giá)' : id.level === 'province' ? 'Sở Nội vụ (thẩm định)' : 'Phòng Nội vụ huyện (thẩm định)';
  const lines = [
    `  Vai trò:      ${role}`,
    `  Đơn vị:       ${printable(id.unitName)} (${printable(id.unitCode)})`,
    `  Tỉnh:         ${printable(id.provinceCode)}`,
  ];
  if (id.reviewerCode) lines.push(`  Thẩm định:    ${printable(id.reviewerCode)}`);
  if (id.role === 'commune') lines.push(`  Loại đơn vị:  ${id.unitType ? UNIT_TYPE_NAMES[id.unitType] : 'chưa khai báo (chấm theo loại đầu tiên của bộ tiêu chí)'}`);
  lines.push(`  Năm:          ${id.year}`);
  if (id.framework) lines.push(`  Bộ tiêu chí:  ${printable(id.framework.title)} (v${printable(id.framework.version)}${id.framework.sample ? ', mẫu tham khảo' : ''})`);
  return lines;
}

/** One value of a refusal's details, on one line. */
function detailValue(v: unknown): string {
  if (typeof v === 'string') return printable(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'path' in x && 'message' in x)) {
    return v.map((x: { path: unknown; message: unknown }) => `${printable(String(x.path) || '(gốc)')}: ${printable(String(x.message))}`).join('; ');
  }
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => printable(String(x))).join(', ');
  return printable(JSON.stringify(v) ?? String(v));
}

/** A refusal's technical details as `key: value` pairs on one line, every value escaped. */
export function formatDetails(details: Record<string, unknown> | undefined, skip: readonly string[] = []): string | undefined {
  if (!details) return undefined;
  const parts = Object.entries(details)
    .filter(([k, v]) => !skip.includes(k) && v !== undefined)
    .map(([k, v]) => `${printable(k)}: ${detailValue(v)}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
