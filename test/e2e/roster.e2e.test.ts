/**
 * The reviewing unit's roster in Chromium: a file with bad rows is previewed line by line and
 * cannot be imported; the corrected file is previewed (new rows), imported, listed in Vietnamese
 * order; a deadline is set, and a date that does not exist is refused with its sentence. Then by
 * hand: a commune added, a code already used refused, the new one renamed and retyped, then removed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { parsedSetup, provinceSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { RosterPage } from './pages/roster-page';

async function smallScreen(page: Page, testId: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'roster', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('the roster of communes (reviewing unit)', () => {
  const h = new Harness('roster');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('previews every row, refuses a file with bad rows, imports the corrected one, sets a deadline', async () => {
    const bad = join(h.dataDir, 'xa-loi.csv');
    writeFileSync(bad, 'Mã,Tên,Loại\n26734,Xã Bình Đào,xã\n26734,Xã Trùng Mã,xã\n2673,Xã Mã Ngắn,xã\n26800,Xã Lạ,huyện\n');
    const good = join(h.dataDir, 'xa.csv');
    writeFileSync(good, 'Mã,Tên,Loại\n26734,Xã Bình Đào,xã\n00004,Phường Ba Đình,phường\n22015,Đặc khu Phú Quý,đặc khu\n');
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(provinceSetup));
    await app.page.reload();
    const roster = new RosterPage(app.page);
    await roster.open();

    app.dialogs.openAnswers.push(bad);
    await roster.chooseFile();
    await expect.poll(() => roster.counts().textContent()).toContain('1 mới · 0 thay đổi · 0 không đổi · 3 bị từ chối');
    expect(await roster.previewRows('refused').count()).toBe(3);
    expect(await roster.previewRows('refused').first().textContent()).toContain('trùng với dòng 2');
    expect(await roster.confirmButton().isDisabled()).toBe(true);
    await app.shot('preview-refused');
    await smallScreen(app.page, 'roster-preview', 'preview-refused-1093x614');

    app.dialogs.openAnswers.push(good);
    await roster.chooseFile();
    await expect.poll(() => roster.counts().textContent()).toContain('3 mới · 0 thay đổi · 0 không đổi · 0 bị từ chối');
    await roster.confirmButton().click();
    await roster.notice().waitFor();
    expect(await roster.notice().textContent()).toContain('3 xã mới');
    // The list reloads after the notice: poll.
    await expect.poll(() => roster.table().locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['Đặc khu Phú Quý', 'Phường Ba Đình', 'Xã Bình Đào']);

    await roster.setDeadline('2026', '2026-02-30');
    await app.page.getByRole('alert').first().waitFor();
    expect(await app.page.getByRole('alert').first().textContent()).toContain('Dữ liệu nhập chưa hợp lệ');
    await roster.setDeadline('2026', '2026-12-15');
    await app.page.getByTestId('roster-deadlines').waitFor();
    expect(await app.page.getByTestId('roster-deadlines').textContent()).toContain('2026: 2026-12-15');
    await app.shot('imported');
    await smallScreen(app.page, 'roster-table', 'imported-1093x614');

    // By hand.
    await roster.add('26800', 'Xã Mới Lập', 'xa');
    await roster.row('26800').waitFor();
    await roster.add('26734', 'Xã Trùng', 'xa');
    await app.page.getByRole('alert').first().waitFor();
    expect(await app.page.getByTestId('roster-by-hand').getByRole('alert').textContent()).toContain('Mã xã này đã có trong danh sách');
    await roster.edit('26800', 'Phường Mới Lập', 'phuong');
    await expect.poll(() => roster.row('26800').locator('td').nth(1).textContent()).toBe('Phường Mới Lập');
    expect(await roster.row('26800').locator('td').nth(2).textContent()).toBe('Phường');
    await roster.row('26800').getByTestId('roster-edit').click();
    await app.shot('editing');
    await smallScreen(app.page, 'roster-by-hand', 'editing-1093x614');
    await app.page.getByTestId('roster-by-hand').getByRole('button', { name: 'Hủy' }).click();
    await roster.remove('26800');
    await expect.poll(() => roster.row('26800').count()).toBe(0);
    expect(await roster.table().locator('tbody tr').count()).toBe(3);
    await app.close();
  });
});
