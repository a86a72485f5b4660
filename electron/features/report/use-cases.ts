import type { ReportView } from '../../../shared/ipc/report';
import { printReportPdf } from './pdf/write-report-pdf';
import type { CommuneType, IndexBasis } from '../../../shared/report/report';
import { reportJson, reportParagraphs } from '../../../shared/report/report';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import type { HistoryTableRow } from './history-file';
import { importHistory, previewHistory } from './history';
import { reportWithData } from './report';
import { rankingCsv } from './report-csv';
import { rankingRows } from './report-table';
import { reportXlsx } from './report-xlsx';

const REVIEWER = { roles: ['reviewer'] } as const;

export interface ReportQuery {
  year: number;
  basis: IndexBasis;
  types: readonly CommuneType[] | null;
}

/** The report and the data it was computed from (the command line formats it). */
export const reportOf = useCase('report.build', REVIEWER, (app, q: ReportQuery) => reportWithData(app.ctx.db, q.year, q.basis, { types: q.types }));

/** The ranking, the figures and the paragraphs of a year, as the ranking screen shows them. */
export const reportView = useCase('report.view', REVIEWER, (app, q: ReportQuery): ReportView => {
  const all = reportWithData(app.ctx.db, q.year, q.basis);
  const { report, data } = q.types && q.types.length > 0 ? reportWithData(app.ctx.db, q.year, q.basis, { types: q.types }) : all;
  const text = reportParagraphs(report);
  const present = new Set(all.report.ranking.communes.map((c) => c.type));
  return {
    year: q.year,
    basis: q.basis,
    rows: rankingRows(report),
    figures: report.figures,
    json: reportJson(report),
    paragraphs: text.paragraphs,
    footnote: text.footnote,
    lastYearSource: data.lastYearSource,
    typesPresent: (['xa', 'phuong', 'dac-khu', 'thi-tran'] as const).filter((t) => present.has(t)),
    bands: data.input.bands.map((b) => ({ code: b.code, label: b.label, minPercent: b.minPercent })),
  };
});

const fileName = (q: ReportQuery, ext: string): string => `Xep-hang-CCHC-${q.year}${q.basis === 'self' ? '-tu-danh-gia' : ''}.${ext}`;

/** The workbook (ranking, per field, item matrix, figures), written whole or not at all where the person chooses. */
export const exportReportXlsx = useCase('report.exportXlsx', REVIEWER, async (app, input: ReportQuery & { path: Destination }): Promise<{ file: string } | null> => {
  const { report, data } = reportWithData(app.ctx.db, input.year, input.basis, { types: input.types });
  const bytes = await reportXlsx(report, data);
  const path = await input.path(fileName(input, 'xlsx'));
  if (path === null) return null;
  writeFileAtomic(path, bytes, { details: { file: path } });
  return { file: path };
});

/** The ranking as CSV (UTF-8 with BOM), written whole or not at all. */
export const exportReportCsv = useCase('report.exportCsv', REVIEWER, async (app, input: ReportQuery & { path: Destination }): Promise<{ file: string } | null> => {
  const { report } = reportWithData(app.ctx.db, input.year, input.basis, { types: input.types });
  const text = rankingCsv(report);
  const path = await input.path(fileName(input, 'csv'));
  if (path === null) return null;
  writeFileAtomic(path, text, { details: { file: path } });
  return { file: path };
});

/** The A4 Vietnamese report (sentences, tables, charts), printed by the app's engine, written whole or not at all. */
export const exportReportPdf = useCase('report.exportPdf', REVIEWER, async (app, input: ReportQuery & { path: Destination }): Promise<{ file: string } | null> => {
  const { report } = reportWithData(app.ctx.db, input.year, input.basis, { types: input.types });
  const path = await input.path(fileName(input, 'pdf'));
  if (path === null) return null;
  await printReportPdf(app, report, path);
  return { file: path };
});

/** What importing a results file for `year` would do to every row; writes nothing. */
export const previewHistoryImport = useCase('report.historyPreview', REVIEWER, (app, input: { year: number; rows: readonly HistoryTableRow[] }) =>
  previewHistory(app.ctx, input.year, input.rows),
);

/** Last year's published results: all rows or none (HISTORY_INVALID lists every refused row). */
export const importHistoryFile = useCase('report.historyImport', REVIEWER, (app, input: { year: number; rows: readonly HistoryTableRow[]; file: string }) =>
  importHistory(app.ctx, input.year, input.rows, input.file),
);
