/**
 * The submission deadline in the pre-export check on "Gửi hồ sơ" (fixed clock: 22/11/2026 in
 * Vietnam): past it, the late warning beside the sample framework's, overridden with the reason;
 * two days before it, an information line only. Then the change log says each typed deadline
 * with its year and dates. At 1280 px and at 1093×614.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalise } from '../../electron/features/assessment/assessment';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { activeFramework } from '../../electron/features/framework/active';
import { createKey } from '../../electron/features/keys/use-cases';
import { setDeadline } from '../../electron/features/settings/use-cases';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import { Harness } from './harness';
import { ExportPage } from './pages/export-page';
import { HomePage } from './pages/home-page';

const PASS = 'mật khẩu khóa xã 2026';
const SAMPLE = new URL('../../docs/examples/sample-entries.json', import.meta.url);

describe('the deadline in the pre-export check', () => {
  const h = new Harness('export-deadline');
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(communeSetup));
    db.close();
  });
  afterAll(() => h.stop());

  it('late: a warning to override with a reason; close: an information line; the change log says the dates', async () => {
    const app = await h.open();
    const ctx = app.runtime.app.ctx;
    loadEntriesText(ctx, readFileSync(SAMPLE, 'utf8'));
    finalise(ctx, activeFramework(ctx));
    await app.runtime.app.perform(createKey, { passphrase: PASS });
    await app.runtime.app.perform(setDeadline, { date: '2026-11-20' });
    await new HomePage(app.page).waitFor('commune');

    await app.menu('/package');
    const exp = new ExportPage(app.page);
    await exp.waitFor();
    expect(await exp.warnings().allTextContents()).toEqual([
      'Đang dùng bộ tiêu chí MẪU THAM KHẢO, không phải bộ chính thức của tỉnh.',
      'Đã quá hạn gửi hồ sơ 2 ngày (hạn 20/11/2026). Hồ sơ vẫn gửi được nhưng đơn vị thẩm định sẽ thấy là nộp muộn; hãy ghi lý do gửi muộn.',
    ]);
    expect(await app.page.getByTestId('precheck-notes').count()).toBe(0);
    // Still sendable: the reason opens the button.
    await app.page.getByTestId('export-reason').fill('Chờ UBND huyện ký văn bản');
    await app.page.getByTestId('input-exportKeyPassphrase').fill(PASS);
    await expect.poll(() => exp.runButton().isDisabled()).toBe(false);
    await app.shotBoth('export-late');

    // Two days before it: an information line, the late warning gone.
    await app.runtime.app.perform(setDeadline, { date: '2026-11-24' });
    await app.menu('/');
    await app.menu('/package');
    await app.page.getByTestId('precheck-notes').waitFor();
    expect(await app.page.getByTestId('precheck-notes').locator('li').allTextContents()).toEqual(['Còn 2 ngày đến hạn gửi (24/11/2026).']);
    expect(await exp.warnings().allTextContents()).toEqual(['Đang dùng bộ tiêu chí MẪU THAM KHẢO, không phải bộ chính thức của tỉnh.']);
    await app.shotBoth('export-due-soon');

    await app.runtime.app.perform(setDeadline, { date: null });
    await app.menu('/audit');
    const log = app.page.getByTestId('audit-table');
    await log.waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('Hạn gửi hồ sơ năm 2026: (chưa có) → 20/11/2026');
    expect(text).toContain('Hạn gửi hồ sơ năm 2026: 20/11/2026 → 24/11/2026');
    expect(text).toContain('Hạn gửi hồ sơ năm 2026: 24/11/2026 → (đã xóa)');
    await app.shotBoth('audit-deadline');
    await app.close();
  }, 180_000);
});
