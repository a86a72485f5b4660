/**
 * What hardening and diagnostics cost: the ZIP budget check before a survey spreadsheet is
 * unpacked (baseline: ExcelJS loading the same workbook, which happens anyway), one redacted log
 * line (baseline: appending the same JSON unredacted), and the support bundle over a commune's
 * database (baseline: PRAGMA quick_check alone, which the bundle runs).
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../electron/app/cli/chiso';
import { createAppRuntime } from '../../electron/app/runtime';
import { buildSupportBundle } from '../../electron/features/diagnostics/support-bundle';
import { checkZipBudget } from '../../electron/kernel/files/zip-budget';
import { createFileLogger } from '../../electron/kernel/log/logger';
import { captureIO } from '../helpers/cli-io';
import { ms, ratio, report, sample } from './harness';

export async function diagnosticsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-diag-'));
  try {
    // 600 survey forms × 40 questions: a large commune survey.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow(['Số phiếu', ...Array.from({ length: 40 }, (_, i) => `Câu ${i + 1}`)]);
    for (let f = 0; f < 600; f++) ws.addRow([String(f + 1).padStart(4, '0'), ...Array.from({ length: 40 }, (_, i) => ((f + i) % 5) + 1)]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const check = await sample(() => checkZipBudget(xlsx), 30, 5);
    const load = await sample(() => new ExcelJS.Workbook().xlsx.load(xlsx as unknown as ArrayBuffer), 10, 2);
    report({
      suite: 'diagnostics',
      name: `ZIP budget check of a 600-form survey workbook (${(xlsx.length / 1024).toFixed(0)} KB) (p50)`,
      figure: ms(check.p50),
      baseline: `ExcelJS load of the same bytes ${ms(load.p50)}`,
      ratio: ratio(check.p50, load.p50),
    });

    const log = createFileLogger({ dir: join(dir, 'logs') });
    log.addSecret('mật khẩu thử');
    const details = { channel: 'survey:save', error: new Error('boom'), form: { formNo: '0007', answers: { q1: 1 } }, count: 3 };
    const plain = join(dir, 'plain.log');
    const line = await sample(() => log.error('ipc.internal', details), 500, 50);
    const raw = await sample(() => appendFileSync(plain, `${JSON.stringify({ t: new Date().toISOString(), level: 'error', event: 'ipc.internal', channel: 'survey:save', error: { name: 'Error', message: 'boom' }, count: 3 })}\n`), 500, 50);
    report({ suite: 'diagnostics', name: 'one redacted, rotated log line (p50)', figure: ms(line.p50), baseline: `appendFileSync of the same JSON ${ms(raw.p50)}`, ratio: ratio(line.p50, raw.p50) });

    const io = captureIO(dir, { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' }).io;
    await runCli(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'], io);
    await runCli(['load', '--db', 'xa.sqlite', resolve('docs/examples/sample-entries.json')], io);
    const rt = createAppRuntime({ dbPath: join(dir, 'xa.sqlite'), appVersion: 'bench' });
    try {
      const bundle = await sample(() => buildSupportBundle(rt.app), 20, 3);
      const quick = await sample(() => rt.db.pragma('quick_check'), 20, 3);
      report({ suite: 'diagnostics', name: 'support bundle of a loaded commune database, 550 logged errors with stacks (p50)', figure: ms(bundle.p50), baseline: `PRAGMA quick_check alone ${ms(quick.p50)}`, ratio: ratio(bundle.p50, quick.p50) });
    } finally {
      rt.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
