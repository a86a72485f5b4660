/**
 * The demo's report step: the ranking and the figures printed to the terminal, the PDF report
 * written to `<dir>/reports/`. Until `chiso report` is on this branch the report is computed here
 * with shared/report over the imported packages (report-input.ts, self-assessed basis since no
 * appraisal exists yet); the integrator replaces the body with `chiso report --json --xlsx --pdf`.
 */
import { join } from 'node:path';
import { headlessChromiumAvailable, headlessChromiumPrinter } from '../../electron/features/report/pdf/headless-chromium';
import { reportPdfName, writeReportPdf } from '../../electron/features/report/pdf/write-report-pdf';
import { viHundredths, viPercent } from '../../shared/report/format';
import { buildReport, reportParagraphs } from '../../shared/report/report';
import type { DemoProvince } from './province';
import { reportInputFromDb } from './report-input';

export async function reportStep(o: { dir: string; dbPath: string; province: DemoProvince; framework: Parameters<typeof reportInputFromDb>[1]; year: number }): Promise<string[]> {
  const input = reportInputFromDb(o.dbPath, o.framework, o.province);
  const report = buildReport(input, { year: o.year, basis: 'self', deadline: o.province.deadline });
  console.log(`\n── Xếp hạng năm ${o.year} (theo chỉ số tự đánh giá, chưa thẩm định; "chiso report" chưa có trên nhánh này)`);
  console.log('  Hạng  Mã     Đơn vị                   Chỉ số   Nhóm                          Tăng, giảm');
  for (const c of report.ranking.communes) {
    const change = c.change === null ? '—' : `${c.change > 0 ? '+' : c.change < 0 ? '-' : ''}${viHundredths(Math.abs(c.change))}`;
    console.log(`  ${String(c.rank ?? '—').padStart(4)}  ${c.code}  ${c.name.padEnd(24)} ${(c.index === null ? '—' : viPercent(c.index)).padStart(7)}  ${(c.group?.label ?? '—').padEnd(29)} ${change.padStart(6)}`);
  }
  const text = reportParagraphs(report);
  console.log('');
  for (const p of text.paragraphs) console.log(`  ${p}`);
  const written: string[] = [];
  const file = join(o.dir, 'reports', reportPdfName(report));
  if (await headlessChromiumAvailable()) {
    await writeReportPdf(headlessChromiumPrinter(), report, file, { unitName: o.province.reviewer.name, date: `${o.year}-12-15`, place: 'Tam Kỳ' });
    written.push(`Báo cáo PDF: ${file}`);
  } else {
    written.push('Báo cáo PDF: không viết được (máy này không có Chromium/Chrome hoặc playwright-core).');
  }
  written.push('Báo cáo xlsx: chưa có (chiso report --xlsx).');
  return written;
}
