/**
 * The commune always knows the next step: Home's "Việc cần làm năm 2026" at each stage of the
 * year (fresh, entered and finalised with a key but no backup, exported, changed after the
 * export), the backup nag, the pre-export check on the export screen (stops, then the sample
 * framework's warning overridden with a reason), and the reviewing unit's Home without any of it.
 * Every step at 1280 px and at 1093×614.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalise, setExplanation, reopen } from '../../electron/features/assessment/assessment';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { activeFramework } from '../../electron/features/framework/active';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { ExportPage } from './pages/export-page';
import { HomePage } from './pages/home-page';
import { KeysPage } from './pages/keys-page';

const PASS = 'mật khẩu khóa xã 2026';
const SAMPLE = new URL('../../docs/examples/sample-entries.json', import.meta.url);

const states = (app: AppSession) =>
  app.page.getByTestId('year-checklist').locator('tbody tr').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-step'), r.getAttribute('data-state')])));

describe('the commune\'s year checklist and the pre-export check', () => {
  const h = new Harness('commune-checklist');
  let usb: string;
  beforeAll(async () => {
    await h.start();
    usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(communeSetup));
    db.close();
  });
  afterAll(() => h.stop());

  it('walks the year from Home: checklist at each stage, backup nag, export pre-check, override reason, "cần gửi lại"', async () => {
    const app = await h.open();
    const home = new HomePage(app.page);
    await home.waitFor('commune');
    await app.page.getByTestId('year-checklist').waitFor();
    expect(await app.page.getByTestId('year-checklist').locator('h2').textContent()).toBe('Việc cần làm năm 2026');
    expect(await states(app)).toEqual({ framework: 'attention', assessment: 'todo', survey: 'todo', finalise: 'todo', key: 'todo', backup: 'todo', enrolment: 'todo', export: 'todo' });
    expect(await app.page.locator('[data-step="framework"]').textContent()).toContain('MẪU THAM KHẢO');
    expect(await app.page.getByTestId('home-precheck').textContent()).toContain('Số liệu tự đánh giá chưa được chốt.');
    await app.shotBoth('home-fresh');

    // The export screen with stops: the list, no export button.
    await app.page.getByTestId('checklist-go-export').click();
    const exp = new ExportPage(app.page);
    await exp.precheck().waitFor();
    expect(await exp.stops().first().textContent()).toBe('Số liệu tự đánh giá chưa được chốt.');
    expect(await exp.stops().last().textContent()).toMatch(/^và \d+ mục khác$/u);
    expect(await exp.runButton().count()).toBe(0);
    await app.shotBoth('export-stopped');

    // Entries loaded and finalised, the key created on the Keys screen: the backup nag appears.
    loadEntriesText(app.runtime.app.ctx, readFileSync(SAMPLE, 'utf8'));
    finalise(app.runtime.app.ctx, activeFramework(app.runtime.app.ctx));
    await app.menu('/');
    await app.page.getByTestId('no-key-create').click();
    const keys = new KeysPage(app.page);
    await keys.waitFor();
    await keys.createKey(PASS);
    await keys.keyId().waitFor();
    await app.menu('/');
    await app.page.getByTestId('backup-nag').waitFor();
    expect(await states(app)).toMatchObject({ assessment: 'done', survey: 'done', finalise: 'done', key: 'done', backup: 'attention', enrolment: 'todo', export: 'todo' });
    expect(await app.page.locator('[data-step="survey"]').textContent()).toContain('Đủ 20/20 phiếu, thừa 4 phiếu so với chỉ tiêu');
    await app.shotBoth('home-finalised-no-backup');

    // The pre-export check now warns only: the button waits for a reason of five characters.
    await app.page.getByTestId('checklist-go-export').click();
    await exp.waitFor();
    expect(await exp.warnings().allTextContents()).toEqual(['Đang dùng bộ tiêu chí MẪU THAM KHẢO, không phải bộ chính thức của tỉnh.']);
    expect(await exp.runButton().isDisabled()).toBe(true);
    await app.page.getByTestId('export-reason').fill('ok');
    await expect.poll(() => exp.runButton().isDisabled()).toBe(true);
    await app.page.getByTestId('export-reason').fill('Tỉnh chưa ban hành bộ tiêu chí năm 2026');
    await app.page.getByTestId('input-exportKeyPassphrase').fill(PASS);
    await expect.poll(() => exp.runButton().isDisabled()).toBe(false);
    await app.shotBoth('export-warning-reason');
    app.dialogs.folderAnswers.push(usb);
    await exp.runButton().click();
    const r = await exp.result();
    const payload = (JSON.parse(readFileSync(r.path, 'utf8')) as { payload: { completeness: { overrides: unknown[] } } }).payload;
    expect(payload.completeness.overrides).toEqual([{ code: 'SAMPLE_FRAMEWORK', reason: 'Tỉnh chưa ban hành bộ tiêu chí năm 2026' }]);
    await app.shotBoth('exported');

    // Home after the export; then a change after it asks to send again.
    await app.menu('/');
    await app.page.getByTestId('year-checklist').waitFor();
    expect(await states(app)).toMatchObject({ export: 'done' });
    expect(await app.page.getByTestId('home-precheck').count()).toBe(0);
    const ctx = app.runtime.app.ctx;
    reopen(ctx, activeFramework(ctx), 'Bổ sung giải trình mục 1.1');
    setExplanation(ctx, activeFramework(ctx), '1.1', 'Giải trình bổ sung sau khi gửi');
    await app.page.reload();
    await app.page.getByTestId('year-checklist').waitFor();
    expect(await states(app)).toMatchObject({ finalise: 'todo', export: 'attention' });
    expect(await app.page.locator('[data-step="export"]').textContent()).toContain('cần gửi lại');
    await app.shotBoth('home-resend');

    // The change log says each of these as a sentence.
    await app.menu('/audit');
    const log = app.page.getByTestId('audit-table');
    await log.waitFor();
    const lines = await log.locator('tbody tr td:last-child').allTextContents();
    expect(lines.slice(0, 3)).toEqual([
      'Mục 1.1: sửa giải trình thành “Giải trình bổ sung sau khi gửi”',
      'Mở lại số liệu để sửa, lý do: “Bổ sung giải trình mục 1.1”',
      'Xuất hồ sơ đã ký lần 1 (tệp CCHC-2026-26734-r1.json); vẫn gửi dù đang dùng bộ tiêu chí mẫu, lý do: “Tỉnh chưa ban hành bộ tiêu chí năm 2026”',
    ]);
    expect(lines.join('\n')).not.toMatch(/[{}]/u);
    await app.shotBoth('change-log');
    await app.close();
  });

  it('the reviewing unit\'s Home has no commune checklist', async () => {
    const so = join(h.dataDir, 'so.sqlite');
    const db = openDatabase(so);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(provinceSetup));
    db.close();
    const app = await h.open({ dbPath: so });
    await new HomePage(app.page).waitFor('reviewer');
    expect(await app.page.getByTestId('year-checklist').count()).toBe(0);
    expect(await app.page.getByTestId('backup-nag').count()).toBe(0);
    await app.shotBoth('reviewer-home');
    await app.close();
  });
});
