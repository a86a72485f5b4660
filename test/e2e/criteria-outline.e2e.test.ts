/**
 * The criteria screen as a clerk finds their way through it: the outline with a mark per item,
 * a click that puts the cursor in the item, each filter (with its count, and the sentence of an
 * empty one), the check list in a drawer (Esc closes it, the cursor goes back), survey items that
 * link to the survey, the last item restored after a restart, and an entries file previewed item
 * by item before anything is written. Every step at 1280 px and at 1093×614.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEntry } from '../../electron/features/assessment/assessment';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { activeFramework } from '../../electron/features/framework/active';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { AssessmentPage } from './pages/assessment-page';
import { LoadPage } from './pages/load-page';

const doc = { number: '11/BC-UBND', date: '2026-02-15', issuer: 'UBND xã Bình Đào', summary: 'Báo cáo kết quả', locator: 'Mục 2' };
/** 1.1 entered with evidence, 1.2 an error, 2.1 points without evidence, 2.4 not applicable; the rest not entered. */
const START = {
  format: 'chiso-entries', version: 1,
  items: {
    '1.1': { input: { type: 'binary', done: true }, evidence: [doc] },
    '2.1': { input: { type: 'tiered', level: 'dung' } },
    '2.4': { notApplicable: true, explanation: 'Không phát hiện văn bản trái pháp luật' },
  },
};

