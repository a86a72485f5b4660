import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { saveEntry } from '../../electron/features/assessment/use-cases';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { completeSetup } from '../../electron/features/setup/identity';
import { openDatabase } from '../../electron/kernel/db/open';
import { Harness } from '../e2e/harness';
import { testApp } from '../helpers/app';
import { communeSetup, fixedClock, parsedSetup } from '../helpers/context';
import { ms, ratio, report, sample, stats } from './harness';

const SAMPLE = readFileSync(fileURLToPath(new URL('../../docs/examples/sample-entries.json', import.meta.url)), 'utf8');

/**
 * One autosaved change as the handler runs it (policy check, entry + audit row in one transaction,
 * synchronous=FULL) against a bare INSERT commit.
 */
async function autosaveCommit(): Promise<void> {
  const s = testApp(communeSetup);
  const db = s.runtime.db;
  db.exec('CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const bare = db.prepare('INSERT INTO bench_bare (v) VALUES (?)');
  let n = 0;
  const baseline = await sample(() => bare.run(`v${n++}`), 500);
  let k = 0;
  const save = await sample(() => s.app.perform(saveEntry, { code: '1.3', entry: { input: { type: 'deduction', events: k++ % 4 } } }), 500);
  report({ suite: 'assessment', name: 'one autosaved change committed (p50 / p95)', figure: `${ms(save.p50)} / ${ms(save.p95)}`, target: '< 5 ms', baseline: `bare single-row INSERT commit ${ms(baseline.p50)} / ${ms(baseline.p95)}`, ratio: ratio(save.p95, baseline.p95) });
  // The same without waiting for the disk: what the service itself costs (the rest is fsync).
  db.pragma('synchronous = OFF');
  const cpuBare = await sample(() => bare.run(`v${n++}`), 500);
  const cpu = await sample(() => s.app.perform(saveEntry, { code: '1.3', entry: { input: { type: 'deduction', events: k++ % 4 } } }), 500);
  report({ suite: 'assessment', name: 'the same without fsync (synchronous=OFF, p95)', figure: ms(cpu.p95), baseline: `bare INSERT ${ms(cpuBare.p95)}`, ratio: ratio(cpu.p95, cpuBare.p95) });
  s.cleanup();
}

/**
 * In-app navigation to a route, timed in the page until `selector` exists. Page scripts are
 * strings: tsx would wrap named inner functions in a helper the page does not have.
 */
async function timeRoute(page: Page, hash: string, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const mo = new MutationObserver(() => {
      if (document.querySelector(${JSON.stringify(selector)})) { mo.disconnect(); resolve(performance.now() - t0); }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    location.hash = ${JSON.stringify(hash)};
  })`);
}

const TYPING = `(async () => {
  const input = document.querySelector('[data-testid="item-1.3"] [data-testid="in-events"]');
  const total = document.querySelector('[data-testid="total-points"]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const once = (el, v, watch) => new Promise((resolve) => {
    const t0 = performance.now();
    if (!watch) {
      setter.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      resolve(performance.now() - t0);
      return;
    }
    const before = watch.textContent;
    const mo = new MutationObserver(() => {
      if (watch.textContent !== before) { mo.disconnect(); resolve(performance.now() - t0); }
    });
    mo.observe(watch, { childList: true, characterData: true, subtree: true });
    setter.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const edit = [];
  for (let i = 0; i < 200; i += 1) edit.push(await once(input, String((i % 3) + 2), total));
  const plain = document.createElement('input');
  document.body.appendChild(plain);
  const bare = [];
  for (let i = 0; i < 200; i += 1) bare.push(await once(plain, String(i), null));
  return { edit, bare };
})()`;

/** Criteria screen with every item filled, and typing → total on screen, in Chromium (production bundle). */
async function screen(): Promise<void> {
  const h = new Harness('bench-assessment');
  await h.start();
  const db = openDatabase(h.dbPath);
  const ctx = { db, clock: fixedClock(), actor: () => 'bench' };
  completeSetup(ctx, parsedSetup(communeSetup));
  loadEntriesText(ctx, SAMPLE);
  db.close();
  const app = await h.open();
  const { page } = app;
  await page.getByTestId('home-commune').waitFor();
  const open: number[] = [];
  const home: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    await timeRoute(page, '#/about', 'h1');
    home.push(await timeRoute(page, '#/', '[data-testid="framework-overview"]'));
    open.push(await timeRoute(page, '#/assessment', '[data-testid="assessment-tree"][data-ready="yes"] [data-testid="item-9.4"] input'));
  }
  const o = stats(open.slice(2));
  const hs = stats(home.slice(2));
  report({ suite: 'assessment', name: 'open the criteria screen, all items filled, to interactive tree (p50 / p95)', figure: `${ms(o.p50)} / ${ms(o.p95)}`, target: '< 300 ms', baseline: `home screen ${ms(hs.p50)} / ${ms(hs.p95)}`, ratio: ratio(o.p95, hs.p95) });

  // Typing: set the value and fire the input event as a keystroke does; wait for the total to change.
  // Baseline: the same event on a plain input React does not own.
  const typing = (await page.evaluate(TYPING)) as { edit: number[]; bare: number[] };
  const e = stats(typing.edit.slice(20));
  const b = stats(typing.bare.slice(20));
  report({ suite: 'assessment', name: 'keystroke in an item → total updated on screen (p50 / p95)', figure: `${ms(e.p50)} / ${ms(e.p95)}`, target: '< 16 ms', baseline: `one frame at 60 Hz 16.667 ms (input event on a plain input: ${ms(b.p95)} p95, below the page clock's resolution)`, ratio: ratio(e.p95, 1000 / 60) });
  await app.close();
  await h.stop();
}

export async function assessmentBench(): Promise<void> {
  await autosaveCommit();
  await screen();
}
