import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { formatPercent, formatPoints } from '../../shared/framework/points';
import { sampleFramework } from '../../shared/framework/sample';
import type { ItemEntry } from '../../shared/scoring/engine';
import { adjustmentAsItem, computeScores } from '../../shared/scoring/engine';
import { tinyPdf, tinyPng } from '../helpers/assessment';
import { communeSetup, fixedClock, parsedSetup, provinceSetup } from '../helpers/context';
import { strokesFor } from './assessment-keys';
import type { AppSession } from './harness';
import { Harness, SCREENSHOTS } from './harness';
import { AssessmentPage } from './pages/assessment-page';
import { AuditPage } from './pages/audit-page';
import { LoadPage } from './pages/load-page';
import { SummaryPage } from './pages/summary-page';

const SAMPLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../docs/examples/sample-entries.json', import.meta.url)), 'utf8')) as {
  items: Record<string, { input?: ItemEntry['input']; notApplicable?: boolean; explanation?: string; evidence?: unknown[] }>;
  adjustments: Record<string, { input?: ItemEntry['input']; explanation?: string; evidence?: unknown[] }>;
};
const entries: Record<string, ItemEntry> = {};
for (const [code, l] of [...Object.entries(SAMPLE.items), ...Object.entries(SAMPLE.adjustments)]) {
  entries[code] = { ...(l.input ? { input: l.input } : {}), ...('notApplicable' in l && l.notApplicable ? { notApplicable: true } : {}) };
}
const expected = computeScores(sampleFramework, entries);
/** Full-page shots draw the sticky totals bar where the page is scrolled: go to the top first. */
async function shot(s: AppSession, name: string): Promise<void> {
  await s.page.evaluate('window.scrollTo(0, 0)');
  await s.shot(name);
}
const order = [
  ...sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)),
  ...(sampleFramework.adjustments ?? []).map(adjustmentAsItem),
];

/**
 * One clerk's year, step by step over one database: each `it` goes on from where the previous
 * one left the app (same session until the restart), so they run in order and a failure stops
 * making sense of the steps after it.
 */