const marks = (app: AppSession) =>
  app.page.getByTestId('outline').locator('[data-mark]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!.slice('outline-'.length), e.getAttribute('data-mark')])));
/** Elements wider than the window at 1093×614 (none: nothing to scroll sideways). */
async function overflowAtSmall(app: AppSession): Promise<string[]> {
  const before = app.page.viewportSize();
  await app.page.setViewportSize({ width: 1093, height: 614 });
  const wide = await app.page.evaluate(() =>
    [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && (e as HTMLElement).offsetParent !== null)
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().right)}`));
  if (before) await app.page.setViewportSize(before);
  return wide;
}
const storedCodes = (app: AppSession) =>
  (app.runtime.db.prepare('SELECT item_code AS code FROM assessment_entries ORDER BY item_code').all() as { code: string }[]).map((r) => r.code);

describe('the criteria screen: outline, filters, drawer, last item, entries preview', () => {
  const h = new Harness('criteria-outline');
  let app: AppSession;
  let a: AssessmentPage;
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    const ctx = { db, clock: fixedClock(), actor: () => 'setup' };
    completeSetup(ctx, parsedSetup(communeSetup));
    loadEntriesText(ctx, JSON.stringify(START));
    // A file with an error is refused whole; typed on screen, an error is stored as typed.
    setEntry(ctx, activeFramework(ctx), '1.2', { input: { type: 'ratio', numerator: 9, denominator: 4 } });
    db.close();
    app = await h.open();
    a = new AssessmentPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await h.stop();
  });

  it('shows every item in the outline with its mark and each field\'s count; a click puts the cursor in the item', async () => {
    await a.open();
    const m = await marks(app);
    expect(m).toMatchObject({ '1.1': 'entered', '1.2': 'error', '1.3': 'empty', '2.1': 'noEvidence', '2.4': 'na', '8.1.1': 'empty' });
    expect(await a.outlineCount('1').textContent()).toBe('2/8');
    expect(await a.outlineCount('2').textContent()).toBe('2/4');
    // The bar is one line: its height is that of one button row.
    const bar = await app.page.getByTestId('totals-bar').boundingBox();
    expect(bar!.height).toBeLessThan(48);
    expect(await overflowAtSmall(app)).toEqual([]);
    await app.shotBoth('outline');
    await a.outlineLink('5.2').click();
    await expect.poll(() => a.focusedItem()).toBe('5.2');
    expect(await a.item('5.2').isVisible()).toBe(true);
    expect(await a.outlineLink('5.2').getAttribute('aria-current')).toBe('location');
  });

  it('filters: each shows only its items, counts on the buttons; the item being fixed stays; an empty filter says so', async () => {
    const total = Number(await a.filterCount('all').textContent());
    expect(Number(await a.filterCount('error').textContent())).toBe(1);
    expect(Number(await a.filterCount('noEvidence').textContent())).toBe(1);
    expect(Number(await a.filterCount('empty').textContent())).toBe(total - 4);

    await a.filter('error');
    expect(Object.keys(await marks(app))).toEqual(['1.2']);
    expect(await a.item('1.2').isVisible()).toBe(true);
    expect(await a.item('1.1').isVisible()).toBe(false);
    expect(await app.page.getByTestId('field-2').isVisible()).toBe(false);
    await app.shotBoth('filter-errors');

    await a.filter('noEvidence');
    expect(Object.keys(await marks(app))).toEqual(['2.1']);
    expect(await a.item('2.1').isVisible()).toBe(true);
    expect(await a.item('1.2').isVisible()).toBe(false);
    await app.shotBoth('filter-no-evidence');

    await a.filter('empty');
    expect(Object.keys(await marks(app))).toHaveLength(total - 4);
    expect(await a.item('1.1').isVisible()).toBe(false);
    // Typing into a "chưa nhập" item: it becomes "đã nhập" but stays in view while the clerk works on it.
    await a.outlineLink('1.3').click();
    await expect.poll(() => a.focusedItem()).toBe('1.3');
    await app.page.keyboard.type('0');
    await expect.poll(async () => (await marks(app))['1.3']).not.toBe('empty');
    expect(await a.item('1.3').isVisible()).toBe(true);
    expect(Number(await a.filterCount('empty').textContent())).toBe(total - 5);
    await app.shotBoth('filter-empty-items');
    // The keys move through the items the filter shows: the next field's first one not entered is 2.2 (2.1 is entered).
    await a.input('1.3', 'events').focus();
    await app.page.keyboard.press('Control+ArrowDown');
    await expect.poll(() => a.focusedItem()).toBe('2.2');

    // 1.2 fixed: the error filter is empty and says so in a sentence.
    await a.filter('all');
    await a.input('1.2', 'numerator').fill('4');
    await expect.poll(async () => (await marks(app))['1.2']).not.toBe('error');
    await a.filter('error');
    expect(await app.page.getByTestId('filter-nothing').textContent()).toContain('Không có mục nào có lỗi.');
    expect(await a.filterCount('error').textContent()).toBe('0');
    expect(await app.page.locator('[data-item-code]:visible').count()).toBe(0);
    await app.shotBoth('filter-nothing');
    await a.filter('all');
  });

  it('opens the check list in a drawer from the bar; Esc closes it and the cursor is back on the button', async () => {
    await app.page.getByTestId('check-toggle').click();
    await a.checkDrawer().waitFor();
    expect(await app.page.evaluate(() => document.activeElement?.closest('[data-testid="check-drawer"]') !== null)).toBe(true);
    expect(await a.checkRows().filter({ hasText: 'Mục 2.1' }).count()).toBe(1);
    // A required item not entered stops finalising but is "Chưa nhập", not counted as an error.
    expect(await a.checkRows().filter({ hasText: 'Mục 1.4 bắt buộc' }).locator('.badge').textContent()).toBe('Chưa nhập');
    // The three errors are the items with points and no evidence (1.2, 1.3, 2.1); the 40-odd required items not entered are not among them.
    expect(await app.page.getByTestId('check-toggle').textContent()).toMatch(/^Kiểm tra \(3 lỗi, /u);
    await app.shotBoth('check-drawer');
    await a.closeChecks();
    expect(await a.focusedTestId()).toBe('check-toggle');
    // "Đến mục …" closes the drawer and puts the cursor in the item.
    await a.openChecks();
    await a.jumpTo('2.1');
    await a.checkDrawer().waitFor({ state: 'detached' });
    await expect.poll(() => a.focusedItem()).toBe('2.1');
  });

  it('folds the outline away on a small screen', async () => {
    await app.page.setViewportSize({ width: 1093, height: 614 });
    await app.page.getByTestId('outline-toggle').click();
    await app.page.getByTestId('outline').waitFor({ state: 'detached' });
    // A full-page shot draws the sticky bar where the page is scrolled: from the top.
    await app.page.evaluate('window.scrollTo(0, 0)');
    await app.shot('outline-folded-1093x614');
    await app.page.getByTestId('outline-toggle').click();
    await app.page.getByTestId('outline').waitFor();
    await app.page.setViewportSize({ width: 1280, height: 860 });
  });

  it('a survey-scored item links to the survey instead of an input', async () => {
    const item = a.item('8.1.1');
    expect(await item.locator('input, select').count()).toBe(0);
    await a.outlineLink('8.1.1').click();
    await app.shotBoth('survey-item-link');
    await item.getByTestId('survey-link-8.1.1').click();
    await expect.poll(() => app.page.evaluate(() => location.hash)).toBe('#/survey');
  });

  it('comes back to the last item after a restart', async () => {
    await a.open();
    await a.outlineLink('6.3').click();
    await expect.poll(() => a.focusedItem()).toBe('6.3');
    await expect.poll(() => (app.runtime.db.prepare("SELECT value FROM settings WHERE key = 'assessment.lastItem.2026'").get() as { value: string } | undefined)?.value).toBe('6.3');
    await app.close();
    app = await h.open();
    a = new AssessmentPage(app.page);
    await a.open();
    await expect.poll(() => a.focusedItem()).toBe('6.3');
    expect(await a.outlineLink('6.3').getAttribute('aria-current')).toBe('location');
    await app.shotBoth('back-to-last-item');
  });

  it('previews an entries file item by item and writes nothing until "Nạp N thay đổi"', async () => {
    const file = join(h.dataDir, 'so-lieu.json');
    writeFileSync(file, JSON.stringify({
      format: 'chiso-entries', version: 1,
      items: {
        '1.1': { input: { type: 'binary', done: false } },
        '2.1': { input: { type: 'tiered', level: 'dung' } },
        '3.2': { input: { type: 'binary', done: true } },
      },
    }));
    const before = storedCodes(app);
    app.dialogs.openAnswers.push(file);
    await app.menu('/assessment/load');
    const load = new LoadPage(app.page);
    await load.preview().waitFor();
    expect(await load.counts().textContent()).toBe('1 mục mới · 1 mục thay đổi · 1 mục giữ nguyên');
    expect(await load.row('1.1').getAttribute('data-change')).toBe('changed');
    expect(await load.words('1.1').textContent()).toBe('đạt → chưa đạt');
    expect(await load.row('3.2').getAttribute('data-change')).toBe('new');
    expect(await load.words('3.2').textContent()).toBe('(trống) → đạt');
    expect(await load.confirmButton().textContent()).toBe('Nạp 2 thay đổi');
    await app.shotBoth('entries-preview');
    expect(storedCodes(app)).toEqual(before);

    await load.cancel();
    expect(storedCodes(app)).toEqual(before);
    expect(await load.report().count()).toBe(0);

    app.dialogs.openAnswers.push(file);
    await load.choose();
    await load.preview().waitFor();
    await load.confirm();
    expect(await load.report().textContent()).toContain('so-lieu.json');
    expect(storedCodes(app)).toEqual([...before, '3.2'].sort((x, y) => x.localeCompare(y, 'vi', { numeric: true })));
    expect(app.runtime.db.prepare("SELECT entry_json AS e FROM assessment_entries WHERE item_code = '1.1'").get()).toMatchObject({ e: expect.stringContaining('"done":false') });
    await app.shotBoth('entries-loaded');
  });
});
