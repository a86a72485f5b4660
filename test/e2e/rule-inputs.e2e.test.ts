import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFramework } from '../../electron/features/framework/frameworks';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness } from './harness';
import { AssessmentPage } from './pages/assessment-page';

// An illustrative decision: criterion 2 may not apply as a whole (→ 3 points), item 3 an increment rule, item 4 a formula.
const example = validateFramework(JSON.parse(readFileSync(fileURLToPath(new URL('../../docs/examples/minh-hoa-chi-dao-dieu-hanh.json', import.meta.url)), 'utf8')));

describe('criteria screen: increment and formula inputs, a whole criterion not applicable', () => {
  const h = new Harness('rule-inputs');
  let app: AppSession;
  beforeAll(async () => {
    await h.start();
    const db = openDatabase(h.dbPath);
    completeSetup({ db, clock: fixedClock(), actor: () => 'setup' }, parsedSetup(communeSetup), example);
    db.close();
  });
  afterAll(() => h.stop());

  for (const viewport of [{ width: 1280, height: 860 }, { width: 1093, height: 614 }]) {
    it(`enters them with the keyboard and the mouse and they are saved (${viewport.width}×${viewport.height})`, async () => {
      app = await h.open({ viewport });
      const a = new AssessmentPage(app.page);
      await a.open();
      const wide = viewport.width === 1280;
      if (wide) {
        await a.input('3', 'units').fill('2');
        await a.input('4', 'values-da_kiem_tra').fill('4');
        await a.input('4', 'values-ke_hoach').fill('5');
        await a.input('4', 'values-ton_tai').fill('6');
        await a.input('4', 'values-da_khac_phuc').fill('3');
        await app.page.getByTestId('criterion-na-2').locator('input').check();
        await expect.poll(() => app.page.getByTestId('criterion-na-points-2').textContent()).toContain('3,00');
        await expect.poll(() => a.item('3').getByTestId('points-3').textContent()).not.toContain('0,00 /');
        // A count typed with a decimal is flagged on its own input.
        await a.input('4', 'values-ke_hoach').fill('5,5');
        await expect.poll(() => a.item('4').getByTestId('issue-values.ke_hoach').isVisible()).toBe(true);
        await a.input('4', 'values-ke_hoach').fill('5');
        await app.page.getByTestId('criterion-na-2').scrollIntoViewIfNeeded();
        await app.shot('rule-inputs-1280');
        await app.page.keyboard.press('Tab');
        await app.page.evaluate('document.activeElement && document.activeElement.blur()');
        await expect.poll(() => app.page.getByTestId('save-state').textContent(), { timeout: 15000 }).toMatch(/^Đã lưu lúc/u);
        await app.close();
        // Saved: what main holds.
        const db = openDatabase(h.dbPath);
        const rows = db.prepare(`SELECT item_code, entry_json FROM assessment_entries ORDER BY item_code`).all() as { item_code: string; entry_json: string }[];
        db.close();
        const byCode = Object.fromEntries(rows.map((r) => [r.item_code, JSON.parse(r.entry_json)]));
        expect(byCode['2']).toEqual({ notApplicable: true });
        expect(byCode['3']).toEqual({ input: { type: 'increment', units: 2 } });
        expect(byCode['4']).toEqual({ input: { type: 'formula', values: { da_kiem_tra: 4, ke_hoach: 5, ton_tai: 6, da_khac_phuc: 3 } } });
      } else {
        // After a restart, on a small laptop screen: the values are back in their inputs.
        expect(await a.input('3', 'units').inputValue()).toBe('2');
        expect(await a.input('4', 'values-ton_tai').inputValue()).toBe('6');
        expect(await app.page.getByTestId('criterion-na-2').locator('input').isChecked()).toBe(true);
        await a.item('4').scrollIntoViewIfNeeded();
        await app.shot('rule-inputs-1093');
        await app.close();
      }
    });
  }
});
