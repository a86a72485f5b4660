/**
 * A commune's package declares a larger maximum for item 1.3 than the framework gives. The import
 * flags it; on the appraisal screen the item carries the flag, its detail says which maximum the
 * commune declared and that the framework's stands, and a score above the framework's maximum is
 * refused with a sentence while one at it is taken. Screenshots at 1280 px and at 1093×614.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/features/import/import';
import { lyingMax } from '../fixtures/appraisal';
import type { Commune } from '../fixtures/reviewer-imports';
import { Harness } from './harness';
import { AppraisalPage } from './pages/appraisal-page';
import { reviewerReceivingFrom } from './worlds';

describe('an item declared with another maximum (reviewer)', () => {
  const h = new Harness('appraisal-declared-max');
  let commune: Commune | undefined;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    commune?.store.cleanup();
    return h.stop();
  });

  it('is flagged, says the declared maximum, and is scored up to the framework\'s only', async () => {
    const app = await h.open();
    commune = await reviewerReceivingFrom(app);
    const file = commune.export(lyingMax('1.3', 500));
    const [r] = importPackages(app.runtime.app.ctx, [file], { unitCode: '49', provinceCode: '49' }, { dryRun: false });
    expect(r).toMatchObject({ outcome: 'accepted', mismatch: true, differences: ['1.3'] });

    const screen = new AppraisalPage(app.page);
    await screen.open('26734');
    await screen.filter('flagged').click();
    await expect.poll(async () => (await screen.rows()).map((row) => row[0])).toEqual(['1.3']);
    await app.page.locator('[role="option"][data-code="1.3"]').click();
    await expect.poll(() => app.page.getByTestId('detail-declared-max').textContent()).toBe('5,00 khác bộ tiêu chí (1,00); chấm tối đa 1,00');
    await app.page.getByTestId('appraisal-score').fill('2');
    await app.page.getByTestId('appraisal-score').press('Enter');
    await expect.poll(() => app.page.getByRole('alert').first().textContent()).toContain('1,00');
    await app.shotBoth('declared-max');
    await app.page.getByTestId('appraisal-score').fill('1');
    await app.page.getByTestId('appraisal-score').press('Enter');
    await expect.poll(() => app.page.locator('[role="option"][data-code="1.3"] [data-testid="row-appraised"]').textContent()).toBe('1,00');
    await app.close();
  });
});
