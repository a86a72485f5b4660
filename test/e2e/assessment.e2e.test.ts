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

describe('commune self-assessment, end to end', () => {
  const h = new Harness('assessment');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, communeSetup);
    db.close();
  });
  afterAll(() => h.stop());

  it('a clerk fills the sample framework by keyboard, attaches evidence, fixes a check-list error, finalises, reopens; all survives a restart; the summary matches', async () => {
    const app = await h.open();
    const { page } = app;
    await page.getByTestId('nav-assessment').click();
    const a = new AssessmentPage(page);
    await a.waitFor();
    expect(await a.total().textContent()).toBe('0,00');
    await shot(app, 'empty-criteria-screen');

    // 1. A bad data file is refused with its lines; nothing is written.
    const bad = join(h.dataDir, 'bad.json');
    writeFileSync(bad, '{\n  "items": {\n    "1.1": { "input": { "type": "binary", "done": true } },\n    "1.2": { "input": { "type": "ratio", "numerator": 9, "denominator": 4 } }\n  }\n}\n');
    app.dialogs.openAnswers.push(bad);
    await app.menu('/assessment/load');
    await page.getByTestId('error-notice').waitFor();
    expect(await page.getByTestId('error-notice').getAttribute('data-code')).toBe('ENTRIES_INVALID');
    expect(await page.getByTestId('error-notice').textContent()).toContain('dòng 4');
    await shot(app, 'load-refused-with-lines');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM assessment_entries').get()).toEqual({ n: 0 });

    // 2. Evidence documents for every item come from a file (only evidence: inputs are typed below).
    const only = (lines: Record<string, { evidence?: unknown[] }>) =>
      Object.fromEntries(Object.entries(lines).filter(([, l]) => l.evidence).map(([c, l]) => [c, { evidence: l.evidence }]));
    const evidenceOnly = { items: only(SAMPLE.items), adjustments: only(SAMPLE.adjustments) };
    const evFile = join(h.dataDir, 'evidence.json');
    writeFileSync(evFile, JSON.stringify(evidenceOnly, null, 2));
    app.dialogs.openAnswers.push(evFile);
    await page.getByTestId('load-choose').click();
    await page.getByTestId('load-report').waitFor();
    await shot(app, 'evidence-loaded');
    await page.getByRole('link', { name: 'Về màn hình tự đánh giá' }).click();
    await a.waitFor();

    // 3. Keyboard only: first input of 1.1, then every item in order.
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
    expect(await page.getByTestId('finalise').isDisabled()).toBe(true);
    await page.getByTestId('jump-1.2').first().click();
    expect(await a.focusedItem()).toBe('1.2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('44');
    await expect.poll(() => a.points('1.2').textContent()).toBe(`${formatPoints(expected.items['1.2']!.points)} / 1,50 điểm`);
    // Keyboard movement: Alt+↓ next item, PageUp back, Ctrl+↓ next field.
    await page.keyboard.press('Alt+ArrowDown');
    expect(await a.focusedItem()).toBe('1.3');
    await page.keyboard.press('PageUp');
    expect(await a.focusedItem()).toBe('1.2');
    await page.keyboard.press('Control+ArrowDown');
    expect(await a.focusedItem()).toBe('2.1');

    await expect.poll(() => a.total().textContent()).toBe(formatPoints(expected.total.points));
    expect(await a.index().textContent()).toBe(formatPercent(expected.indexPercent!));
    expect(await a.group().textContent()).toBe(expected.group!.label);
    expect(await a.progress('1').textContent()).toContain('8/8 mục');
    await expect.poll(() => a.saveState().textContent()).toMatch(/^Đã lưu lúc \d\d:\d\d$/u);
    await shot(app, 'filled-by-keyboard');

    // 4. Adjustments without evidence need an explanation: the check list says so, the clerk explains.
    expect(await a.checkRows().filter({ hasText: 'Mục 9.1' }).count()).toBe(0);
    const noEvidence = a.checkRows().filter({ hasText: 'chưa có tài liệu kiểm chứng' });
    expect(await noEvidence.count()).toBe(1);
    expect(await noEvidence.first().getAttribute('data-code')).toBe('9.3');
    await a.item('9.3').getByTestId('in-explanation').fill('Bị nhắc nhở 1 lần vì chậm báo cáo quý III.');
    await expect.poll(() => a.checkRows().filter({ hasText: 'chưa có tài liệu kiểm chứng' }).count()).toBe(0);

    // 5. Attach a tiny valid PDF to 1.1 (main opens the dialog; the renderer never sends a path).
    const pdfPath = join(h.dataDir, 'ke-hoach-cchc.pdf');
    writeFileSync(pdfPath, tinyPdf('Ke hoach CCHC 2026'));
    await a.openEvidence('1.1');
    app.dialogs.openManyAnswers.push([pdfPath]);
    await a.item('1.1').getByTestId('attach').click();
    await a.item('1.1').getByTestId('evidence-files').getByText('ke-hoach-cchc.pdf').waitFor();
    await a.item('1.1').getByTestId('file-preview').click();
    await a.item('1.1').getByTestId('pdf-preview-note').waitFor();
    await a.item('1.1').getByTestId('file-open').click();
    await expect.poll(() => app.dialogs.opened.length).toBe(1);
    expect(readFileSync(app.dialogs.opened[0]!)).toEqual(readFileSync(pdfPath));
    // A document typed into the form: a missing issuer is refused on the spot, then added and edited.
    await a.openEvidence('1.2');
    const ev = a.item('1.2');
    await ev.getByTestId('doc-number').fill('05/DM-UBND');
    await ev.getByTestId('doc-date').fill('2026-02-01');
    await ev.getByTestId('doc-summary').fill('Danh mục nhiệm vụ CCHC và tình trạng hoàn thành');
    await ev.getByTestId('doc-locator').fill('Phụ lục I');
    await ev.getByTestId('doc-add').click();
    await ev.getByText('Bắt buộc nhập.').waitFor();
    await ev.getByTestId('doc-issuer').fill('UBND xã Bình Đào');
    await ev.getByTestId('doc-add').click();
    await ev.getByTestId('evidence-docs').getByText('05/DM-UBND').waitFor();
    expect(await ev.getByTestId('evidence-docs').textContent()).toContain('01/02/2026');
    await ev.getByTestId('doc-edit').last().click();
    await ev.getByTestId('doc-locator').fill('Phụ lục I, mục 2');
    await ev.getByTestId('doc-add').click();
    await ev.getByTestId('evidence-docs').getByText('Phụ lục I, mục 2').waitFor();

    // A scanned image is previewed inline (data: URL, allowed by the CSP).
    const pngPath = join(h.dataDir, 'anh-niem-yet.png');
    writeFileSync(pngPath, tinyPng());
    await a.openEvidence('1.3');
    app.dialogs.openManyAnswers.push([pngPath]);
    await a.item('1.3').getByTestId('attach').click();
    await a.item('1.3').getByTestId('file-preview').click();
    const img = a.item('1.3').getByTestId('evidence-preview').locator('img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(40);
    await a.item('1.1').scrollIntoViewIfNeeded();
    await shot(app, 'evidence-attached');

    // 6. Finalise: inputs locked, and the service refuses edits too.
    expect(await a.checkRows().filter({ has: page.locator('.badge-error') }).count()).toBe(0);
    await a.finalise();
    expect(await a.input('1.1', 'done').isDisabled()).toBe(true);
    const refused = await app.runtime.route('assessment:setEntry', { code: '1.1', entry: { input: { type: 'binary', done: false } } }, { url: page.url() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_LOCKED' } });
    await shot(app, 'finalised');
    await a.reopen('Sửa giải trình mục 9.3 theo góp ý của Sở Nội vụ');
    expect(await page.getByTestId('reopened').textContent()).toContain('Sửa giải trình mục 9.3');
    await shot(app, 'reopened');
    const shownTotal = await a.total().textContent();
    await app.close();

    // 7. Restart: everything is back.
    const again = await h.open();
    await again.page.getByTestId('nav-assessment').click();
    const b = new AssessmentPage(again.page);
    await b.waitFor();
    expect(await b.total().textContent()).toBe(shownTotal);
    expect(await b.input('1.2', 'numerator').inputValue()).toBe('44');
    expect(await b.item('9.3').getByTestId('in-explanation').inputValue()).toBe('Bị nhắc nhở 1 lần vì chậm báo cáo quý III.');
    expect(await again.page.getByTestId('reopened').textContent()).toContain('Sửa giải trình');
    await b.openEvidence('1.1');
    expect(await b.item('1.1').getByTestId('evidence-files').textContent()).toContain('ke-hoach-cchc.pdf');
    await shot(again, 'after-restart');

    // Typed and left at once (inside the debounce): leaving the screen flushes the save.
    await b.item('6.4').getByTestId('in-explanation').fill('Kết luận thanh tra số 12/KL-TTr');
    await again.menu('/audit');
    await again.page.getByTestId('audit-table').waitFor();
    // No waiting: the flush was sent before the change log asked for its rows (same channel, in order).
    expect((again.runtime.db.prepare("SELECT explanation FROM assessment_entries WHERE item_code = '6.4'").get() as { explanation: string | null }).explanation).toBe(
      'Kết luận thanh tra số 12/KL-TTr',
    );
    // Every change is in the change log, old → new.
    expect(await again.page.getByTestId('audit-table').textContent()).toContain('Nhập kết quả tiêu chí');
    expect(await again.page.getByTestId('audit-table').textContent()).toContain('Mở lại số liệu');
    await shot(again, 'audit-log');
    await again.page.getByTestId('nav-assessment').click();
    await b.waitFor();

    // 8. The summary: finalise again (revision 2), write PDF and xlsx; both show the screen's totals.
    await b.finalise();
    expect(await again.page.getByTestId('lock-state').textContent()).toContain('lần 2');
    await again.menu('/assessment/summary');
    await again.page.getByTestId('summary-table').waitFor();
    expect(await again.page.getByTestId('summary-total').textContent()).toBe(shownTotal);
    await shot(again, 'summary-screen');
    const pdfOut = join(h.dataDir, 'tong-hop.pdf');
    const xlsxOut = join(h.dataDir, 'tong-hop.xlsx');
    again.dialogs.saveAnswers.push(pdfOut, xlsxOut);
    await again.page.getByTestId('export-pdf').click();
    await again.page.getByTestId('export-written').waitFor();
    await again.page.getByTestId('export-xlsx').click();
    await expect.poll(() => existsSync(xlsxOut)).toBe(true);
    expect(readFileSync(pdfOut).subarray(0, 5).toString()).toBe('%PDF-');
    const pngBase = join(SCREENSHOTS, 'assessment', 'summary-pdf');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfOut, pngBase]);
    const text = execFileSync('pdftotext', ['-layout', pdfOut, '-']).toString();
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ');
    expect(text).toContain(shownTotal!);
    expect(text).toContain('CHỦ TỊCH UBND XÃ BÌNH ĐÀO');
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
    await again.close();
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

  it('has no "Tự đánh giá" in the nav, and the route says why', async () => {
    const app = await h.open();
    await app.page.getByTestId('home-reviewer').waitFor();
    expect(await app.page.getByTestId('nav-assessment').count()).toBe(0);
    await app.menu('/assessment');
    await app.page.getByText('Đơn vị thẩm định không tự đánh giá').waitFor();
    await app.close();
  });
});
