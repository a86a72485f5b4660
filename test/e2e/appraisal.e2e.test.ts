/**
 * The reviewing unit appraises a commune in Chromium, keyboard first: Enter accepts a self-score
 * and moves on, digits type a score, N jumps to the next item needing attention; a request on an
 * item; the filters; the signed result exported and imported by the commune (pinned key), whose
 * answer comes back with the next revision; round 2 shows it, carries the unchanged decisions,
 * and the council finishes and locks. Screenshots at 1280 px and at 1093×614.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalNotes } from '../../electron/features/appraisal/commune-side';
import { acceptEnrolmentApproval, prepareEnrolmentRequest, recordEnrolmentRequest } from '../../electron/features/enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../../electron/features/enrolment/reviewer-enrolment';
import { exportReport } from '../../electron/features/export/export';
import { importPackages } from '../../electron/features/import/import';
import { createKey, unlockKey } from '../../electron/features/keys/keys';
import { completeSetup } from '../../electron/features/setup/identity';
import { fingerprintOf } from '../../electron/kernel/signing/ed25519';
import { goldenSources, setUpCommune } from '../fixtures/commune-report';
import { editEntry } from '../fixtures/appraisal';
import { addToRoster } from '../fixtures/reviewer-imports';
import { testKey } from '../fixtures/test-keys';
import { freshStore, parsedSetup, provinceSetup, type TestStore } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { AppraisalPage } from './pages/appraisal-page';
import { AssessmentPage } from './pages/assessment-page';
import { HomePage } from './pages/home-page';

async function smallScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'appraisal', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('appraising a commune, the result back to the commune and round 2 (reviewer)', () => {
  const h = new Harness('appraisal');
  let xa: TestStore;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    xa?.cleanup();
    return h.stop();
  });

  it('keyboard appraisal with a request, export, the commune answers, round 2, lock', async () => {
    const app = await h.open();
    const ctx = app.runtime.app.ctx;
    completeSetup(ctx, parsedSetup(provinceSetup));
    const pass = 'mật khẩu thẩm định 2026';
    await createKey(ctx, app.runtime.app.keys, pass);
    const unit = await unlockKey(app.runtime.app.keys, pass);
    xa = freshStore();
    setUpCommune(xa.ctx);
    const { record } = prepareEnrolmentRequest(xa.ctx, testKey('commune'), { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    const { approvalText } = approveEnrolmentRequest(ctx, record.text, unit);
    acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: fingerprintOf(unit.publicKey) });
    addToRoster({ ctx }, '26734', 'Xã Bình Đào');
    const usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    const send = () => {
      const path = exportReport(xa.ctx, { folder: usb, signer: testKey('commune'), sources: goldenSources(), appVersion: '0.1.0' }).path;
      expect(importPackages(ctx, [path], { unitCode: '49', provinceCode: '49' }, { dryRun: false })[0]!.outcome).toBe('accepted');
    };
    send();

    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    const screen = new AppraisalPage(app.page);
    // The secretary assigns field 1; the board says who owes which commune.
    await app.page.getByTestId('nav-review-appraisal').click();
    await app.page.getByTestId('assign-1').fill('Sở Nội vụ');
    await app.page.getByTestId('assign-1').press('Enter');
    await expect.poll(() => app.page.getByTestId('owing-1').textContent()).toBe('1 xã (26734)');
    await app.shot('assignments');
    await screen.open('26734');
    expect(await screen.summary().textContent()).toContain('Vòng 1 · hồ sơ lần 1 · Đã thẩm định 0/53 tiêu chí · Còn 53 tiêu chí giữ điểm tự chấm');
    expect(await screen.selected()).toBe('1.1');

    // Enter accepts 1.1's self-score and moves to the next item needing attention.
    await screen.press('Enter');
    await expect.poll(() => screen.selected()).toBe('1.2');
    expect((await screen.rows())[0]).toEqual(['1.1', '0,50']);
    // A digit starts a score; Enter saves it and moves on.
    await screen.press('ArrowDown');
    await expect.poll(() => screen.selected()).toBe('1.3');
    await screen.press('0');
    await app.page.keyboard.type(',5');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => screen.selected()).toBe('1.4');
    expect((await screen.rows()).find((r) => r[0] === '1.3')).toEqual(['1.3', '0,50']);
    // Typed again over a saved score, the digit replaces it ("0,50" does not become "0,500,5").
    await screen.press('ArrowUp');
    await expect.poll(() => screen.selected()).toBe('1.3');
    await screen.press('0');
    await app.page.keyboard.type(',5');
    expect(await app.page.getByTestId('appraisal-score').inputValue()).toBe('0,5');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => screen.selected()).toBe('1.4');
    // A request on 1.3.
    await app.page.locator('[role="option"][data-code="1.3"]').click();
    await app.page.getByTestId('appraisal-request-kind').selectOption('explain');
    await app.page.getByTestId('appraisal-request').fill('Giải trình việc chậm báo cáo quý II.');
    await app.page.getByTestId('appraisal-save-notes').click();
    await expect.poll(() => screen.summary().textContent()).toContain('Còn 51 tiêu chí giữ điểm tự chấm');
    // N: the next item needing attention after 1.3 is 1.4.
    await screen.press('n');
    await expect.poll(() => screen.selected()).toBe('1.4');
    // A comment typed on 1.4 and left with a click on another item is saved, not dropped with the boxes.
    await app.page.getByTestId('appraisal-comment').fill('Chưa thấy văn bản kèm theo.');
    await app.page.locator('[role="option"][data-code="1.5"]').click();
    await expect.poll(() => screen.selected()).toBe('1.5');
    expect(await app.page.getByTestId('appraisal-comment').inputValue()).toBe('');
    await app.page.locator('[role="option"][data-code="1.4"]').click();
    await expect.poll(() => app.page.getByTestId('appraisal-comment').inputValue()).toBe('Chưa thấy văn bản kèm theo.');
    await expect.poll(() => app.page.locator('[role="option"][data-code="1.4"] .appraised').textContent()).toBe('—'); // a comment, no score
    // From the keyboard: Esc in the note goes back to the list and the note is kept.
    await app.page.locator('[role="option"][data-code="1.5"]').click();
    await app.page.getByTestId('appraisal-comment').fill('Văn bản chưa đúng thẩm quyền.');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('appraisal-list');
    await screen.press('ArrowUp');
    await expect.poll(() => screen.selected()).toBe('1.4');
    await screen.press('ArrowDown');
    await expect.poll(() => app.page.getByTestId('appraisal-comment').inputValue()).toBe('Văn bản chưa đúng thẩm quyền.');
    await app.page.locator('[role="option"][data-code="1.4"]').click();
    // Filters.
    await screen.filter('differs').click();
    expect((await screen.rows()).map((r) => r[0])).toEqual(['1.3']);
    await screen.filter('evidence-missing').click();
    expect((await screen.rows()).map((r) => r[0])).toContain('1.2');
    await screen.filter('all').click();
    await app.page.locator('[role="option"][data-code="1.3"]').click();
    await app.shot('round-1');
    await smallScreen(app.page, 'round-1-1093x614');

    // The signed result to the USB stick.
    app.dialogs.folderAnswers.push(usb);
    await app.page.getByTestId('input-appraisal-pass').fill(pass);
    await app.page.getByTestId('appraisal-export').click();
    await expect.poll(() => app.page.getByTestId('appraisal-notice').textContent()).toMatch(/^Đã xuất .*CCHC-TD-2026-26734-r1-1\.json \(vòng 1, 1 yêu cầu\)\.$/u);

    // The commune app imports it (pinned key), sees the request on the item, answers, and sends revision 2.
    const result = join(usb, 'CCHC-TD-2026-26734-r1-1.json');
    const xaApp = await h.open({ dbPath: xa.file });
    await new HomePage(xaApp.page).waitFor('commune');
    const criteria = new AssessmentPage(xaApp.page);
    await criteria.open();
    xaApp.dialogs.openAnswers.push(result);
    await xaApp.page.getByTestId('appraisal-import').click();
    await expect.poll(() => xaApp.page.getByTestId('appraisal-imported').textContent()).toBe('Đã nhập kết quả thẩm định: 2 nhận xét, 1 yêu cầu.');
    const note = criteria.item('1.3').getByTestId('appraisal-note-1.3');
    expect(await note.getByTestId('appraisal-request-text').textContent()).toBe('Yêu cầu giải trình: Giải trình việc chậm báo cáo quý II.');
    // An answer typed and left is saved (it would not travel with the next revision otherwise); the button saves too.
    await note.getByTestId('appraisal-answer').fill('Báo cáo gửi chậm.');
    await note.getByTestId('appraisal-answer').blur();
    await expect.poll(() => appraisalNotes(xa.ctx).notes.find((n) => n.itemCode === '1.3')!.answer).toBe('Báo cáo gửi chậm.');
    await note.getByTestId('appraisal-answer').fill('Báo cáo gửi chậm 2 ngày do mất điện.');
    await note.getByTestId('appraisal-answer-save').click();
    await expect.poll(() => xaApp.page.getByTestId('appraisal-banner-text').textContent()).toContain('1 yêu cầu, đã trả lời 1');
    await note.scrollIntoViewIfNeeded();
    await xaApp.shot('commune-answer');
    await smallScreen(xaApp.page, 'commune-answer-1093x614');
    expect(appraisalNotes(xa.ctx).notes.find((n) => n.itemCode === '1.3')!.answer).toBe('Báo cáo gửi chậm 2 ngày do mất điện.');
    await xaApp.close();
    editEntry(xa, '1.3', { explanation: 'Chậm 01 báo cáo quý II; đã nộp bổ sung ngày 15/7.' });
    send();

    // Round 2: the answer beside the item, 1.1 carried over, 1.3 to look at again.
    await app.page.reload();
    await screen.summary().waitFor();
    expect(await screen.summary().textContent()).toContain('Vòng 2 · hồ sơ lần 2 · Đã thẩm định 1/53 tiêu chí');
    expect((await screen.rows())[0]).toEqual(['1.1', '0,50']);
    await app.page.locator('[role="option"][data-code="1.3"]').click();
    await expect.poll(() => app.page.getByTestId('detail-answer').textContent()).toBe('Báo cáo gửi chậm 2 ngày do mất điện.');
    expect(await app.page.getByTestId('detail-changed').textContent()).toBe('thuyết minh');
    expect(await app.page.locator('[role="option"][data-code="1.3"] [data-testid="changed-mark"]').count()).toBe(1);
    expect(await app.page.locator('[role="option"][data-code="1.1"] [data-testid="changed-mark"]').count()).toBe(0);
    await app.shot('round-2');
    await smallScreen(app.page, 'round-2-1093x614');
    // A comment typed and not saved goes with the score saved after it, not lost when the item changes.
    await app.page.getByTestId('appraisal-comment').fill('Đã xem giải trình, chấp nhận điểm tự chấm.');
    await app.page.getByTestId('accept-self').click();
    await expect.poll(() => screen.selected()).not.toBe('1.3');
    await app.page.locator('[role="option"][data-code="1.3"]').click();
    await expect.poll(() => app.page.getByTestId('appraisal-comment').inputValue()).toBe('Đã xem giải trình, chấp nhận điểm tự chấm.');
    await app.page.getByTestId('accept-rest').click();
    await expect.poll(() => screen.summary().textContent()).toContain('Còn 0 tiêu chí giữ điểm tự chấm');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByTestId('appraisal-lock').click();
    await expect.poll(() => app.page.getByTestId('appraisal-locked').textContent()).toMatch(/^Đã khóa và phê duyệt: /u);
    await app.page.getByTestId('field-done').locator('[data-field="1"]').click();
    await expect.poll(() => app.page.getByTestId('field-done').locator('[data-field="1"]').getAttribute('aria-pressed')).toBe('true');
    await app.shot('locked');
    await app.close();
  });
});
