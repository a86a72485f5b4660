/**
 * "In…" on the commune's summary and on the reviewing unit's report: the button hands the print
 * dialog (a stand-in here) the very document the PDF is made from, laid out per Nghị định
 * 30/2020/NĐ-CP (place and date line, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"), and says it was sent.
 * The screen and the printed document are shot at 1280 px and at 1093×614.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { completeSetup } from '../../electron/features/setup/identity';
import { communeSetup, parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';
import { SummaryPage } from './pages/summary-page';

const SAMPLE = readFileSync(fileURLToPath(new URL('../../docs/examples/sample-entries.json', import.meta.url)), 'utf8');

/** The printed document itself, in the page, for its screenshots. */
async function shootDocument(app: AppSession, html: string, name: string): Promise<void> {
  await app.page.setContent(html);
  await app.shotBoth(name);
}

describe('printing the summary and the report', () => {
  const h = new Harness('print');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('the commune prints its summary: the PDF\'s NĐ30 document goes to the print dialog', async () => {
    const app = await h.open({ dbPath: `${h.dataDir}/xa.sqlite` });
    completeSetup(app.runtime.app.ctx, parsedSetup(communeSetup));
    loadEntriesText(app.runtime.app.ctx, SAMPLE);
    await app.page.reload();
    await new HomePage(app.page).waitFor('commune');
    await app.menu('/assessment/summary');
    const summary = new SummaryPage(app.page);
    await summary.waitFor();
    await app.page.getByTestId('summary-print').click();
    await app.page.getByTestId('summary-printed').waitFor();
    expect(await app.page.getByTestId('summary-printed').textContent()).toBe('Đã gửi tới máy in.');
    expect(app.printed).toHaveLength(1);
    const html = app.printed[0]!;
    expect(html).toContain('<i>Bình Đào, ngày ..... tháng ..... năm 2026</i>');
    expect(html).toContain('<b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b>');
    expect(html).toContain(`data-total>${await summary.total().textContent()}<`);
    await app.shotBoth('summary-printed');
    await shootDocument(app, html, 'summary-document');
    await app.close();
  });

  it('the reviewing unit prints its report from the report screen', async () => {
    const app = await h.open({ dbPath: `${h.dataDir}/so.sqlite` });
    completeSetup(app.runtime.app.ctx, parsedSetup(provinceSetup));
    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    await app.page.getByTestId('nav-review-report').click();
    await app.page.getByTestId('report-print').click();
    await app.page.getByTestId('report-printed').waitFor();
    expect(app.printed).toHaveLength(1);
    expect(app.printed[0]).toContain('Sở Nội vụ tỉnh Quảng Nam');
    await app.shotBoth('report-printed');
    await app.close();
  });
});
