/**
 * A framework file the user chose, whatever its form: the JSON exchange format, the spreadsheet
 * (docs/framework-spreadsheet.md) or a signed framework package. Read once through the bounded
 * reader; the form is told by the bytes (an xlsx is a zip), not trusted from the name.
 */
import { AppError } from '../../../shared/errors';
import type { FrameworkFileIssue } from '../../../shared/ipc/framework';
import type { Framework } from '../../../shared/framework/schema';
import { describePlace } from '../../../shared/framework/sheet/grid';
import { parseFrameworkSheets } from '../../../shared/framework/sheet/read';
import { parseFramework } from '../../../shared/framework/validate';
import { FORMAT_NAME } from '../../../shared/package/canonical';
import { parseUserJson } from '../../kernel/files/json-lines';
import { readError } from '../../kernel/files/user-files';
import { readUserFile } from '../../kernel/files/user-file';
import { workbookSheets } from './xlsx';

export type { FrameworkFileIssue };
export type FrameworkFileForm = 'json' | 'xlsx' | 'package';

export type FrameworkFileResult =
  | { form: 'json' | 'xlsx'; ok: true; framework: Framework }
  | { form: 'json' | 'xlsx'; ok: false; issues: FrameworkFileIssue[] }
  | { form: 'package'; bytes: Buffer; unverifiedPayload: Record<string, unknown> };

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Bytes of a framework file, already read: JSON, xlsx or a signed package. */
export async function parseFrameworkBytes(bytes: Buffer): Promise<FrameworkFileResult> {
  if (isZip(bytes)) {
    const r = parseFrameworkSheets(await workbookSheets(bytes));
    if (r.ok) return { form: 'xlsx', ok: true, framework: r.framework };
    return {
      form: 'xlsx',
      ok: false,
      issues: r.issues.map((i) => ({ place: describePlace(i), path: i.path, message: i.message, sheet: i.sheet, row: i.row, column: i.column })),
    };
  }
  const parsed = parseUserJson(bytes.toString('utf8').replace(/^\uFEFF/u, ''));
  if (!parsed.ok) throw new AppError('FILE_UNREADABLE', 'neither JSON nor xlsx', { reason: 'NOT_JSON', ...parsed.details });
  const value = parsed.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'format')) {
    const format = (value as { format: unknown }).format;
    if (format !== FORMAT_NAME.framework) throw new AppError('FRAMEWORK_PACKAGE_WRONG_TYPE', 'not a framework package', { format: String(format) });
    const payload = (value as { payload?: unknown }).payload;
    return { form: 'package', bytes, unverifiedPayload: payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {} };
  }
  const r = parseFramework(value);
  if (r.ok) return { form: 'json', ok: true, framework: r.framework };
  return { form: 'json', ok: false, issues: r.issues.map((i) => ({ place: i.path, path: i.path, message: i.message })) };
}

export async function readFrameworkSource(path: string): Promise<FrameworkFileResult> {
  let bytes: Buffer;
  try {
    bytes = readUserFile(path, { kind: 'framework' });
  } catch (err) {
    throw readError(err);
  }
  return parseFrameworkBytes(bytes);
}

/** The framework of a JSON or xlsx file, or FRAMEWORK_INVALID with every problem by place. */
export function requireValid(r: FrameworkFileResult): Framework {
  if (r.form === 'package') throw new AppError('FRAMEWORK_INVALID', 'a signed package where a framework file was expected', { issues: [{ path: '(gốc)', message: 'Đây là tệp bộ tiêu chí có chữ ký: nhập bằng "Nhập bộ tiêu chí có chữ ký" (chiso framework import).' }] });
  // `path` says where, as a person finds it: the cell of a workbook, the JSON path of a file.
  if (!r.ok) throw new AppError('FRAMEWORK_INVALID', 'framework failed validation', { issues: r.issues.slice(0, 200).map((i) => ({ ...i, path: i.place })) });
  return r.framework;
}
