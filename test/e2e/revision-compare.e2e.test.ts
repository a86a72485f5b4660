/**
 * The reviewing unit compares any two received revisions of a commune on its appraisal screen:
 * the newest against the previous by default (here a revision whose declared figures differ from
 * the recompute: both shown, and the revision flagged), each revision's receipt day and on time or
 * late against the year's deadline, two identical ones ("Hai lần gửi giống nhau"), the first
 * against the fourth (the union of the changes), and a changed item's link moves the appraisal
 * cursor to it, by keyboard. Screenshots at 1280 px and at 1093×614.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptEnrolmentApproval, prepareEnrolmentRequest, recordEnrolmentRequest } from '../../electron/features/enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../../electron/features/enrolment/reviewer-enrolment';
import { exportReport } from '../../electron/features/export/export';
import { importPackages } from '../../electron/features/import/import';
import { completeSetup } from '../../electron/features/setup/identity';
import { fingerprintOf } from '../../electron/kernel/signing/ed25519';
import { goldenSources, setUpCommune } from '../fixtures/commune-report';
import { editEntry, lyingTotals } from '../fixtures/appraisal';
import { addToRoster } from '../fixtures/reviewer-imports';
import { testKey } from '../fixtures/test-keys';
import { setDeadline } from '../../electron/features/roster/roster';
import type { ReportSources } from '../../electron/features/export/report-sources';
import { fixedClock, freshStore, parsedSetup, provinceSetup, type TestStore } from '../helpers/context';
import { Harness } from './harness';
import { AppraisalPage } from './pages/appraisal-page';
import { HomePage } from './pages/home-page';

describe('comparing two submissions of a commune (reviewer)', () => {
  const h = new Harness('revision-compare');
  let xa: TestStore;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    xa?.cleanup();
    return h.stop();
  });

  it('newest vs previous by default, any two on request, a link to each changed item', async () => {
    const app = await h.open();
    const ctx = app.runtime.app.ctx;
    completeSetup(ctx, parsedSetup(provinceSetup));
    xa = freshStore();
    setUpCommune(xa.ctx);
    const { record } = prepareEnrolmentRequest(xa.ctx, testKey('commune'), { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    const { approvalText } = approveEnrolmentRequest(ctx, record.text, testKey('reviewer'));
    acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: fingerprintOf(testKey('reviewer').publicKey) });
    addToRoster({ ctx }, '26734', 'Xã Bình Đào');
    const usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    // Received at 09:00 in Vietnam on the given day; the deadline is 21/11/2026.
    setDeadline(ctx, 2026, '2026-11-21');
    const send = (day: string, sources: ReportSources = goldenSources()) => {
      const path = exportReport(xa.ctx, { folder: usb, signer: testKey('commune'), sources, appVersion: '0.1.0' }).path;
      const at = { ...ctx, clock: fixedClock(`${day}T02:00:00.000Z`) };
      expect(importPackages(at, [path], { unitCode: '49', provinceCode: '49' }, { dryRun: false })[0]!.outcome).toBe('accepted');
    };
    send('2026-11-20');
    editEntry(xa, '1.2', { input: { type: 'ratio', numerator: 10, denominator: 10 } });
    send('2026-11-21');
    editEntry(xa, '1.3', { explanation: 'Đã nộp bổ sung báo cáo quý II ngày 15/7.' });
    send('2026-11-22');
    send('2026-11-23'); // the fourth revision is the third sent again
    send('2026-11-24', lyingTotals('1.2', 10)); // the fifth declares 0,10 more than its inputs give

    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    const screen = new AppraisalPage(app.page);
    await screen.open('26734');
    const compare = app.page.getByTestId('revision-compare');
    await compare.waitFor();
    expect(await app.page.getByTestId('compare-from').inputValue()).toBe('4');
    expect(await app.page.getByTestId('compare-to').inputValue()).toBe('5');
    expect(await app.page.getByTestId('compare-from').locator('option').allTextContents()).toEqual([
      'Lần 1 · nhận 20/11/2026 · đúng hạn', 'Lần 2 · nhận 21/11/2026 · đúng hạn', 'Lần 3 · nhận 22/11/2026 · sau hạn',
      'Lần 4 · nhận 23/11/2026 · sau hạn', 'Lần 5 · nhận 24/11/2026 · sau hạn',
    ]);

    // The newest two: the fifth's declared figures beside the recompute, and the fifth flagged.
    const header = app.page.getByTestId('compare-header');
    await header.waitFor();
    const [four, five] = await header.locator(':scope > div').allInnerTexts();
    expect(four).toMatch(/^Lần 4\s+nhận 23\/11\/2026 · sau hạn\s*hạn gửi 21\/11\/2026\s+Tổng điểm: \d+,\d\d\s+Chỉ số: \d+,\d\d%$/u);
    const totals = /Tổng điểm: xã tự chấm (\d+),(\d\d) · tính lại (\d+),(\d\d)\s+Chỉ số: xã tự chấm [\d,]+% · tính lại [\d,]+%/u.exec(five ?? '');
    expect(totals).not.toBeNull();
    expect(Number(totals![1]) * 100 + Number(totals![2]) - (Number(totals![3]) * 100 + Number(totals![4]))).toBe(10);
    expect(await header.locator('.compare-recomputed').count()).toBe(2);
    expect(five).toContain('Lần 5 bị đánh dấu lệch khi nhận hồ sơ: điểm tính lại theo bộ tiêu chí khác điểm xã tự chấm.');
    expect(await app.page.getByTestId('compare-mismatch-4').count()).toBe(0);
    const newest = app.page.getByTestId('compare-list');
    await newest.waitFor();
    expect(await newest.locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['1.2']);
    expect(await newest.locator('.compare-recomputed').allTextContents()).toEqual([expect.stringMatching(/^Lần 5: xã tự chấm \d+,\d\d · tính lại \d+,\d\d$/u)]);
    await app.shotBoth('compare-4-5');

    // Two identical revisions.
    await app.page.getByTestId('compare-from').selectOption('3');
    await app.page.getByTestId('compare-to').selectOption('4');
    await expect.poll(() => app.page.getByTestId('compare-empty').textContent()).toBe('Hai lần gửi giống nhau.');

    // By keyboard: the first select, then the arrow keys.
    await app.page.getByTestId('compare-from').focus();
    await app.page.getByTestId('compare-from').selectOption('1');
    const list = app.page.getByTestId('compare-list');
    await list.waitFor();
    expect(await list.locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['1.2', '1.3']);
    const text = (await list.textContent()) ?? '';
    expect(text).toMatch(/Điểm tự chấm: \d+,\d\d → \d+,\d\d/u);
    expect(text).toContain('Số liệu: ');
    expect(text).toContain('Thuyết minh mới: Đã nộp bổ sung báo cáo quý II ngày 15/7.');
    await app.shotBoth('compare-1-4');

    // The same revision on both sides: asked to choose two, nothing listed.
    await app.page.getByTestId('compare-to').selectOption('1');
    await expect.poll(() => compare.textContent()).toContain('Hãy chọn hai lần gửi khác nhau.');
    expect(await list.count()).toBe(0);
    await app.page.getByTestId('compare-to').selectOption('4');

    // The link moves the appraisal cursor, and the list takes the keyboard.
    await screen.filter('differs').click();
    await app.page.getByTestId('compare-goto-1.3').focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => screen.selected()).toBe('1.3');
    expect(await screen.filter('all').getAttribute('aria-pressed')).toBe('true');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => screen.selected()).toBe('1.4');
    await app.shotBoth('after-goto');
  });
});
