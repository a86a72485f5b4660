/**
 * A PdfPrinter for the command line, which has no Electron: headless Chromium (or Chrome, or
 * Edge) driven through playwright-core, the same print engine as the app's printToPDF. JavaScript
 * off, offline, one browser per document (closed afterwards, whatever happens).
 *
 * playwright-core stays a devDependency and is loaded at run time by name: the installed app
 * never runs the command line (the packaged binary has ELECTRON_RUN_AS_NODE off) and prints with
 * Electron's own Chromium, so shipping 9 MB more in every installer would serve nobody; `chiso`
 * runs from a checkout (npm run cli, npm run demo), where devDependencies are installed. Where the
 * library or a browser is missing, the printer refuses with PDF_ENGINE_MISSING, whose sentence
 * says what to install.
 */
import { existsSync } from 'node:fs';
import type * as PlaywrightCore from 'playwright-core';
import type { Browser } from 'playwright-core';
import { AppError } from '../../../../shared/errors';
import type { PdfPrinter } from '../../../kernel/ports';

/** Where Chromium-family browsers live, most likely first (CHROMIUM_PATH overrides them all). */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser to print with: CHROMIUM_PATH when it exists, else the first candidate found, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | null {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return exists(chosen) ? chosen : null;
  return CANDIDATES.find((p) => exists(p)) ?? null;
}

type Playwright = typeof PlaywrightCore;

/** playwright-core when installed; null otherwise. The name is a variable so bundlers leave it to run time. */
export async function loadPlaywright(name = 'playwright-core'): Promise<Playwright | null> {
  try {
    return (await import(/* @vite-ignore */ name)) as Playwright;
  } catch {
    return null;
  }
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-extensions', '--no-first-run'];

/** Whether this machine can print from the command line (for tests and benchmarks that skip without). */
export async function headlessChromiumAvailable(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return findChromium(env) !== null && (await loadPlaywright()) !== null;
}

export function headlessChromiumPrinter(options: { env?: NodeJS.ProcessEnv; module?: string } = {}): PdfPrinter {
  return {
    async fromHtml(html) {
      const playwright = await loadPlaywright(options.module);
      const executablePath = findChromium(options.env ?? process.env);
      if (!playwright || !executablePath) {
        throw new AppError('PDF_ENGINE_MISSING', 'no headless Chromium for the command line', {
          playwrightCore: playwright ? 'found' : 'missing',
          browser: executablePath ?? 'missing',
        });
      }
      let browser: Browser | null = null;
      try {
        browser = await playwright.chromium.launch({ executablePath, args: FLAGS, headless: true });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } catch (err) {
        throw new AppError('PDF_FAILED', `headless Chromium: ${String(err)}`);
      } finally {
        await browser?.close().catch(() => undefined);
      }
    },
  };
}
