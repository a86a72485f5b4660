/**
 * The commune knows its deadline: typed on Settings ("Hạn gửi hồ sơ", dd/mm/yyyy, "do xã nhập"),
 * shown on Home's export row with the days left, overdue in red; then the one signed beside the
 * framework takes over ("theo bộ tiêu chí Sở phát hành"); in English, "1 day left" and "2 days left".
 * The fixed clock is 22/11/2026 in Vietnam.
 * At 1280 px and at 1093×614.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSignedDeadline } from '../../electron/features/settings/deadline';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';

describe('the commune\'s submission deadline', () => {
  const h = new Harness('commune-deadline');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(communeSetup));
    db.close();
  });
  afterAll(() => h.stop());

  it('typed on Settings, shown on Home\'s export row with the days left, overdue in red; the signed one wins', async () => {
    const app = await h.open();
    const home = new HomePage(app.page);
    await home.waitFor('commune');
    const exportDeadline = app.page.locator('[data-step="export"]').getByTestId('checklist-deadline');
    expect(await exportDeadline.count()).toBe(0);

    await app.menu('/settings');
    const setting = app.page.getByTestId('deadline-setting');
    await setting.waitFor();
    expect(await setting.locator('h2').textContent()).toBe('Hạn gửi hồ sơ năm 2026');
    expect(await app.page.getByTestId('deadline-current').textContent()).toBe('Chưa có hạn gửi hồ sơ.');
    // Not a date: the box says so and nothing is saved.
    await app.page.getByTestId('deadline-date').fill('31/11/2026');
    await expect.poll(() => app.page.getByTestId('deadline-save').isDisabled()).toBe(true);
    await app.page.getByTestId('deadline-date').fill('15/12/2026');
    await app.page.getByTestId('deadline-save').click();
    await app.page.getByTestId('deadline-saved').waitFor();
    expect(await app.page.getByTestId('deadline-current').textContent()).toBe('Đang dùng: 15/12/2026 — do xã nhập');
    await app.shotBoth('settings-typed');

    await app.menu('/');
    await exportDeadline.waitFor();
    expect(await exportDeadline.textContent()).toBe('15/12/2026 (còn 23 ngày)do xã nhập');
    expect(await app.page.getByTestId('checklist-overdue').count()).toBe(0);

    // Past the deadline: "quá hạn N ngày" in red.
    await app.menu('/settings');
    await app.page.getByTestId('deadline-date').fill('20/11/2026');
    await app.page.getByTestId('deadline-save').click();
    await app.page.getByTestId('deadline-saved').waitFor();
    await app.menu('/');
    await app.page.getByTestId('checklist-overdue').waitFor();
    expect(await app.page.getByTestId('checklist-overdue').textContent()).toBe(' (quá hạn 2 ngày)');
    const red = await app.page.getByTestId('checklist-overdue').evaluate((el) => getComputedStyle(el).color);
    const plain = await exportDeadline.evaluate((el) => getComputedStyle(el).color);
    expect(red).not.toBe(plain);
    await app.shotBoth('home-overdue');

    // The signed framework's deadline (as its import stores it) takes over; the typed one is kept.
    storeSignedDeadline(app.runtime.app.ctx, 2026, '2026-12-31');
    await app.menu('/settings');
    await app.page.getByTestId('deadline-current').filter({ hasText: '31/12/2026' }).waitFor();
    expect(await app.page.getByTestId('deadline-current').textContent()).toBe('Đang dùng: 31/12/2026 — theo bộ tiêu chí Sở phát hành');
    expect(await setting.textContent()).toContain('Hạn xã đã nhập (20/11/2026) được giữ lại');
    await app.shotBoth('settings-signed');
    await app.menu('/');
    await exportDeadline.waitFor();
    expect(await exportDeadline.textContent()).toBe('31/12/2026 (còn 39 ngày)theo bộ tiêu chí Sở phát hành');
    await app.shotBoth('home-signed');

    // In English the days count as English counts: "1 day left", "2 days left", "1 day overdue".
    await app.menu('/settings');
    // The radio turns on at once; the labels change once the choice is saved: check, then wait.
    await app.page.getByTestId('lang-en').check();
    await app.page.getByText('Saved.').first().waitFor();
    const days: [string, string][] = [['2026-11-23', '23/11/2026 (1 day left)'], ['2026-11-24', '24/11/2026 (2 days left)'], ['2026-11-21', '21/11/2026 (1 day overdue)'], ['2026-11-20', '20/11/2026 (2 days overdue)']];
    for (const [date, shown] of days) {
      storeSignedDeadline(app.runtime.app.ctx, 2026, date);
      await app.menu('/settings');
      await app.page.getByTestId('deadline-setting').waitFor();
      await app.menu('/');
      await exportDeadline.filter({ hasText: shown.slice(0, 10) }).waitFor();
      expect(await exportDeadline.textContent()).toBe(`${shown}from the framework the Department published`);
      if (date === '2026-11-23') await app.shotBoth('en-home-one-day');
    }
    await app.close();
  }, 120_000);
});
