/**
 * The survey: results recomputed for 200 forms × 29 questions (target < 20 ms), a keystroke
 * to the next highlighted question painted in Chromium with 200 forms stored (p95, target
 * < 16 ms), and the keystrokes per questionnaire counted by the end-to-end test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleFramework } from '../../shared/framework/sample';
import type { SurveyForm } from '../../shared/scoring/survey';
import { allQuestions, tallySurvey } from '../../shared/scoring/survey';
import { computeScores } from '../../shared/scoring/engine';
import { completeSetup } from '../../electron/features/setup/identity';
import { applySurveySection, validateSurveySection } from '../../electron/features/survey/import';
import { surveyResults } from '../../electron/features/survey/results';
import { openDatabase } from '../../electron/kernel/db/open';
import { Harness } from '../e2e/harness';
import { communeSetup, fixedClock, freshStore, parsedSetup } from '../helpers/context';
import { ms, ratio, report, sample, stats } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const def = sampleFramework.survey!;

/** 200 plausible forms: deterministic answers, every question answered. */
function forms200(): SurveyForm[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: 200 }, (_, i) => ({
    formNo: String(i + 1),
    answers: Object.fromEntries(
      allQuestions(def).map((q) => [
        q.code,
        q.options ? q.options[Math.floor(rnd() * q.options.length)]!.value : q.type === 'date' ? '2026-09-30' : q.type === 'number' ? 2 : 'Tốt',
      ]),
    ),
  }));
}

async function resultsBench(forms: SurveyForm[]): Promise<void> {
  const codes = allQuestions(def).map((q) => q.code);
  let sink = 0;
  const bare = await sample(() => {
    for (const f of forms) for (const c of codes) if (f.answers[c] !== null) sink += 1;
  }, 300);
  const pure = await sample(() => computeScores(sampleFramework, {}, tallySurvey(def, forms)), 300);
  report({
    suite: 'survey',
    name: `results for ${forms.length} forms × ${codes.length} questions: tally + scores (p95)`,
    figure: ms(pure.p95),
    target: '< 20 ms',
    baseline: `bare loop over the same answers ${ms(bare.p95)}`,
    ratio: ratio(pure.p95, bare.p95),
  });
  const s = freshStore();
  try {
    completeSetup(s.ctx, parsedSetup(communeSetup));
    s.db.transaction(() => applySurveySection(s.ctx, validateSurveySection(sampleFramework, { forms })))();
    const fromStore = await sample(() => surveyResults(s.ctx), 100);
    report({
      suite: 'survey',
      name: `results screen data from SQLite (${forms.length} forms: read, parse, tally, scores, progress) (p95)`,
      figure: ms(fromStore.p95),
      target: '< 20 ms',
      baseline: `bare loop ${ms(bare.p95)}`,
      ratio: ratio(fromStore.p95, bare.p95),
    });
  } finally {
    s.cleanup();
  }
  void sink;
}

/** In the page: time from keydown (capture) to the frame after the next paint. */
const MEASURE = `window.__measure = () => new Promise((resolve) => {
  let t0 = 0;
  let handled = 0;
  // Bubble phase on window: after React's root listener has run and committed (discrete event).
  window.addEventListener('keydown', () => { handled = performance.now() - t0; }, { once: true });
  window.addEventListener('keydown', () => {
    t0 = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ dt: performance.now() - t0, script: handled, code: document.querySelector('[data-current]')?.getAttribute('data-code') ?? null });
      ch.port2.postMessage(0);
    });
  }, { capture: true, once: true });
});`;

async function keystrokeBench(forms: SurveyForm[]): Promise<void> {
  const h = new Harness('survey-bench');
  await h.start();
  try {
    const db = openDatabase(h.dbPath);
    const ctx = { db, clock: fixedClock(), actor: () => 'bench' };
    completeSetup(ctx, parsedSetup(communeSetup));
    db.transaction(() => applySurveySection(ctx, validateSurveySection(sampleFramework, { forms })))();
    db.close();
    const app = await h.open();
    const { page } = app;
    await page.getByRole('link', { name: 'Điều tra XHH' }).waitFor(); // the menu listener is up
    await app.menu('/survey');
    await page.getByTestId('form-no').waitFor();
    await page.getByTestId('form-no').fill('201');
    await page.keyboard.press('Enter');
    await page.getByTestId('keying').waitFor();
    // TT1..TT4, TT5 (a date: Enter leaves it blank), TT6 → on A1, where every question is a digit key.
    for (const k of ['1', '1', '1', '1']) await page.keyboard.press(k);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'typed-answer');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'keying');
    await page.keyboard.press('1');
    await page.evaluate(MEASURE);
    const measure = async (key: string): Promise<{ dt: number; script: number; code: string | null }> => {
      await page.evaluate('window.__p = window.__measure(); undefined'); // do not await the promise here
      await page.keyboard.press(key);
      return (await page.evaluate('window.__p')) as { dt: number; script: number; code: string | null };
    };
    const keyed: number[] = [];
    const script: number[] = [];
    const empty: number[] = [];
    const run = async (key: string) => {
      const m = await measure(key);
      keyed.push(m.dt);
      script.push(m.script);
    };
    for (let round = 0; round < 6; round++) {
      // A1 → C1 by digit keys (each one autosaved), then back with Backspace.
      for (let i = 0; i < 21; i++) {
        await run(String(1 + (i % 2)));
        empty.push((await measure('Shift')).dt);
      }
      for (let i = 0; i < 21; i++) await run('Backspace');
    }
    const k = stats(keyed.slice(10));
    const sc = stats(script.slice(10));
    const e = stats(empty);
    report({
      suite: 'survey',
      name: `keystroke → next question highlighted and painted, ${forms.length} forms stored (p95, n=${k.n})`,
      figure: `${ms(k.p95)} (p50 ${ms(k.p50)}; React handler + commit p95 ${ms(sc.p95)})`,
      target: '< 16 ms',
      baseline: `key with no work → rAF round trip ${ms(e.p95)} (p50 ${ms(e.p50)})`,
      ratio: ratio(k.p95, e.p95),
    });
    await app.close();
  } finally {
    await h.stop();
  }
}

function keystrokeReport(): void {
  const file = join(ROOT, 'test-output', 'survey-keystrokes.json');
  if (!existsSync(file)) {
    report({ suite: 'survey', name: 'keystrokes per questionnaire', figure: 'run the e2e test first (test/e2e/survey.e2e.test.ts)' });
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as { questions: number; firstFormKeystrokes: number };
  report({
    suite: 'survey',
    name: `keystrokes to key form 001 (${r.questions} questions, 3-digit number), counted by the e2e test`,
    figure: `${r.firstFormKeystrokes} keys`,
    target: `${r.questions + 3 + 1} (one per question + number digits + save)`,
    baseline: `ODK Collect ≥ ${2 * r.questions} taps (two per question)`,
    ratio: ratio(r.firstFormKeystrokes, 2 * r.questions),
  });
}

export async function surveyBench(): Promise<void> {
  const forms = forms200();
  await resultsBench(forms);
  await keystrokeBench(forms);
  keystrokeReport();
}
