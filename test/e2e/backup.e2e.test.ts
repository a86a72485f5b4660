/**
 * Backup and restore in Chromium: a backup made on demand is listed with what it holds; a change,
 * then a restore (with its confirmation) brings the data back and keeps a pre-restore copy. Then
 * the database is damaged: the app opens on the recovery screen (never a blank window) with the
 * last good backup and what would be lost; after the confirmation it is restored, the damaged
 * file kept aside, and the app opens.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry, saveExplanation } from '../../electron/features/assessment/use-cases';
import { completeSetup } from '../../electron/features/setup/identity';
import { damage } from '../helpers/backup';
import { communeSetup, parsedSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { BackupPage } from './pages/backup-page';

async function smallScreen(page: Page, testId: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'backup', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('backup, restore and the recovery path', () => {
  const h = new Harness('backup');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('lists a backup with what it holds, restores it after a confirmation', async () => {
    const app = await h.open();
    const { ctx } = app.runtime.app;
    completeSetup(ctx, parsedSetup(communeSetup));
    await app.runtime.app.perform(saveEntry, { code: '1.3', entry: { input: { type: 'deduction', events: 1 } } });
    await app.runtime.app.perform(saveExplanation, { code: '1.3', text: 'trước khi sao lưu' });
    await app.page.reload();
    await app.page.getByTestId('home-commune').waitFor();
    const backup = new BackupPage(app.page);
    await backup.open(app.menu);
    await backup.create().click();
    await backup.done().waitFor();
    await expect.poll(() => backup.rows().count()).toBe(1);
    const row = backup.row('manual');
    expect(await row.textContent()).toContain('Xã Bình Đào (26734), năm 2026');
    expect(await row.textContent()).toContain('1 tiêu chí thành phần · 0 tài liệu kiểm chứng · 0 phiếu');
    await app.shot('list');
    await smallScreen(app.page, 'backup-table', 'list-1093x614');

    await app.runtime.app.perform(saveExplanation, { code: '1.3', text: 'sau khi sao lưu' });
    await row.getByTestId('restore').click();
    await app.page.getByTestId('restore-confirm').waitFor();
    expect(await app.page.getByTestId('restore-confirm').textContent()).toContain('được sao lưu trước');
    await app.shot('restore-confirm');
    await smallScreen(app.page, 'restore-confirm', 'restore-confirm-1093x614');
    await app.page.getByTestId('restore-yes').click();
    await backup.done().waitFor();
    expect(await backup.done().textContent()).toContain('Đã khôi phục');
    await expect.poll(() => backup.row('pre-restore').count()).toBe(1);
    const explanation = (app.runtime.db.prepare("SELECT explanation FROM assessment_entries WHERE item_code = '1.3'").get() as { explanation: string }).explanation;
    expect(explanation).toBe('trước khi sao lưu');
    await app.shot('restored');
    await app.close();
  });

  it('a damaged database opens on the recovery screen, which restores the last good backup', async () => {
    damage(h.dbPath);
    const app = await h.open();
    const backup = new BackupPage(app.page);
    await backup.recovery().waitFor();
    expect(await backup.lastGood().textContent()).toContain('Xã Bình Đào (26734), năm 2026');
    expect(await backup.loss().textContent()).toContain('Những gì sẽ mất: các thay đổi sau');
    await app.shot('recovery');
    await smallScreen(app.page, 'recovery-last-good', 'recovery-1093x614');
    await app.page.getByTestId('recovery-restore').click();
    await app.page.getByTestId('recovery-confirm').waitFor();
    await app.shot('recovery-confirm');
    await app.page.getByTestId('recovery-yes').click();
    await app.page.getByTestId('recovery-done').waitFor();
    expect(readdirSync(h.dataDir).some((n) => n.startsWith('app.sqlite.damaged-'))).toBe(true);
    await app.shot('recovery-done');
    await app.page.getByTestId('recovery-open').click();
    await app.page.getByTestId('home-commune').waitFor();
    await app.shot('home-after-recovery');
    await app.close();
  });
});
