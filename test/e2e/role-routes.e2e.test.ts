/**
 * Each role sees only its own screens (renderer/src/route-roles.ts): a reviewing unit that types
 * a commune's address (#/assessment, #/package, #/survey…) lands on its own equivalent or Home; a
 * commune that types the unit's (#/review/import…) lands on Home, or on its own frameworks
 * screen for the unit's. No heading of the wrong screen is ever put on the page on the way (every
 * <h1> the page adds is recorded). Shot at 1280 px and at 1093×614.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { handUnit } from '../fixtures/report-store';
import { communeSetup, parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';

interface Landing {
  hash: string;
  heading: string;
  /** Every <h1> text the page added between the typing and the landing. */
  seen: string[];
  active: string | null;
}

/** Types `hash` as the address (or loads the app at it) and waits to land on `expected`. */
async function type(app: AppSession, hash: string, expected: string, how: 'type' | 'start' = 'type'): Promise<Landing> {
  const record = () => {
    const w = window as unknown as { __h1s: string[]; __h1Watch?: MutationObserver };
    w.__h1s = [];
    w.__h1Watch?.disconnect();
    w.__h1Watch = new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes))
          if (n instanceof Element) for (const h of [n, ...Array.from(n.querySelectorAll('h1'))]) if (h.tagName === 'H1') w.__h1s.push(h.textContent ?? '');
    });
    w.__h1Watch.observe(document, { childList: true, subtree: true });
  };
  if (how === 'start') {
    // The app started at that address: a page load, watched from its first node on.
    await app.page.addInitScript(`(${record.toString()})();`);
    await app.page.evaluate((h) => { window.location.hash = h; }, hash);
    await app.page.reload();
  } else {
    await app.page.evaluate(record);
    await app.page.evaluate((h) => { window.location.hash = h; }, hash);
  }
  await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe(expected);
  const heading = app.page.locator('main h1').first();
  await heading.waitFor();
  await expect.poll(() => app.page.locator('main').innerText()).not.toMatch(/Đang tải…|Loading…/u);
  return {
    hash: await app.page.evaluate(() => window.location.hash),
    heading: (await heading.textContent()) ?? '',
    seen: await app.page.evaluate(() => (window as unknown as { __h1s: string[] }).__h1s),
    active: await app.page.locator('nav.sidenav a.active').first().getAttribute('href').catch(() => null),
  };
}

/** Opens the change log from the navigation and waits until it is drawn whole (a screen to move away from). */
async function toAuditLog(app: AppSession): Promise<void> {
  await app.page.locator('nav.sidenav a[href="#/audit"]').click();
  await expect.poll(() => app.page.evaluate(() => window.location.hash)).toBe('#/audit');
  await app.page.locator('main h1').first().waitFor();
  await expect.poll(() => app.page.locator('main').innerText()).not.toMatch(/Đang tải…|Loading…/u);
}

/** Only the landing screen's heading was ever added (or none: the screen was already there). */
function onlyLanding(l: Landing): void {
  for (const h of l.seen) expect(h, `${l.hash}: a heading other than «${l.heading}» was drawn`).toBe(l.heading);
}

describe('each role sees only its own screens', () => {
  const h = new Harness('role-routes');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('a reviewing unit typing a commune\'s address lands on its own screen', async () => {
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(provinceSetup));
    handUnit(app.runtime.app.ctx.db);
    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');

    const appraisal = await type(app, '#/assessment', '#/review/appraisal');
    expect(appraisal.active).toBe('#/review/appraisal');
    onlyLanding(appraisal);
    await app.shotBoth('reviewer-assessment-to-appraisal');

    const receive = await type(app, '#/package', '#/review/import');
    expect(receive.active).toBe('#/review/import');
    onlyLanding(receive);
    await app.shotBoth('reviewer-package-to-import');

    const home = await type(app, '#/survey', '#/');
    expect(home.active).toBe('#/');
    await app.page.getByTestId('home-reviewer').waitFor();
    onlyLanding(home);
    await app.shotBoth('reviewer-survey-to-home');

    for (const [typed, lands] of [['#/survey/results', '#/'], ['#/assessment/summary', '#/review/appraisal'], ['#/framework', '#/review/frameworks']] as const) {
      const l = await type(app, typed, lands);
      onlyLanding(l);
    }
    // Started at a commune's address (the app reopened there): the same, from the first frame.
    const started = await type(app, '#/assessment/load', '#/review/appraisal', 'start');
    expect(started.seen.length).toBeGreaterThan(0);
    onlyLanding(started);
    await app.close();
  });
});

describe('a commune sees only its own screens', () => {
  const h = new Harness('role-routes-commune');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('a commune typing the reviewing unit\'s address lands on Home (its own frameworks for the unit\'s)', async () => {
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(communeSetup));
    await app.page.reload();
    await new HomePage(app.page).waitFor('commune');
    // From another screen, so that landing on Home is a move.
    await toAuditLog(app);

    const home = await type(app, '#/review/import', '#/');
    expect(home.active).toBe('#/');
    await app.page.getByTestId('home-commune').waitFor();
    onlyLanding(home);
    await app.shotBoth('commune-review-import-to-home');

    for (const [typed, lands] of [['#/review/appraisal/26734', '#/'], ['#/roster', '#/'], ['#/review/report', '#/'], ['#/review/frameworks', '#/framework']] as const) {
      await toAuditLog(app);
      const l = await type(app, typed, lands);
      onlyLanding(l);
    }
    await app.close();
  });
});
