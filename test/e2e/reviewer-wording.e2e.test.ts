/**
 * The reviewing unit sees its own words: every screen its navigation reaches (home, the review
 * screens, its key, the change log, backup, settings, about), over a year under way, is read whole and holds none of the
 * phrases that address the user as a commune, in Vietnamese and in English. Each screen is shot at
 * 1280 px and at 1093×614. The commune's /framework, typed as a URL, leads to the unit's own
 * frameworks screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { handUnit } from '../fixtures/report-store';
import { parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';

/** What only a commune is told: its own year, its self-assessment, its survey, sending its dossier. */
const COMMUNE_ONLY = {
  vi: [
    'xã của bạn', 'Tự đánh giá', 'tự đánh giá của', 'Nhập tự đánh giá', 'Gửi hồ sơ', 'gửi hồ sơ lên', 'Nhập phiếu', 'Điều tra XHH',
    'Việc cần làm', 'Chốt số liệu', 'Nạp số liệu', 'Bảng tổng hợp', 'Tài liệu kiểm chứng', 'tài liệu kiểm chứng', 'chỉ tiêu',
    'Hồ sơ xuất lần sau', 'do Sở Nội vụ ban hành', 'Bắt buộc nếu đơn vị đã', 'Nhập hồ sơ', 'nhập gói',
  ],
  en: ['Self-assessment', 'self-assessment', 'Send the dossier', 'Send dossier', 'Key survey', 'Citizen survey', 'To do in', 'Finalise', 'evidence', 'Evidence', 'Import dossiers'],
};

/** The reviewing unit's navigation, in order: path and the heading its screen shows. */
const SCREENS = ['/', '/roster', '/review/enrolment', '/review/import', '/review/board', '/review/appraisal', '/review/report', '/review/frameworks', '/keys', '/audit', '/backup', '/settings', '/about'];

async function screenText(app: AppSession, path: string): Promise<string> {
  await app.page.locator(`nav.sidenav a[href="#${path}"]`).click();
  await app.page.locator('main h1').first().waitFor();
  // Loaded: no "Đang tải…" left on the screen.
  await expect.poll(() => app.page.locator('main').innerText()).not.toMatch(/Đang tải…|Loading…/u);
  return app.page.locator('body').innerText();
}

describe('the reviewing unit sees no commune wording', () => {
  const h = new Harness('reviewer-wording');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('walks every screen of its navigation in Vietnamese and in English', async () => {
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(provinceSetup));
    // A year under way: a roster, dossiers received (two revisions of one), last year's results, a deadline.
    handUnit(app.runtime.app.ctx.db);
    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');

    const nav = (await app.page.locator('nav.sidenav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((h) => h?.slice(1));
    expect(nav).toEqual(SCREENS);
    for (const path of SCREENS) {
      const text = await screenText(app, path);
      for (const phrase of COMMUNE_ONLY.vi) expect(text, `${path}: «${phrase}»`).not.toContain(phrase);
      const name = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
      if (['/', '/review/import', '/review/board', '/review/appraisal', '/keys', '/backup', '/settings'].includes(path)) await app.shotBoth(`vi-${name}`);
    }

    await app.page.locator('nav.sidenav a[href="#/settings"]').click();
    await app.page.getByTestId('lang-en').check();
    await app.page.getByText('Saved.').first().waitFor();
    for (const path of SCREENS) {
      const text = await screenText(app, path);
      for (const phrase of COMMUNE_ONLY.en) expect(text, `${path}: «${phrase}»`).not.toContain(phrase);
      if (path === '/') await app.shotBoth('en-home');
    }

    // /framework is the commune's screen (it replaces the commune's framework): a reviewing unit
    // that reaches it by URL is sent to its own frameworks screen.
    await app.page.evaluate(() => { window.location.hash = '#/framework'; });
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe('#/review/frameworks');
    expect(await app.page.locator('main h1').first().textContent()).toBe('Criteria frameworks: write, check, publish');
    await app.close();
  });
});
