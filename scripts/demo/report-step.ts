/**
 * The demo's report step, through the same command a reviewing unit runs: `chiso report` prints
 * the ranking and the figures and writes the workbook, the CSV and (where a Chromium or Chrome is
 * installed) the A4 PDF report into `<dir>/reports/`.
 */
import { headlessChromiumAvailable } from '../../electron/features/report/pdf/headless-chromium';
import type { Runner } from './cli';

export async function reportStep(o: { chiso: Runner; dir: string; db: string; year: number }): Promise<string[]> {
  const base = `reports/ket-qua-cchc-${o.year}`;
  const pdf = await headlessChromiumAvailable();
  await o.chiso.run(`Sở nạp kết quả đã công bố năm ${o.year - 1} (để so sánh tăng, giảm)`, ['history', 'import', '--db', o.db, '--year', String(o.year - 1), `so/ket-qua-${o.year - 1}.csv`]);
  await o.chiso.run(`Xếp hạng và số liệu tổng hợp năm ${o.year}; bảng tính, CSV${pdf ? ' và báo cáo PDF' : ''}`, [
    'report', '--db', o.db, '--year', String(o.year), '--xlsx', `${base}.xlsx`, '--csv', `${base}.csv`, ...(pdf ? ['--pdf', `${base}.pdf`] : []),
  ]);
  return [
    `Bảng tính: ${o.dir}/${base}.xlsx`,
    `CSV xếp hạng: ${o.dir}/${base}.csv`,
    pdf ? `Báo cáo PDF: ${o.dir}/${base}.pdf` : 'Báo cáo PDF: không viết được (máy này không có Chromium/Chrome hoặc playwright-core).',
  ];
}
