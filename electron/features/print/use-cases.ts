/**
 * Printing on paper: the document its PDF is made from (the summary's NĐ30 layout, the report's
 * document), handed to the platform's print dialog. Where there is none (the command line, no
 * window), PRINT_UNAVAILABLE: export the PDF instead.
 */
import { vietnamDay } from '../../../shared/calendar-date';
import type { PrintResult } from '../../../shared/ipc/print';
import { AppError } from '../../../shared/errors';
import { reportDocument } from '../../../shared/report/document/document';
import type { DocumentPrinter } from '../../kernel/ports';
import type { AppContext } from '../../kernel/use-case';
import { useCase } from '../../kernel/use-case';
import { assessmentSnapshot } from '../assessment/snapshot';
import { summaryHtml } from '../assessment/summary-html';
import { summaryData } from '../assessment/summary-model';
import type { ReportQuery } from '../report/use-cases';
import { reportWithData } from '../report/report';
import { requireIdentity } from '../setup/identity';
import { surveyTallyFor } from '../survey/snapshot';

function printerOf(app: AppContext): DocumentPrinter {
  if (!app.printer) throw new AppError('PRINT_UNAVAILABLE', 'no print dialog here');
  return app.printer;
}

async function print(app: AppContext, html: string): Promise<PrintResult> {
  const printer = printerOf(app);
  try {
    return { printed: await printer.print(html) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('PRINT_FAILED', String(err));
  }
}


/** The commune's summary on paper: the same HTML as "Xuất PDF". */
export const printSummary = useCase('print.summary', { roles: ['commune'] }, async (app) => {
  printerOf(app);
  const identity = requireIdentity(app.ctx);
  return print(app, summaryHtml(summaryData(identity, assessmentSnapshot(app.ctx, surveyTallyFor(app.ctx)))));
});

/** The reviewing unit's report on paper: the same document as "Xuất báo cáo PDF". */
export const printReport = useCase('print.report', { roles: ['reviewer'] }, async (app, q: ReportQuery) => {
  printerOf(app);
  const identity = requireIdentity(app.ctx);
  const { report } = reportWithData(app.ctx.db, q.year, q.basis, { types: q.types });
  return print(app, reportDocument(report, { unitName: identity.unitName, date: vietnamDay(app.ctx.clock.now()) }));
});
