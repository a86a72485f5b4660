/**
 * The reviewing unit compares any two received revisions of a commune on its appraisal screen:
 * the newest against the previous by default (here identical: "Hai lần gửi giống nhau"), then the
 * first against the newest (the union of the changes), and a changed item's link moves the
 * appraisal cursor to it, by keyboard. Screenshots at 1280 px and at 1093×614.
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
import { editEntry } from '../fixtures/appraisal';
import { addToRoster } from '../fixtures/reviewer-imports';
import { testKey } from '../fixtures/test-keys';
import { freshStore, parsedSetup, provinceSetup, type TestStore } from '../helpers/context';
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
    const send = () => {
      const path = exportReport(xa.ctx, { folder: usb, signer: testKey('commune'), sources: goldenSources(), appVersion: '0.1.0' }).path;
      expect(importPackages(ctx, [path], { unitCode: '49', provinceCode: '49' }, { dryRun: false })[0]!.outcome).toBe('accepted');
    };
    send();
    editEntry(xa, '1.2', { input: { type: 'ratio', numerator: 10, denominator: 10 } });
    send();
    editEntry(xa, '1.3', { explanation: 'Đã nộp bổ sung báo cáo quý II ngày 15/7.' });
    send();
    send(); // the fourth revision is the third sent again

    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    const screen = new AppraisalPage(app.page);
    await screen.open('26734');
    const compare = app.page.getByTestId('revision-compare');
    await compare.waitFor();
    expect(await app.page.getByTestId('compare-from').inputValue()).toBe('3');
    expect(await app.page.getByTestId('compare-to').inputValue()).toBe('4');
    expect(await app.page.getByTestId('compare-from').locator('option').allTextContents()).toEqual(
      [1, 2, 3, 4].map((n) => expect.stringMatching(new RegExp(`^Lần ${n} · nhận \\d\\d/\\d\\d/\\d{4}$`, 'u'))),
    );
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
