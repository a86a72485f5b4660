/**
 * The published report as an A4 PDF file: the document (shared/report/document) printed by
 * whichever engine the runtime has (Electron's printToPDF in the app; headless Chromium on the
 * command line, where the runtime has none), written atomically: a failed print or write leaves
 * no file, or the previous one untouched.
 *
 * Wiring, one line each (printReportPdf takes the unit's name and today's date from the app):
 *   CLI `chiso report --pdf FILE`:      if (values.pdf) await printReportPdf(app, report, resolve(io.cwd, values.pdf));
 *   the report screen's button (a use case with a save-dialog Destination):
 *     const file = await input.path(reportPdfName(report)); return file === null ? null : printReportPdf(app, report, file);
 */
import { vietnamDay } from '../../../../shared/calendar-date';
import { basename } from 'node:path';
import { reportDocument, type DocumentMeta } from '../../../../shared/report/document/document';
import type { Report } from '../../../../shared/report/types';
import { AppError } from '../../../../shared/errors';
import { writeFileAtomic } from '../../../kernel/files/atomic-write';
import type { PdfPrinter } from '../../../kernel/ports';
import type { AppContext } from '../../../kernel/use-case';
import { requireIdentity } from '../../setup/identity';
import { headlessChromiumPrinter } from './headless-chromium';

/** The runtime's print engine, or headless Chromium where it has none (the command line). */
export function reportPrinter(pdf: PdfPrinter | null | undefined): PdfPrinter {
  return pdf ?? headlessChromiumPrinter();
}

/** "bao-cao-chi-so-cchc-2026-tham-dinh.pdf": the name a save dialog suggests. */
export function reportPdfName(report: Report): string {
  const { year, basis } = report.ranking.options;
  return `bao-cao-chi-so-cchc-${year}-${basis === 'self' ? 'tu-danh-gia' : 'tham-dinh'}.pdf`;
}

export interface WrittenPdf {
  path: string;
  bytes: number;
}

export async function writeReportPdf(pdf: PdfPrinter, report: Report, file: string, meta: DocumentMeta = {}): Promise<WrittenPdf> {
  const html = reportDocument(report, meta);
  let bytes: Uint8Array;
  try {
    bytes = await pdf.fromHtml(html);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('PDF_FAILED', String(err));
  }
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new AppError('PDF_FAILED', 'the print engine returned something that is not a PDF');
  }
  writeFileAtomic(file, bytes, { details: { file: basename(file) } });
  return { path: file, bytes: bytes.length };
}


/**
 * The report as the reviewing unit publishes it: headed with its name and dated today, printed
 * with the app's engine (headless Chromium on the command line), written atomically to `file`.
 */
export async function printReportPdf(app: Pick<AppContext, 'ctx' | 'pdf'>, report: Report, file: string): Promise<WrittenPdf> {
  const identity = requireIdentity(app.ctx);
  return writeReportPdf(reportPrinter(app.pdf), report, file, { unitName: identity.unitName, date: vietnamDay(app.ctx.clock.now()) });
}
