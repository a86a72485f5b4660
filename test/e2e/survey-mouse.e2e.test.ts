/**
 * The survey with the mouse: a form keyed by clicks alone (the paper number typed, then
 * "Mở phiếu"), a required question left blank stopping the save and named, the target reached
 * ("Đủ 20/20 phiếu") and a form beyond it flagged in the list, a saved form corrected by going
 * straight to a question (a click, or "Đến câu" by code) instead of re-keying it, and the Keys
 * screen asking for the key's backup until one exists. Screens at 1280 px and 1093×614.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSurvey } from '../../shared/framework/sample-survey';
import type { SurveyAnswer, SurveyForm } from '../../shared/scoring/survey';
import { formatSurveyDate } from '../../shared/scoring/survey-answer';
import { isOptionQuestion, keyingOrder } from '../../renderer/src/features/commune/survey/keying-model';
import { completeSetup } from '../../electron/features/setup/identity';
import { applySurveySection, validateSurveySection } from '../../electron/features/survey/import';
import { activeFramework } from '../../electron/features/framework/active';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { KeysPage } from './pages/keys-page';
import { SurveyPage } from './pages/survey-page';

const examples = (JSON.parse(readFileSync(new URL('../../docs/examples/sample-survey-forms.json', import.meta.url), 'utf8')) as { forms: SurveyForm[] }).forms;
const order = keyingOrder(sampleSurvey);
const PASS = 'mật khẩu khóa xã 2026';
const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/survey-mouse/', import.meta.url));

const answersOf = (app: AppSession, formNo: string) =>
  JSON.parse((app.runtime.db.prepare('SELECT answers_json FROM survey_forms WHERE form_no = ? AND deleted_at IS NULL').get(formNo) as { answers_json: string }).answers_json) as Record<string, SurveyAnswer>;
const current = (app: AppSession) => app.page.locator('[data-current]').getAttribute('data-code');

/** Every answer of `answers` by the mouse: a click per option; typed answers typed into the box and left by the next click. */
async function clickAnswers(app: AppSession, answers: Record<string, SurveyAnswer>, skip: readonly string[] = []): Promise<void> {
  const { page } = app;
  for (const q of order) {
    if (skip.includes(q.code)) continue;
    const a = answers[q.code] ?? null;
    if (isOptionQuestion(q)) {
      await page.getByTestId(`option-${q.code}-${a === null ? '0' : String(a)}`).click();
    } else {
      await page.getByTestId(`jump-${q.code}`).click();
      await expect.poll(() => current(app)).toBe(q.code);
      await page.getByTestId('typed-answer').fill(a === null ? '' : q.type === 'date' ? formatSurveyDate(String(a)) : String(a));
    }
  }
}

