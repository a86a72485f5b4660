/**
 * The reviewing unit sees what a commune confirmed when it sent its package late and short of
 * survey forms, with its reason: on the board (a mark that opens to the sentences) and in the
 * appraisal screen's header. Screenshots at 1280 px and at 1093×614.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/features/import/import';
import { storeTypedDeadline } from '../../electron/features/settings/deadline';
import type { Commune } from '../fixtures/reviewer-imports';
import { Harness } from './harness';
import { AppraisalPage } from './pages/appraisal-page';
import { BoardPage } from './pages/review-import-page';
import { reviewerReceivingFrom } from './worlds';

const REASON = 'Chờ UBND huyện ký văn bản';

describe('what the commune confirmed when sending, where the reviewer decides', () => {
  const h = new Harness('review-overrides');
  let commune: Commune;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    commune?.store.cleanup();
    return h.stop();
  });

  it('the board\'s mark opens to the sentences; the appraisal header lists them with the reason', async () => {
    const app = await h.open();
    commune = await reviewerReceivingFrom(app, '26734', [['26738', 'Xã Chưa Gửi']]);
    storeTypedDeadline(commune.store.ctx, 2026, '2026-01-02');
    const inbox = join(h.dataDir, 'inbox');
    mkdirSync(inbox);
    const file = join(inbox, '26734-r1.json');
    copyFileSync(commune.exportOverriding(REASON), file);
    expect(importPackages(app.runtime.app.ctx, [file], { unitCode: '49', provinceCode: '49' }, { dryRun: false })[0]).toMatchObject({ outcome: 'accepted' });

    const board = new BoardPage(app.page);
    await board.open();
    const mark = app.page.getByTestId('board-overrides-26734');
    await expect.poll(() => mark.locator('summary').textContent()).toBe('Xã xác nhận 3 cảnh báo khi gửi');
    expect(await app.page.getByTestId('board-overrides-26738').count()).toBe(0);
    expect(await mark.locator('summary').getAttribute('title')).toContain(`Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: ${REASON}`);
    await mark.locator('summary').click();
    await expect.poll(() => mark.locator('li').allTextContents()).toContain(`Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: ${REASON}`);
    await app.shotBoth('board');

    const appraisal = new AppraisalPage(app.page);
    await appraisal.open('26734');
    const header = app.page.getByTestId('appraisal-overrides');
    expect(await header.locator('strong').textContent()).toBe('Khi gửi hồ sơ lần 1, xã đã xác nhận:');
    const lines = await header.locator('li').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines).toContain(`Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: ${REASON}`);
    expect(lines.some((l) => /^Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu \(\d+\/\d+\), lý do: /u.test(l))).toBe(true);
    await app.shotBoth('appraisal');
  });
});
