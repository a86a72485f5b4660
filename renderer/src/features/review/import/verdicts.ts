/** The import screen's words for a file's verdict, and its counts (pure: tested without a browser). */
import type { ImportOutcome, ImportResult } from '@shared/ipc/import';
import { printable } from '@shared/text';

export type TFn = (key: string, opts?: Record<string, unknown>) => string;

/**
 * The verdict in words. Before the import an accepted file is "Mới" (revision 1) or "Bản sửa mới
 * hơn" (a later revision: the dry run only accepts a revision above what is held); after it, "Đã
 * nhận". A duplicate is "Đã nhận trước đó", or, in a check, "Trùng với một tệp phía trên" when it
 * repeats a file earlier in the same choice. A refusal's sentence is shown in full, control and bidi characters made visible.
 */
export function verdictText(r: ImportResult, done: boolean, t: TFn): string {
  if (r.outcome === 'refused') return t('reviewImport.import.refused', { message: printable(r.message ?? r.code ?? '') });
  if (r.outcome === 'duplicate') return t(r.sameChoice ? 'reviewImport.import.duplicateInChoice' : 'reviewImport.import.duplicate');
  if (done) return t('reviewImport.import.accepted');
  return (r.revision ?? 1) > 1 ? t('reviewImport.import.newer') : t('reviewImport.import.new');
}

export function countOutcomes(rows: readonly ImportResult[]): Record<ImportOutcome, number> {
  const c: Record<ImportOutcome, number> = { accepted: 0, duplicate: 0, refused: 0 };
  for (const r of rows) c[r.outcome] += 1;
  return c;
}

/** The file's own name (the folder stays in the cell's tooltip). */
export function baseName(path: string): string {
  return printable(path.split(/[\\/]/).pop() ?? path);
}

/** Which files the table shows: all, or one outcome. */
export type VerdictFilter = 'all' | ImportOutcome;

/** Rows the table shows at first, and again with each "show more" (a national batch has thousands). */
export const ROWS_PER_STEP = 200;

/**
 * The rows a filter keeps, in file order, and the first `limit` of them; `hidden` is how many of
 * the kept rows are not shown yet.
 */
export function visibleRows(rows: readonly ImportResult[], filter: VerdictFilter, limit: number): { shown: ImportResult[]; kept: number; hidden: number } {
  const kept = filter === 'all' ? rows : rows.filter((r) => r.outcome === filter);
  const shown = kept.slice(0, Math.max(0, limit));
  return { shown, kept: kept.length, hidden: kept.length - shown.length };
}
