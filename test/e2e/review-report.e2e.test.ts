/**
 * The reviewing unit's ranking in Chromium, over a store filled with the hand-computed unit:
 * ties share a rank in Vietnamese order, the unranked commune comes last, the figures and the
 * three charts show, the type filter re-ranks, the xlsx is written where the dialog says, and a
 * results file with a bad row is refused line by line while the corrected one is imported.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { addCommunes, handUnit } from '../fixtures/report-store';
import { parsedSetup, provinceSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { ReportPage } from './pages/report-page';

async function smallScreen(page: Page, name: string, testId?: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  if (testId) await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'review-report', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('the ranking screen (reviewing unit)', () => {
  const h = new Harness('review-report');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('ranks, shows the figures and charts, filters by type, exports, imports last year', async () => {
    const app = await h.open();
    const ctx = app.runtime.app.ctx;
    completeSetup(ctx, parsedSetup(provinceSetup));
    handUnit(ctx.db);
    // A commune merged in 2025 without last year's row in the imported file yet.
    addCommunes(ctx.db, [{ code: '00008', name: 'Bình Nam', packages: [{ year: 2026, index: 7600 }] }]);
    await app.page.reload();
    const report = new ReportPage(app.page);
    await report.open();

    const rows = await report.ranking();
    expect(rows.map((r) => r[2])).toEqual(['Bình An', 'Bình Đào', 'Bình Minh', 'Bình Nam', 'Phường 1', 'Tam Hải', 'Bình Dương', 'Bình Trung']);
    expect(rows.map((r) => r[0])).toEqual(['1', '1', '1', '4', '5', '6', '7', '—']);
    expect(await report.row('00002').textContent()).toContain('−1,00');
    expect(await report.row('00007').textContent()).toContain('+1,00');
    expect(await report.figure('communes').textContent()).toBe('7');
    expect(await report.figure('highest').textContent()).toBe('Bình An, Bình Đào, Bình Minh (80,00%)');
    expect(await report.figure('late').textContent()).toBe('Bình Dương');
    expect(await report.figure('pending').textContent()).toContain('6 tiêu chí');
    await report.chart('ranked').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await report.chart('ranked').locator('.recharts-bar-rectangle').count()).toBe(7);
    expect(await report.chart('ranked').locator('.recharts-reference-line').count()).toBe(1);
    await app.shot('ranking-1280');
    await smallScreen(app.page, 'ranking-1093x614');
    await smallScreen(app.page, 'table-1093x614', 'report-table');

    await report.filterType('phuong');
    await expect.poll(async () => (await report.ranking()).map((r) => r[2])).toEqual(['Phường 1']);
    await report.filterType('all');
    await expect.poll(async () => (await report.ranking()).length).toBe(8);

    const xlsx = join(h.dataDir, 'xep-hang.xlsx');
    app.dialogs.saveAnswers.push(xlsx);
    await report.exportXlsx();
    expect(existsSync(xlsx)).toBe(true);
    // The A4 report, printed by the app's engine (the harness prints with Chromium, as Electron does).
    const pdf = join(h.dataDir, 'bao-cao.pdf');
    app.dialogs.saveAnswers.push(pdf);
    await report.exportPdf();
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const bad = join(h.dataDir, 'kq-loi.csv');
    writeFileSync(bad, 'Mã,Tên,Chỉ số\n00008,Bình Nam cũ,abc\n00001,Bình Minh,78\n');
    app.dialogs.openAnswers.push(bad);
    await report.chooseHistory('2025');
    await expect.poll(() => report.historyCounts().textContent()).toContain('1 lỗi');
    expect(await report.historyConfirm().isDisabled()).toBe(true);
    await app.shot('history-refused');
    await smallScreen(app.page, 'history-refused-1093x614', 'history-preview');

    const good = join(h.dataDir, 'kq.csv');
    writeFileSync(good, 'Mã,Tên,Chỉ số\n00008,Bình Nam cũ,"74,50"\n00001,Bình Minh,78\n');
    app.dialogs.openAnswers.push(good);
    await report.chooseHistory('2025');
    await expect.poll(() => report.historyCounts().textContent()).toContain('1 khớp · 1 đổi tên');
    await report.historyConfirm().click();
    await app.page.getByTestId('history-notice').waitFor();
    // The file replaced 2025: Bình Nam (merged, matched by code) now has a change; Bình Đào no longer.
    await expect.poll(() => report.row('00008').textContent()).toContain('+1,50');
    expect(await report.row('00002').textContent()).not.toContain('−1,00');
    await app.close();
  });
});