describe('commune self-assessment, end to end', () => {
  const h = new Harness('assessment');
  let app: AppSession;
  let a: AssessmentPage;
  /** The total on screen before the restart: the restart, the summary and its files must show it. */
  let shownTotal = '';
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, communeSetup);
    db.close();
    app = await h.open();
    a = new AssessmentPage(app.page);
  });
  afterAll(() => h.stop());

  it('opens on an empty criteria screen', async () => {
    await a.open();
    expect(await a.total().textContent()).toBe('0,00');
    // Nothing entered: no group is shown, whatever 0 % would give.
    expect(await a.group().textContent()).toBe('chưa nhập');
    await shot(app, 'empty-criteria-screen');
  });

  it('refuses a data file with errors, naming its lines, and writes nothing', async () => {
    const bad = join(h.dataDir, 'bad.json');
    writeFileSync(bad, '{\n  "items": {\n    "1.1": { "input": { "type": "binary", "done": true } },\n    "1.2": { "input": { "type": "ratio", "numerator": 9, "denominator": 4 } }\n  }\n}\n');
    app.dialogs.openAnswers.push(bad);
    await app.menu('/assessment/load');
    const load = new LoadPage(app.page);
    await load.error().waitFor();
    expect(await load.error().getAttribute('data-code')).toBe('ENTRIES_INVALID');
    expect(await load.error().textContent()).toContain('dòng 4');
    await shot(app, 'load-refused-with-lines');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM assessment_entries').get()).toEqual({ n: 0 });
  });

  it('loads the evidence documents of every item from a file (inputs are typed next)', async () => {
    const only = (lines: Record<string, { evidence?: unknown[] }>) =>
      Object.fromEntries(Object.entries(lines).filter(([, l]) => l.evidence).map(([c, l]) => [c, { evidence: l.evidence }]));
    const evidenceOnly = { items: only(SAMPLE.items), adjustments: only(SAMPLE.adjustments) };
    const evFile = join(h.dataDir, 'evidence.json');
    writeFileSync(evFile, JSON.stringify(evidenceOnly, null, 2));
    app.dialogs.openAnswers.push(evFile);
    const load = new LoadPage(app.page);
    await load.choose();
    await load.preview().waitFor();
    await load.confirm();
    await shot(app, 'evidence-loaded');
    await load.backToAssessment();
    await a.waitFor();
  });

  it('fills every item by keyboard alone; the check list catches 1.2, the clerk jumps there and fixes it', async () => {
    const { page } = app;
    await a.input('1.1', 'done').focus();
    for (const item of order) {
      expect(await a.focusedItem()).toBe(item.code);
      const entry = item.code === '1.2' ? { input: { type: 'ratio' as const, numerator: 50, denominator: 46, complement: 2 } } : entries[item.code];
      for (const s of strokesFor(item, entry)) {
        if ('type' in s) await page.keyboard.type(s.type);
        else await page.keyboard.press(s.press);
      }
    }
    // 1.2 has a hard error (numerator above denominator): it does not count, and the check list says so.
    await expect.poll(() => a.points('1.2').textContent()).toBe('0,00 / 1,50 điểm');
    await a.openChecks();
    const rows = a.checkRows().filter({ hasText: 'lớn hơn' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-code')).toBe('1.2');
    await shot(app, 'check-list-error');
    expect(await a.finaliseButton().isDisabled()).toBe(true);
    await a.jumpTo('1.2');
    // The drawer closes, then the item is focused on the next frame.
    await expect.poll(() => a.focusedItem()).toBe('1.2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('44');
    await expect.poll(() => a.points('1.2').textContent()).toBe(`${formatPoints(expected.items['1.2']!.points)} / 1,50 điểm`);
  });

  it('moves by keyboard: Alt+↓ next item, PageUp back, Ctrl+↓ next field', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => a.focusedItem()).toBe('1.3');
    await page.keyboard.press('PageUp');
    await expect.poll(() => a.focusedItem()).toBe('1.2');
    await page.keyboard.press('Control+ArrowDown');
    await expect.poll(() => a.focusedItem()).toBe('2.1');
  });

  it('shows the engine\'s totals, index, group and field progress, and autosaves', async () => {
    await expect.poll(() => a.total().textContent()).toBe(formatPoints(expected.total.points));
    expect(await a.index().textContent()).toBe(formatPercent(expected.indexPercent!));
    expect(await a.group().textContent()).toBe(expected.group!.label);
    // No survey form keyed: the index may still move.
    expect(await app.page.getByTestId('total-provisional').textContent()).toBe('tạm tính');
    expect(await a.progress('1').textContent()).toContain('8/8 mục');
    await expect.poll(() => a.saveState().textContent()).toMatch(/^Đã lưu lúc \d\d:\d\d$/u);
    await shot(app, 'filled-by-keyboard');
  });

  it('asks for an explanation of an adjustment without evidence, and the explanation clears it', async () => {
    // "Đến mục" closed the drawer; the check list opens again from the bar.
    await a.openChecks();
    expect(await a.checkRows().filter({ hasText: 'Mục 9.1' }).count()).toBe(0);
    const noEvidence = a.checkRows().filter({ hasText: 'chưa có tài liệu kiểm chứng' });
    expect(await noEvidence.count()).toBe(1);
    expect(await noEvidence.first().getAttribute('data-code')).toBe('9.3');
    await a.explanation('9.3').fill('Bị nhắc nhở 1 lần vì chậm báo cáo quý III.');
    await expect.poll(() => a.checkRows().filter({ hasText: 'chưa có tài liệu kiểm chứng' }).count()).toBe(0);
    await a.closeChecks();
  });

  it('attaches a PDF (main opens the dialog; the renderer never sends a path), notes why it is not previewed, opens it', async () => {
    const pdfPath = join(h.dataDir, 'ke-hoach-cchc.pdf');
    writeFileSync(pdfPath, tinyPdf('Ke hoach CCHC 2026'));
    const ev = a.evidence('1.1');
    await ev.open();
    app.dialogs.openManyAnswers.push([pdfPath]);
    await ev.attach();
    await ev.files().getByText('ke-hoach-cchc.pdf').waitFor();
    await ev.previewFile();
    await ev.pdfPreviewNote().waitFor();
    await ev.openFile();
    await expect.poll(() => app.dialogs.opened.length).toBe(1);
    expect(readFileSync(app.dialogs.opened[0]!)).toEqual(readFileSync(pdfPath));
  });

  it('refuses a typed document without its issuer on the spot, then adds and edits it', async () => {
    const ev = a.evidence('1.2');
    await ev.open();
    await ev.field('number').fill('05/DM-UBND');
    await ev.field('date').fill('01/02/2026');
    await ev.field('summary').fill('Danh mục nhiệm vụ CCHC và tình trạng hoàn thành');
    await ev.field('locator').fill('Phụ lục I');
    await ev.submitDocument();
    await ev.text('Bắt buộc nhập.').waitFor();
    await ev.field('issuer').fill('UBND xã Bình Đào');
    await ev.submitDocument();
    await ev.documents().getByText('05/DM-UBND').waitFor();
    expect(await ev.documents().textContent()).toContain('01/02/2026');
    await ev.editLastDocument();
    await ev.field('locator').fill('Phụ lục I, mục 2');
    await ev.submitDocument();
    await ev.documents().getByText('Phụ lục I, mục 2').waitFor();
  });

  it('previews a scanned image inline (a data: URL, allowed by the CSP)', async () => {
    const pngPath = join(h.dataDir, 'anh-niem-yet.png');
    writeFileSync(pngPath, tinyPng());
    const ev = a.evidence('1.3');
    await ev.open();
    app.dialogs.openManyAnswers.push([pngPath]);
    await ev.attach();
    await ev.previewFile();
    const img = ev.previewImage();
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(40);
    await a.item('1.1').scrollIntoViewIfNeeded();
    await shot(app, 'evidence-attached');
  });

  it('finalises with no error left: inputs locked and the service refuses edits too; reopens with a reason', async () => {
    await a.openChecks();
    expect(await a.checkRows().filter({ has: app.page.locator('.badge-error') }).count()).toBe(0);
    await a.closeChecks();
    await a.finalise();
    expect(await a.input('1.1', 'done').isDisabled()).toBe(true);
    const refused = await app.runtime.route('assessment:setEntry', { code: '1.1', entry: { input: { type: 'binary', done: false } } }, { url: app.page.url() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_LOCKED' } });
    await shot(app, 'finalised');
    await a.reopen('Sửa giải trình mục 9.3 theo góp ý của Sở Nội vụ');
    expect(await a.reopenedNote().textContent()).toContain('Sửa giải trình mục 9.3');
    await shot(app, 'reopened');
    shownTotal = (await a.total().textContent()) ?? '';
    expect(shownTotal).toBe(formatPoints(expected.total.points));
  });

  it('after a restart: total, typed values, explanation, reopen reason and evidence are all back', async () => {
    // Closing also fails on any error the renderer logged during the steps above.
    await app.close();
    app = await h.open();
    a = new AssessmentPage(app.page);
    await a.open();
    expect(await a.total().textContent()).toBe(shownTotal);
    expect(await a.input('1.2', 'numerator').inputValue()).toBe('44');
    expect(await a.explanation('9.3').inputValue()).toBe('Bị nhắc nhở 1 lần vì chậm báo cáo quý III.');
    expect(await a.reopenedNote().textContent()).toContain('Sửa giải trình');
    await a.openEvidence('1.1');
    expect(await a.evidence('1.1').files().textContent()).toContain('ke-hoach-cchc.pdf');
    await shot(app, 'after-restart');
  });

  it('saves what was typed just before leaving the screen (inside the debounce); the change log lists every change', async () => {
    await a.explanation('6.4').fill('Kết luận thanh tra số 12/KL-TTr');
    await app.menu('/audit');
    const audit = new AuditPage(app.page);
    await audit.waitFor();
    // No waiting: the flush was sent before the change log asked for its rows (same channel, in order).
    expect((app.runtime.db.prepare("SELECT explanation FROM assessment_entries WHERE item_code = '6.4'").get() as { explanation: string | null }).explanation).toBe(
      'Kết luận thanh tra số 12/KL-TTr',
    );
    // Every change is in the change log, old → new.
    // As sentences: the item, the old and the new value; the reopening with its reason.
    expect(await audit.table().textContent()).toContain('Mục 1.2: 50/46 → 44/46');
    expect(await audit.table().textContent()).toContain('Mục 6.4: sửa giải trình thành “Kết luận thanh tra số 12/KL-TTr”');
    expect(await audit.table().textContent()).toContain('Mở lại số liệu để sửa, lý do:');
    await shot(app, 'audit-log');
    await a.open();
  });

  it('finalises again (revision 2); the summary, its PDF and its xlsx show the screen\'s totals', async () => {
    await a.finalise();
    expect(await a.lockState().textContent()).toContain('lần 2');
    await app.menu('/assessment/summary');
    const summary = new SummaryPage(app.page);
    await summary.waitFor();
    expect(await summary.total().textContent()).toBe(shownTotal);
    await shot(app, 'summary-screen');
    const pdfOut = join(h.dataDir, 'tong-hop.pdf');
    const xlsxOut = join(h.dataDir, 'tong-hop.xlsx');
    app.dialogs.saveAnswers.push(pdfOut, xlsxOut);
    await summary.writePdf();
    await summary.writeXlsx();
    await expect.poll(() => existsSync(xlsxOut)).toBe(true);
    expect(readFileSync(pdfOut).subarray(0, 5).toString()).toBe('%PDF-');
    const pngBase = join(SCREENSHOTS, 'assessment', 'summary-pdf');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfOut, pngBase]);
    const text = execFileSync('pdftotext', ['-layout', pdfOut, '-']).toString();
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ');
    expect(text).toContain(shownTotal);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('NGƯỜI LẬP BIỂU');
    expect(text).toContain('Đã chốt số liệu (lần 2)');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxOut);
    const ws = wb.worksheets[0]!;
    let xlsxTotal: unknown;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng điểm các lĩnh vực') xlsxTotal = row.getCell(4).value;
    });
    expect(xlsxTotal).toBe(expected.total.points / 100);
    if (existsSync('/usr/bin/soffice')) {
      // UTF-8, cells "as shown": the 2-decimal number format must be in the file.
      execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', h.dataDir, xlsxOut], { timeout: 120_000, stdio: 'ignore' });
      const csv = readFileSync(join(h.dataDir, 'tong-hop.csv'), 'utf8');
      const line = csv.split('\n').find((l) => l.includes('Tổng điểm các lĩnh vực'));
      expect(line).toContain(`,${(expected.total.max / 100).toFixed(2)},${(expected.total.points / 100).toFixed(2)},`);
    }
    await app.close();
  }, 180_000);
});

describe('a reviewing unit does not self-assess', () => {
  const h = new Harness('assessment-reviewer');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(provinceSetup));
    db.close();
  });
  afterAll(() => h.stop());

  it('has no "Tự đánh giá" in the nav, and the route leads to its own appraisal screen', async () => {
    const app = await h.open();
    await app.page.getByTestId('home-reviewer').waitFor();
    expect(await new AssessmentPage(app.page).navLink().count()).toBe(0);
    await app.menu('/assessment');
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe('#/review/appraisal');
    await app.page.getByTestId('nav-review-appraisal').and(app.page.locator('.active')).waitFor();
    expect(await app.page.getByText('Đơn vị thẩm định không tự đánh giá').count()).toBe(0);
    await app.close();
  });
});
