import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPoints } from '../../shared/framework/points';
import { sampleSurvey } from '../../shared/framework/sample-survey';
import type { SurveyForm } from '../../shared/scoring/survey';
import { allQuestions } from '../../shared/scoring/survey';
import { isOptionQuestion } from '../../renderer/src/features/commune/survey/keying-model';
import { completeSetup } from '../../electron/features/setup/identity';
import { surveyResults } from '../../electron/features/survey/results';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock } from '../helpers/context';
import { Harness } from './harness';
import { SurveyPage } from './pages/survey-page';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const examples = (JSON.parse(readFileSync(join(ROOT, 'docs/examples/sample-survey-forms.json'), 'utf8')) as { forms: SurveyForm[] }).forms;
const codes = allQuestions(sampleSurvey).map((q) => q.code);
const csvRow = (f: SurveyForm, formNo: string) =>
  [formNo, ...codes.map((c) => { const v = f.answers[c]; return v === null || v === undefined ? '' : String(v); })].map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');

describe('sociological survey, keyboard only', () => {
  const h = new Harness('survey');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, communeSetup);
    db.close();
  });
  afterAll(() => h.stop());

  it('keys 20 forms, catches a duplicate, double-keys one, refuses then imports a spreadsheet', async () => {
    const app = await h.open();
    const { page } = app;
    // Reachable from the nav for the commune role, and from the File menu.
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey');
    const survey = new SurveyPage(page, sampleSurvey);
    await survey.formNo().waitFor();
    expect(await page.getByTestId('keyed-by').inputValue()).toBe('Nguyễn Thị Hoa');

    // ---- 20 forms keyed heads-down -----------------------------------------------------
    const keyed = examples.slice(0, 20);
    let perForm = 0;
    for (const [i, form] of keyed.entries()) {
      const before = survey.keystrokes;
      if (i === 1) {
        // Show the highlighted question and the autosave mid-form, then finish.
        await survey.open(form.formNo);
        const partial = Object.fromEntries(codes.slice(0, 9).map((c) => [c, form.answers[c] ?? null]));
        for (const q of allQuestions(sampleSurvey).slice(0, 9)) {
          if (isOptionQuestion(q)) await survey.press(partial[q.code] === null ? '0' : String(partial[q.code]));
          else {
            await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'typed-answer');
            if (partial[q.code] !== null) await survey.type(String(partial[q.code]).split('-').reverse().join('/'));
            await survey.press('Enter');
          }
        }
        await expect.poll(() => page.locator('[data-current]').getAttribute('data-code')).toBe('A4');
        await app.shot('keying-mid-form');
        // Autosaved as keyed (each answer's save is on its way while the next is keyed): the draft row holds the answers.
        const draft = () => app.runtime.db.prepare("SELECT status, answers_json FROM survey_forms WHERE form_no = ?").get(form.formNo) as { status: string; answers_json: string } | undefined;
        await expect.poll(() => Object.keys(JSON.parse(draft()?.answers_json ?? '{}') as object).length).toBe(9);
        expect(draft()!.status).toBe('draft');
        await survey.press('Backspace'); // back to A3, re-key it
        await expect.poll(() => page.locator('[data-current]').getAttribute('data-code')).toBe('A3');
        await survey.press(String(form.answers['A3']));
        for (const q of allQuestions(sampleSurvey).slice(9)) {
          const a = form.answers[q.code] ?? null;
          if (isOptionQuestion(q)) await survey.press(a === null ? '0' : String(a));
          else {
            await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'typed-answer');
            if (a !== null) await survey.type(String(a));
            await survey.press('Enter');
          }
        }
        await app.shot('keying-save-step');
        await survey.save();
      } else {
        await survey.keyForm(form.formNo, form.answers);
      }
      await expect.poll(() => survey.notice().textContent()).toBe(`Đã lưu phiếu số ${form.formNo}. Nhập phiếu tiếp theo.`);
      if (i === 0) perForm = survey.keystrokes - before;
    }
    await app.shot('keyed-20-forms');

    // ---- a number already used is caught at once, with the existing form shown -------------
    await survey.open('7');
    await expect.poll(() => survey.notice().textContent()).toMatch(/^Phiếu số 007 đã được nhập/u);
    await page.getByTestId('existing-form').waitFor();
    expect(await page.getByTestId('answer-A1').textContent()).toContain(String(examples[6]!.answers['A1']));
    await app.shot('duplicate-caught');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM survey_forms').get()).toEqual({ n: 20 });

    // ---- double entry of form 005 with a deliberate difference on B2 ------------------------
    await survey.tab('Nhập lần 2');
    // The same screen serves both passes: wait until it has switched (and dropped pass 1's notice).
    await page.locator('.survey[data-pass="2"]').waitFor();
    await expect.poll(() => survey.notice().count()).toBe(0);
    await survey.formNo().waitFor();
    await page.getByTestId('keyed-by').fill('Trần Văn Lâm');
    await survey.formNo().focus();
    const original = examples[4]!;
    const wrongB2 = original.answers['B2'] === '1' ? '2' : '1';
    await survey.open('005');
    expect(await page.getByTestId('answer-A1').textContent()).toBe(''); // blind: nothing of pass 1
    await survey.keyAnswers({ ...original.answers, B2: wrongB2 });
    await survey.save();
    await page.getByTestId('resolve').waitFor();
    expect(await page.getByTestId('diff-B2').textContent()).toContain(wrongB2);
    await app.shot('double-entry-differences');
    await survey.press('1'); // the paper agrees with the first pass
    await expect.poll(() => survey.notice().textContent()).toBe('Đã xử lý xong chênh lệch của phiếu số 005: đã kiểm tra.');

    // ---- a spreadsheet with two bad rows is refused, then imported once corrected ----------
    await survey.tab('Nạp từ bảng tính');
    const templatePath = join(h.dataDir, 'mau-phieu.xlsx');
    app.dialogs.saveAnswers.push(templatePath);
    await page.getByTestId('download-template').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('import-notice').textContent()).toBe(`Đã lưu bảng tính mẫu: ${templatePath}`);
    expect(existsSync(templatePath)).toBe(true);
    const header = ['so_phieu', ...codes].join(',');
    const extra = examples.slice(20, 24);
    const bad = [header, csvRow(extra[0]!, '101'), csvRow({ ...extra[1]!, answers: { ...extra[1]!.answers, A1: '7' } }, '102'), csvRow(extra[2]!, '003'), csvRow(extra[3]!, '104')];
    const badFile = join(h.dataDir, 'phieu-loi.csv');
    writeFileSync(badFile, `${bad.join('\n')}\n`);
    app.dialogs.openAnswers.push(badFile);
    await page.getByTestId('import-file').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('error-notice').waitFor();
    const refused = await page.getByTestId('error-notice').textContent();
    expect(refused).toContain('dòng 3');
    expect(refused).toContain('câu A1: "7" không phải phương án');
    expect(refused).toContain('dòng 4');
    expect(refused).toContain('số phiếu 003 đã có trong dữ liệu');
    await app.shot('import-refused');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM survey_forms').get()).toEqual({ n: 20 });
    const goodFile = join(h.dataDir, 'phieu-da-sua.csv');
    writeFileSync(goodFile, `${[header, csvRow(extra[0]!, '101'), csvRow(extra[1]!, '102'), csvRow(extra[2]!, '103'), csvRow(extra[3]!, '104')].join('\n')}\n`);
    app.dialogs.openAnswers.push(goodFile);
    await page.getByTestId('import-file').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('import-notice').textContent()).toBe('Đã nạp 4 phiếu từ tệp.');
    await app.shot('import-done');

    // ---- forms list and live results -------------------------------------------------------
    await survey.tab('Danh sách phiếu');
    await page.getByTestId('forms-table').waitFor();
    expect(await page.getByTestId('forms-progress').textContent()).toContain('Đủ 20/20 phiếu · vượt chỉ tiêu 4 phiếu');
    expect(await page.getByTestId('keyer-table').textContent()).toContain('Trần Văn Lâm');
    await app.shot('forms-list');
    await app.menu('/survey/results');
    await page.getByTestId('survey-items').waitFor();
    const expected = surveyResults(app.runtime.app.ctx);
    expect(expected.progress.saved).toBe(24);
    expect(await page.getByTestId('survey-total').textContent()).toBe(formatPoints(expected.survey.points));
    expect(await page.getByTestId('count-A1-1').textContent()).toBe(String(expected.tally.questions['A1']!.counts['1']));
    await app.shot('results');
    await page.getByTestId('result-A1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'test-output/screenshots/survey/99-results-viewport.png') });
    await app.close();

    const report = { optionQuestions: allQuestions(sampleSurvey).filter(isOptionQuestion).length, questions: codes.length, firstFormKeystrokes: perForm, totalKeystrokes: survey.keystrokes };
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(ROOT, 'test-output', 'survey-keystrokes.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`survey keystrokes: form 001 took ${perForm} keys for ${codes.length} questions`, report);
  }, 240_000); // ~1 250 real key presses: slow on a loaded two-core machine

  it('after a restart: finds a form by number, corrects it and deletes another with a reason (both logged)', async () => {
    const app = await h.open(); // the same database as the first test: an app restart
    const { page } = app;
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey');
    const survey = new SurveyPage(page, sampleSurvey);
    await survey.tab('Danh sách phiếu');
    await page.getByTestId('form-search').focus();
    await page.keyboard.type('13');
    await expect.poll(() => page.locator('[data-testid^="form-row-"]').count()).toBe(1);
    await page.getByTestId('remove-013').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('remove-reason').waitFor();
    await page.keyboard.type('Phiếu của người ngoài xã, thu nhầm');
    await app.shot('forms-remove-reason');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã xóa phiếu số 013');
    await page.getByTestId('form-search').fill('');
    await expect.poll(() => page.locator('[data-testid^="form-row-"]').count()).toBe(23);

    // Open 002 to correct A1 from the paper: the form opens on its first question.
    await page.getByTestId('form-row-002').getByRole('button', { name: 'Mở, sửa' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('keying').waitFor();
    const order = allQuestions(sampleSurvey).map((q) => q.code);
    const a1 = order.indexOf('A1');
    for (let i = 0; i < a1; i++) {
      await survey.at(i);
      await page.keyboard.press('Enter'); // keeps the answer and moves on
    }
    await survey.at(a1);
    const newA1 = examples[1]!.answers['A1'] === '5' ? '4' : '5';
    await page.keyboard.press(newA1);
    await app.shot('form-corrected');
    await page.keyboard.press('Escape');
    await expect.poll(() => (app.runtime.db.prepare("SELECT answers_json FROM survey_forms WHERE form_no = '002'").get() as { answers_json: string }).answers_json).toContain(`"A1":"${newA1}"`);
    const log = app.runtime.db.prepare("SELECT action FROM audit_log WHERE action IN ('survey.answer.correct', 'survey.form.delete')").all() as { action: string }[];
    expect(log.map((r) => r.action).sort()).toEqual(['survey.answer.correct', 'survey.form.delete']);

    // English labels.
    await app.menu('/settings');
    await page.getByTestId('lang-en').check(); // the radio shows the choice at once, while it is saved
    await page.getByRole('link', { name: 'Citizen survey' }).waitFor();
    await app.menu('/survey/results');
    await page.getByTestId('survey-items').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Citizen satisfaction survey');
    await app.shot('results-english');
    await app.menu('/settings');
    await page.getByTestId('lang-vi').click();
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.close();
  }, 120_000);
});
