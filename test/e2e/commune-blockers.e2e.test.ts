import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { join } from 'node:path';
import { Harness, SCREENSHOTS } from './harness';
import { AssessmentPage } from './pages/assessment-page';

/** A clerk who set up without an officer name, on an English-language OS. */
describe('the commune clerk never loses work', () => {
  const h = new Harness('commune-blockers');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    const { officerName: _none, ...noOfficer } = communeSetup;
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(noOfficer));
    db.close();
  });
  afterAll(() => h.stop());

  it('survey keying asks for the keyer\'s name instead of ignoring the keys, and remembers it', async () => {
    let app: AppSession = await h.open();
    await app.page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey');
    const keyer = app.page.getByTestId('keyed-by');
    await app.page.getByTestId('form-no').waitFor();
    expect(await keyer.inputValue()).toBe('');
    await app.page.getByTestId('form-no').fill('001');
    await app.page.getByTestId('form-no').press('Enter');
    const notice = app.page.getByTestId('keying-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Chưa có tên người nhập');
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'keyed-by');
    expect(await app.page.getByTestId('keying').count()).toBe(0);
    await app.shot('keyer-missing');

    await app.page.keyboard.type('Lê Văn Bình');
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'form-no');
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('keying').waitFor();
    await expect.poll(() => (app.runtime.db.prepare("SELECT value FROM settings WHERE key = 'surveyKeyer'").get() as { value: string } | undefined)?.value).toBe('Lê Văn Bình');
    const row = app.runtime.db.prepare("SELECT keyed_by FROM survey_forms WHERE form_no = '001'").get() as { keyed_by: string };
    expect(row.keyed_by).toBe('Lê Văn Bình');
    await app.close();

    app = await h.open();
    await app.page.getByRole('link', { name: 'Điều tra XHH' }).waitFor();
    await app.menu('/survey');
    await expect.poll(() => app.page.getByTestId('keyed-by').inputValue()).toBe('Lê Văn Bình');
    await app.close();
  });

  it('shows a failed autosave with its reason and a retry, keeps it unsaved through another item\'s save, then saves it', async () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 1093, height: 614 }]) {
      const app = await h.open({ viewport });
      const a = new AssessmentPage(app.page);
      await a.open();
      const route = app.runtime.route;
      let failing = true;
      app.runtime.route = (channel, input, sender) =>
        failing && channel === 'assessment:setExplanation' && (input as { code: string }).code === '1.1'
          ? Promise.resolve<Result<never>>({ ok: false, error: { code: 'DB_FULL', messageKey: 'DB_FULL' } })
          : route(channel, input, sender);
      const text = `Kế hoạch CCHC ${viewport.width}`;
      await a.explanation('1.1').fill(text);
      await a.explanation('1.1').blur();
      const failure = app.page.getByTestId('save-failure');
      await failure.waitFor();
      expect(await failure.getByTestId('error-notice').getAttribute('data-code')).toBe('DB_FULL');
      expect(await failure.textContent()).toContain('1.1');
      expect(await app.page.getByTestId('save-state').textContent()).toContain('Chưa lưu được');
      await app.shot(`autosave-failed-${viewport.width}`);
      await app.page.locator('.assessment-top').screenshot({ path: join(SCREENSHOTS, 'commune-blockers', `autosave-failed-top-${viewport.width}.png`) });

      // Another item saves; 1.1 is still not saved and still said so.
      await a.explanation('1.2').fill(`Danh mục ${viewport.width}`);
      await a.explanation('1.2').blur();
      await expect.poll(() => (app.runtime.db.prepare("SELECT explanation FROM assessment_entries WHERE item_code = '1.2'").get() as { explanation: string } | undefined)?.explanation).toBe(`Danh mục ${viewport.width}`);
      expect(await failure.isVisible()).toBe(true);
      expect(await app.page.getByTestId('save-state').textContent()).toContain('Chưa lưu được');

      failing = false;
      await app.page.getByTestId('save-retry').click();
      await failure.waitFor({ state: 'detached' });
      const saved = app.runtime.db.prepare("SELECT explanation FROM assessment_entries WHERE item_code = '1.1'").get() as { explanation: string };
      expect(saved.explanation).toBe(text);
      expect(await app.page.getByTestId('save-state').textContent()).toContain('Đã lưu');
      await app.close();
    }
  });

  it('takes evidence dates as dd/mm/yyyy on an English OS, typed or picked, and refuses a date that does not exist', async () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 1093, height: 614 }]) {
      const app = await h.open({ viewport, locale: 'en-US' });
      const a = new AssessmentPage(app.page);
      await a.open();
      const ev = a.evidence('1.3');
      await ev.open();
      await ev.field('number').fill(`12/KH-UBND-${viewport.width}`);
      await ev.field('issuer').fill('UBND xã Bình Đào');
      await ev.field('summary').fill('Kế hoạch cải cách hành chính năm 2026');
      await ev.field('date').fill('31/04/2026');
      await ev.field('date').blur();
      await a.item('1.3').getByTestId('doc-date-error').waitFor();
      expect(await a.item('1.3').getByTestId('doc-date-error').textContent()).toContain('không có ngày đó');
      await ev.submitDocument();
      await app.page.waitForTimeout(300);
      const stored = () => app.runtime.db.prepare('SELECT count(*) AS n FROM evidence_documents WHERE number = ?').get(`12/KH-UBND-${viewport.width}`) as { n: number };
      expect(stored().n).toBe(0);
      await app.shot(`date-refused-${viewport.width}`);

      await ev.field('date').fill('15/02/2026');
      await a.item('1.3').getByTestId('doc-date-pick').click();
      await a.item('1.3').getByTestId('doc-date-calendar').waitFor();
      expect(await a.item('1.3').getByTestId('doc-date-calendar').textContent()).toContain('02/2026');
      await app.shot(`date-picker-${viewport.width}`);
      await a.item('1.3').getByTestId('doc-date-calendar').screenshot({ path: join(SCREENSHOTS, 'commune-blockers', `date-picker-form-${viewport.width}.png`) });
      await a.item('1.3').getByTestId('doc-date-day-16').click();
      await expect.poll(() => ev.field('date').inputValue()).toBe('16/02/2026');
      await ev.submitDocument();
      await ev.documents().getByText(`12/KH-UBND-${viewport.width}`).waitFor();
      expect(await ev.documents().textContent()).toContain('16/02/2026');
      const row = app.runtime.db.prepare('SELECT doc_date FROM evidence_documents WHERE number = ?').get(`12/KH-UBND-${viewport.width}`) as { doc_date: string };
      expect(row.doc_date).toBe('2026-02-16');
      await app.close();
    }
  });

  it('corrects a mistyped commune code in Settings; the change log records it', async () => {
    const app = await h.open({ viewport: { width: 1093, height: 614 } });
    await app.page.getByRole('link', { name: 'Cài đặt' }).click();
    const form = app.page.getByTestId('setup-correction');
    await form.waitFor();
    expect(await app.page.getByTestId('correct-unitCode').inputValue()).toBe('26734');
    await app.page.getByTestId('correct-unitCode').fill('123');
    await app.page.getByTestId('correct-save').click();
    await form.getByTestId('error-notice').waitFor();
    await app.page.getByTestId('correct-unitCode').fill('26735');
    await app.page.getByTestId('correct-save').click();
    await app.page.getByTestId('correct-saved').waitFor();
    await app.shot('setup-correction-1093');
    const row = app.runtime.db.prepare('SELECT unit_code FROM identity WHERE id = 1').get() as { unit_code: string };
    expect(row.unit_code).toBe('26735');
    const logged = app.runtime.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'identity.correct'").get() as { n: number };
    expect(logged.n).toBe(1);
    await app.close();
  });
});
