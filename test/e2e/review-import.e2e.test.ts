/**
 * The reviewing unit imports commune packages in Chromium: the dry run over chosen files (a new
 * package), the import, then a second choice holding the same file again (a duplicate), the next
 * revision and a tampered copy (refused, with its sentence in full); the board shows each roster
 * commune's state, the deadline and the filter. Screenshots at 1280 px and at 1093×614.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lyingTotals } from '../fixtures/appraisal';
import type { Commune } from '../fixtures/reviewer-imports';
import { Harness, SCREENSHOTS } from './harness';
import { BoardPage, ReviewImportPage } from './pages/review-import-page';
import { reviewerReceivingFrom } from './worlds';

async function smallScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'review-import', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('importing commune packages and the submission board (reviewer)', () => {
  const h = new Harness('review-import');
  let commune: Commune;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    commune?.store.cleanup();
    return h.stop();
  });

  it('dry run, import, a duplicate, a newer revision, a tampered file refused; the board', async () => {
    const app = await h.open();
    app.runtime.app.ctx.db.prepare(`INSERT INTO report_deadlines (year, deadline) VALUES (2026, '2026-12-15')`).run();
    commune = await reviewerReceivingFrom(app, '26734', [['26738', 'Xã Chưa Gửi']]);
    const inbox = join(h.dataDir, 'inbox');
    mkdirSync(inbox);
    const r1 = join(inbox, '26734-r1.json');
    copyFileSync(commune.export(), r1);

    const screen = new ReviewImportPage(app.page);
    await screen.open();

    // First choice: one new package; nothing is imported before the button.
    app.dialogs.openManyAnswers.push([r1]);
    await screen.chooseFiles();
    await expect.poll(() => screen.counts().textContent()).toBe('1 tệp: 1 sẽ nhận, 0 trùng, 0 bị từ chối');
    expect(await screen.rows()).toEqual([['26734-r1.json', '26734 · Xã Thử 26734', 'r1', 'Mới']]);
    const board = new BoardPage(app.page);
    await board.open();
    expect((await board.rows())['26734']).toMatch(/^Chưa nhận/u);
    await screen.open();
    app.dialogs.openManyAnswers.push([r1]);
    await screen.chooseFiles();
    await screen.runButton().click();
    await screen.done().waitFor();
    expect(await screen.counts().textContent()).toBe('1 tệp: 1 đã nhận, 0 trùng, 0 bị từ chối');
    expect(await screen.rows()).toEqual([['26734-r1.json', '26734 · Xã Thử 26734', 'r1', 'Đã nhận']]);

    // Second choice: the same file again, the next revision and a tampered copy.
    const r2 = join(inbox, '26734-r2.json');
    copyFileSync(commune.export(), r2);
    const bad = join(inbox, '26734-sua.json');
    const text = readFileSync(r2, 'utf8');
    writeFileSync(bad, text.replace('"communeName":"Xã Thử 26734"', '"communeName":"Xã Thử 26739"'));
    app.dialogs.openManyAnswers.push([r1, r2, bad]);
    await screen.chooseFiles();
    await expect.poll(() => screen.counts().textContent()).toBe('3 tệp: 1 sẽ nhận, 1 trùng, 1 bị từ chối');
    const rows = await screen.rows();
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      // A duplicate's verdict names the commune as the roster does; a tampered file names nothing trusted.
      ['26734-r1.json', '26734 · Xã Thử 26734', 'r1'],
      ['26734-r2.json', '26734 · Xã Thử 26734', 'r2'],
      ['26734-sua.json', '—', '—'],
    ]);
    expect(rows.map((r) => r[3])).toEqual(['Đã nhận trước đó', 'Bản sửa mới hơn', expect.stringMatching(/^✕ Bị từ chối: .{20,}/u)]);
    expect(await app.page.locator('tr[data-outcome="refused"]').getAttribute('class')).toBe('import-refused');
    expect(await screen.runButton().textContent()).toBe('Nhận 1 hồ sơ');
    await app.shot('dry-run');
    await smallScreen(app.page, 'dry-run-1093x614');
    await screen.runButton().click();
    await screen.done().waitFor();
    expect((await screen.rows()).map((r) => r[3])).toEqual(['Đã nhận trước đó', 'Đã nhận', expect.stringMatching(/^✕ Bị từ chối: /u)]);
    await app.shot('imported');

    // The board: the commune received r2 on time, the other commune nothing.
    await board.open();
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Tình hình nộp hồ sơ năm 2026');
    expect(await board.deadline().textContent()).toBe('Hạn nộp: 15/12/2026');
    const all = await board.rows();
    expect(Object.keys(all).sort()).toEqual(['26734', '26738']);
    expect(all['26738']).toBe('Chưa nhận');
    // The tampered copy named no verified commune, so it is not counted against 26734.
    expect(all['26734']).toBe('Đã nhận r2, 15:00 22/11/2026, đúng hạn');
    expect(await board.filter('all').textContent()).toBe('Tất cả (2)');
    await board.filter('not-received').click();
    expect(Object.keys(await board.rows())).toEqual(['26738']);
    await board.filter('all').click();
    await app.shot('board');
    // The import log, every file and verdict, saved as xlsx where the person chose.
    await screen.open();
    const logFile = join(h.dataDir, 'nhat-ky.xlsx');
    app.dialogs.saveAnswers.push(logFile);
    await app.page.getByTestId('import-log-xlsx').click();
    await app.page.getByTestId('import-log-saved').waitFor();
    expect(await app.page.getByTestId('import-log-saved').textContent()).toBe(`Đã lưu nhật ký nhận hồ sơ (4 dòng): ${logFile}`);
    expect(readFileSync(logFile).subarray(0, 2).toString('latin1')).toBe('PK');
    // A revision declaring 0,10 more on 1.2 than its inputs give: taken, flagged, and the row says what differs.
    const r3 = join(inbox, '26734-r3.json');
    copyFileSync(commune.export(lyingTotals('1.2', 10)), r3);
    app.dialogs.openManyAnswers.push([r3]);
    await screen.chooseFiles();
    await expect.poll(() => screen.counts().textContent()).toBe('1 tệp: 1 sẽ nhận, 0 trùng, 0 bị từ chối');
    expect(await app.page.getByTestId('import-log-saved').count()).toBe(0); // the saved log spoke of the files before
    await screen.runButton().click();
    await screen.done().waitFor();
    await expect.poll(() => app.page.getByTestId('import-differences').textContent()).toBe(' tiêu chí 1.2, điểm tự đánh giá, tổng điểm, chỉ số, điểm theo lĩnh vực');
    expect(await app.page.locator('tr[data-outcome="accepted"]').textContent()).toContain('Điểm tính lại khác điểm xã kê khai');
    await app.shot('imported-mismatch');
    await board.open();
    expect((await board.rows())['26734']).toMatch(/^Cần xem/u);
    await smallScreen(app.page, 'board-1093x614');
    // A commune with no key enrolled leads to the enrolment screen.
    await app.page.locator('tr[data-code="26738"]').getByRole('link', { name: 'Đăng ký khóa' }).click();
    await app.page.getByTestId('review-enrolment-screen').waitFor();
    await app.close();
  });
});
