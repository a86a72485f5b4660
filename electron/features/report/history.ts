/**
 * Last year's published results imported from a spreadsheet: previewed row by row against the
 * roster (a commune merged in 2025 keeps its code under a new name and is matched by that code; a
 * code the roster does not have is kept, it only matches nothing), then written whole, replacing
 * the rows held for that year, with an audit row; any refused row and nothing is written.
 */
import { AppError } from '../../../shared/errors';
import type { HistoryPreview, HistoryPreviewRow, HistoryRowStatus } from '../../../shared/ipc/report';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { HistoryTableRow } from './history-file';
import { parseHistoryRows } from './history-rows';
import { historyCount, replaceHistory, rosterCommunes } from './report-repo';

const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

export function previewHistory(ctx: ServiceContext, year: number, table: readonly HistoryTableRow[]): HistoryPreview {
  const { entries, issues } = parseHistoryRows(table);
  const roster = new Map(rosterCommunes(ctx.db).map((c) => [c.code, c]));
  const rows: HistoryPreviewRow[] = issues.map((i) => ({ line: i.line, code: i.code, name: null, index: null, group: null, status: 'refused', reason: i.message }));
  for (const e of entries) {
    const now = roster.get(e.code);
    const status: HistoryRowStatus = !now ? 'not-in-roster' : sameName(now.name, e.name) ? 'matched' : 'renamed';
    rows.push({ line: e.line, code: e.code, name: e.name, index: e.index, group: e.group, status, reason: status === 'renamed' ? now!.name : null });
  }
  rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const counts: Record<HistoryRowStatus, number> = { matched: 0, renamed: 0, 'not-in-roster': 0, refused: 0 };
  for (const r of rows) counts[r.status]++;
  return { year, rows, counts, replaces: historyCount(ctx.db, year) };
}

export function importHistory(ctx: ServiceContext, year: number, table: readonly HistoryTableRow[], sourceFile: string): HistoryPreview {
  return ctx.db.transaction((): HistoryPreview => {
    const preview = previewHistory(ctx, year, table);
    const refused = preview.rows.filter((r) => r.status === 'refused');
    if (refused.length > 0) {
      throw new AppError('HISTORY_INVALID', `${refused.length} rows refused`, {
        issues: refused.map((r) => ({ path: r.line === null ? '' : `dòng ${r.line}`, line: r.line, code: r.code, message: r.reason })),
        counts: preview.counts,
      });
    }
    const rows = preview.rows.map((r) => ({ code: r.code!, name: r.name!, index: r.index, group: r.group }));
    replaceHistory(ctx.db, year, rows, isoNow(ctx), sourceFile);
    audit(ctx, 'report.history.import', 'history_results', String(year), preview.replaces > 0 ? { rows: preview.replaces } : null, { rows: rows.length, file: sourceFile });
    return preview;
  })();
}
