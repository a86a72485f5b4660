/**
 * The published report as PDF for 170 communes (the largest province; target < 10 s), printed
 * the way `chiso report --pdf` prints it (headless Chromium launched for the document), beside a
 * one-page document printed the same way in the same run: the ratio is what the report's length,
 * tables and charts cost over the browser's own start. The HTML document alone is timed too.
 * Skipped without Chromium or playwright-core.
 */
import { buildReport } from '../../shared/report/report';
import { reportDocument } from '../../shared/report/document/document';
import { syntheticUnit } from '../../shared/report/test-fixtures';
import { headlessChromiumAvailable, headlessChromiumPrinter } from '../../electron/features/report/pdf/headless-chromium';
import { ms, ratio, report, sample } from './harness';

const ONE_PAGE = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>@page { size: A4 portrait; margin: 20mm; }</style></head><body><p>Báo cáo thử: một trang.</p></body></html>';

export async function reportPdfBench(): Promise<void> {
  const built = buildReport(syntheticUnit(170, 1), { year: 2026, deadline: '2026-10-05' });
  const meta = { unitName: 'Sở Nội vụ tỉnh Thử Nghiệm', date: '2026-12-15' };
  const html = await sample(() => reportDocument(built, meta), 20, 5);
  const build = await sample(() => buildReport(syntheticUnit(170, 1), { year: 2026 }), 20, 5);
  report({ suite: 'report-pdf', name: 'HTML document, 170 communes (p50)', figure: ms(html.p50), baseline: `syntheticUnit + buildReport ${ms(build.p50)}`, ratio: ratio(html.p50, build.p50) });
  if (!(await headlessChromiumAvailable())) {
    console.log('report-pdf › skipped: no Chromium or playwright-core here');
    return;
  }
  const printer = headlessChromiumPrinter();
  const doc = reportDocument(built, meta);
  let bytes = 0;
  const pdf = await sample(async () => (bytes = (await printer.fromHtml(doc)).length), 3, 1);
  const one = await sample(() => printer.fromHtml(ONE_PAGE), 3, 1);
  report({
    suite: 'report-pdf',
    name: `report PDF, 170 communes (p50 of 3, ${(bytes / 1024).toFixed(0)} KiB)`,
    figure: ms(pdf.p50),
    target: '< 10000 ms',
    baseline: `one-page PDF ${ms(one.p50)}`,
    ratio: ratio(pdf.p50, one.p50),
  });
}