describe('sociological survey by mouse, the target, and the key backup nag', () => {
  const h = new Harness('survey-mouse');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    const ctx = { db, clock: fixedClock(), actor: () => 'setup' };
    completeSetup(ctx, communeSetup);
    // 18 forms already in (loaded from a file): two to go before the target of 20.
    const { framework } = activeFramework(ctx);
    db.transaction(() => applySurveySection(ctx, validateSurveySection(framework, { forms: examples.slice(0, 18) })))();
    db.close();
  });
  afterAll(() => h.stop());

  it('keys a form by mouse, stops on a blank required question, reaches the target and flags a form beyond it', async () => {
    const app = await h.open();
    const { page } = app;
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey');
    const survey = new SurveyPage(page, sampleSurvey);
    await survey.formNo().waitFor();
    await expect.poll(() => page.getByTestId('keying-progress').textContent()).toBe('18/20 phiếu · đã nhập lần 2: 0');

    // ---- form 019 by mouse: the number typed (it is on the paper), everything else clicked --------
    const f19 = examples[18]!;
    await survey.formNo().fill('019');
    await page.getByTestId('open-form').click();
    await page.getByTestId('keying').waitFor();
    await clickAnswers(app, f19.answers, ['A5']); // A5 missed, as happens with a mouse
    await app.shotBoth('mouse-keyed');
    await page.getByTestId('save-form').click();
    // Stopped: the question named, the highlight on it, nothing saved.
    await expect.poll(() => page.getByTestId('keying-hint').textContent()).toBe(
      'Câu A5 (Hồ sơ của Ông/Bà có được tiếp nhận đúng thành phần như đã…) là bắt buộc: hãy chọn một câu trả lời theo phiếu giấy.',
    );
    await expect.poll(() => current(app)).toBe('A5');
    expect((app.runtime.db.prepare("SELECT status FROM survey_forms WHERE form_no = '019'").get() as { status: string }).status).toBe('draft');
    await app.shotBoth('required-stop');
    // What the clerk sees on a 1366×768 laptop at 125 %: the question and the message together.
    await page.setViewportSize({ width: 1093, height: 614 });
    await page.getByTestId('jump-A5').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'required-stop-viewport-1093x614.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByTestId(`option-A5-${String(f19.answers['A5'])}`).click();
    await page.getByTestId('save-form').click();
    await expect.poll(() => survey.notice().textContent()).toBe('Đã lưu phiếu số 019. Nhập phiếu tiếp theo.');
    const saved19 = answersOf(app, '019');
    for (const q of order) expect([q.code, saved19[q.code] ?? null]).toEqual([q.code, f19.answers[q.code] ?? null]);
    await expect.poll(() => page.getByTestId('keying-progress').textContent()).toBe('19/20 phiếu · đã nhập lần 2: 0');

    // ---- form 020 by keyboard (unchanged path): the target is reached ------------------------------
    // After the save "020" is proposed and selected; Enter alone opens it.
    expect(await survey.formNo().inputValue()).toBe('020');
    await survey.formNo().focus();
    await survey.press('Enter');
    await survey.keyAnswers(examples[19]!.answers);
    await survey.save();
    await expect.poll(() => page.getByTestId('keying-progress').textContent()).toBe('✓ Đủ 20/20 phiếu · đã nhập lần 2: 0');
    expect(await page.getByTestId('keying-progress').getAttribute('data-state')).toBe('reached');
    await app.shotBoth('target-reached');

    // ---- 021: one beyond the target, saved with the button -----------------------------------------
    await page.getByTestId('open-form').click();
    await survey.keyAnswers(examples[20]!.answers);
    await page.getByTestId('save-form').click();
    await expect.poll(() => survey.notice().textContent()).toBe('Đã lưu phiếu số 021. Nhập phiếu tiếp theo.');
    await expect.poll(() => page.getByTestId('keying-progress').textContent()).toBe('✓ Đủ 20/20 phiếu · vượt chỉ tiêu 1 phiếu · đã nhập lần 2: 0');

    // ---- "Phiếu mới" leaves a form half-keyed as a draft and proposes the next number --------------
    await page.getByTestId('open-form').click();
    await page.getByTestId('option-TT1-2').click();
    await page.getByTestId('new-form').click();
    await expect.poll(() => survey.formNo().inputValue()).toBe('023');
    expect((app.runtime.db.prepare("SELECT status, answers_json FROM survey_forms WHERE form_no = '022'").get() as { status: string; answers_json: string })).toEqual({ status: 'draft', answers_json: '{"TT1":"2"}' });

    // ---- the forms list flags the form beyond the target and says what it means --------------------
    await survey.tab('Danh sách phiếu');
    await page.getByTestId('forms-table').waitFor();
    expect(await page.getByTestId('forms-progress').textContent()).toBe('✓ Đủ 20/20 phiếu · vượt chỉ tiêu 1 phiếu · đã nhập lần 2: 0');
    expect(await page.locator('[data-testid^="beyond-0"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['beyond-021']);
    expect(await page.getByTestId('beyond-note').textContent()).toContain('Phiếu vượt chỉ tiêu vẫn được tính vào kết quả điều tra và gửi trong hồ sơ (không phiếu nào bị bỏ).');
    await app.shotBoth('forms-beyond-target');
    // Nothing dropped: 21 saved forms count.
    expect(app.runtime.db.prepare("SELECT count(*) AS n FROM survey_forms WHERE status = 'saved' AND deleted_at IS NULL").get()).toEqual({ n: 21 });
    await app.close();
  }, 180_000);

  it('corrects a saved form by going straight to its questions (a click, or "Đến câu"), keys still working', async () => {
    const app = await h.open();
    const { page } = app;
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey/forms');
    await page.getByTestId('forms-table').waitFor();
    await page.getByTestId('form-row-005').getByRole('button', { name: 'Mở, sửa' }).click();
    await page.getByTestId('keying').waitFor();
    await expect.poll(() => current(app)).toBe('TT1');
    const before = answersOf(app, '005');
    const newB3 = before['B3'] === '1' ? '2' : '1';
    const newA2 = before['A2'] === '5' ? '4' : '5';
    // A click on the question goes to it; a click on an option answers it.
    await page.getByTestId('jump-B3').click();
    await expect.poll(() => current(app)).toBe('B3');
    await page.getByTestId(`option-B3-${newB3}`).click();
    await expect.poll(() => current(app)).toBe('B4');
    // "Đến câu" by code, then a digit key: the keyboard still answers after the mouse.
    await page.getByTestId('jump-to').fill('a2');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => current(app)).toBe('A2');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'keying');
    await page.keyboard.press(newA2);
    await expect.poll(() => current(app)).toBe('A3');
    await app.shotBoth('correcting-by-jump');
    await page.getByTestId('save-form').click();
    await page.getByTestId('forms-table').waitFor();
    expect(answersOf(app, '005')).toEqual({ ...before, B3: newB3, A2: newA2 });
    const log = app.runtime.db.prepare("SELECT new_json FROM audit_log WHERE action = 'survey.answer.correct' ORDER BY id").all() as { new_json: string }[];
    expect(log.map((r) => (JSON.parse(r.new_json) as { code: string }).code)).toEqual(['B3', 'A2']);

    // Second-pass keying still works, and a difference is settled with a click on the paper's value.
    const survey = new SurveyPage(page, sampleSurvey);
    await survey.tab('Nhập lần 2');
    await page.locator('.survey[data-pass="2"]').waitFor();
    await page.getByTestId('keyed-by').fill('Trần Văn Lâm');
    const paper = examples[2]!.answers;
    const wrongB2 = paper['B2'] === '1' ? '2' : '1';
    await survey.formNo().fill('003');
    await page.getByTestId('open-form').click();
    await survey.keyAnswers({ ...paper, B2: wrongB2 });
    await page.getByTestId('save-form').click();
    await page.getByTestId('resolve').waitFor();
    await app.shotBoth('resolve-by-mouse');
    await page.getByTestId('pick-first-B2').click();
    await expect.poll(() => survey.notice().textContent()).toBe('Đã xử lý xong chênh lệch của phiếu số 003: đã kiểm tra.');
    expect(answersOf(app, '003')['B2']).toBe(paper['B2']);
    await app.close();
  }, 120_000);

  it('asks for the key backup on the Keys screen from the moment the key is created until it is backed up', async () => {
    const app = await h.open();
    const { page } = app;
    await page.getByTestId('nav-keys').click();
    const keys = new KeysPage(page);
    await keys.waitFor();
    expect(await page.getByTestId('keys-backup-nag').count()).toBe(0); // no key yet: nothing to back up
    await keys.createKey(PASS);
    await keys.keyId().waitFor();
    await page.getByTestId('keys-backup-nag').waitFor();
    expect(await page.getByTestId('keys-backup-nag').textContent()).toContain('Chưa sao lưu khóa ký');
    // The banner holds the form and the button that makes the backup, above the key's facts.
    expect(await page.getByTestId('backup-submit').textContent()).toBe('Sao lưu khóa ngay');
    const [bannerTop, keyTop] = await Promise.all([page.getByTestId('backup-card').boundingBox(), page.getByTestId('key-card').boundingBox()]);
    expect(bannerTop!.y).toBeLessThan(keyTop!.y);
    await app.shotBoth('keys-backup-nag');
    // Leaving and coming back: still asked (Home's checklist says so, not this screen's memory).
    await app.menu('/');
    await page.getByTestId('backup-nag').waitFor();
    await page.getByTestId('backup-nag-go').click();
    await page.getByTestId('keys-backup-nag').waitFor();
    const usb = join(h.dataDir, 'usb');
    mkdirSync(usb, { recursive: true });
    app.dialogs.folderAnswers.push(usb);
    await keys.backup(PASS, 'mật khẩu sao lưu 2026');
    await expect.poll(() => page.getByTestId('keys-backup-nag').count()).toBe(0);
    expect(await page.getByTestId('backup-done').textContent()).toContain('Đã sao lưu:');
    expect(await page.getByTestId('backup-submit').textContent()).toBe('Sao lưu vào thư mục hoặc USB…');
    await app.shotBoth('keys-backed-up');
    await app.menu('/');
    await page.getByTestId('year-checklist').waitFor();
    expect(await page.getByTestId('backup-nag').count()).toBe(0);
    await app.close();
  }, 120_000);
});
