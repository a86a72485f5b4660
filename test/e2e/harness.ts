import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, contentType } from '../../electron/main/protocol-path';
import type { Dialogs, PdfPrinter } from '../../electron/app/ports';
import type { AppRuntime } from '../../electron/app/runtime';
import { createAppRuntime } from '../../electron/app/runtime';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract';
import { fixedClock } from '../helpers/context';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER = join(ROOT, 'out/renderer');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
/** A 1366×768 laptop at 125 % scaling, in CSS pixels. */
export const SMALL_SCREEN = { width: 1093, height: 614 };

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=vi-VN',
];

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/** Serves the production renderer bundle over loopback, with the app's CSP. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` (npm test does) before the end-to-end tests');
  }
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = resolve(RENDERER, `.${path === '/' ? '/index.html' : path}`);
      if (!file.startsWith(RENDERER)) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': contentType(file), 'content-security-policy': CONTENT_SECURITY_POLICY });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Dialog answers queued by a test (OS dialogs are stubbed, never clicked). */
export class StubDialogs implements Dialogs {
  readonly openAnswers: (string | null)[] = [];
  readonly openManyAnswers: string[][] = [];
  readonly folderAnswers: (string | null)[] = [];
  readonly saveAnswers: (string | null)[] = [];
  readonly opened: string[] = [];
  async openFile(): Promise<string | null> {
    return this.openAnswers.shift() ?? null;
  }
  async openFiles(): Promise<string[]> {
    return this.openManyAnswers.shift() ?? [];
  }
  async chooseFolder(): Promise<string | null> {
    return this.folderAnswers.shift() ?? null;
  }
  async saveFile(): Promise<string | null> {
    return this.saveAnswers.shift() ?? null;
  }
  async openPath(path: string): Promise<void> {
    this.opened.push(path);
  }
  /** Where the files a test drops on the page are (Electron gives a dropped File's path; the page here has only names). */
  dropRoot: string | null = null;
  private drop: { token: string; paths: string[] } | null = null;
  /** As electron/main/drop.ts: the drop's paths behind a one-shot token. */
  holdDrop(names: string[]): string | null {
    if (this.dropRoot === null || names.length === 0) return null;
    this.drop = { token: `drop-${Date.now()}`, paths: names.map((n) => join(this.dropRoot!, n)) };
    return this.drop.token;
  }
  dropped(token: string): string[] {
    if (this.drop?.token !== token) return [];
    const { paths } = this.drop;
    this.drop = null;
    return paths;
  }
}

export interface AppSession {
  page: Page;
  runtime: AppRuntime;
  dialogs: StubDialogs;
  /** The documents sent to the print dialog (a stand-in that prints nothing and answers "printed"). */
  printed: string[];
  /** Screenshot of the current screen into test-output/screenshots/<suite>/<nn>-<name>.png */
  shot(name: string): Promise<string>;
  /**
   * The same screen at 1280 px and at 1093×614 (a 1366×768 laptop at 125 %): two files,
   * <nn>-<name>.png and <nn>-<name>-1093x614.png; the viewport is put back afterwards.
   */
  shotBoth(name: string): Promise<[string, string]>;
  /** Simulate a click in the application menu (main → renderer event). */
  menu(path: string): Promise<void>;
  /** Sees every main → renderer event the app sends (before the page gets it). */
  onEvent: ((event: string, payload: unknown) => void) | null;
  /** The channels main has answered for this page, in order (a test waits for a call to be handled). */
  answered: string[];
  close(): Promise<void>;
}

/**
 * One browser for a test file; `open()` starts "the app" over a SQLite file: the real
 * runtime and router in this process, the production bundle in Chromium, and window.api
 * forwarded through page.exposeBinding. Only the transport differs from Electron.
 */
const IPC_DELAY_MS = Number(process.env['CHISO_E2E_IPC_DELAY_MS'] ?? 0) || 0;

export class Harness {
  private browser: Browser | null = null;
  private server: Server | null = null;
  private origin = '';
  private shotCount = 0;
  readonly dataDir: string;

  constructor(private readonly suite: string) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'chiso-e2e-'));
  }

  get dbPath(): string {
    return join(this.dataDir, 'app.sqlite');
  }

  async start(): Promise<void> {
    const served = await serveRenderer();
    this.server = served.server;
    this.origin = served.origin;
    this.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
    mkdirSync(join(SCREENSHOTS, this.suite), { recursive: true });
  }

  /** Chromium's print engine for the PdfPrinter seam: a page of its own, as Electron's hidden window. */
  pdfPrinter(): PdfPrinter {
    return {
      fromHtml: async (html) => {
        if (!this.browser) throw new Error('harness not started');
        const ctx = await this.browser.newContext({ javaScriptEnabled: false });
        try {
          const page = await ctx.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
        } finally {
          await ctx.close();
        }
      },
    };
  }

  async open(options: { dbPath?: string; viewport?: { width: number; height: number }; locale?: string } = {}): Promise<AppSession> {
    if (!this.browser) throw new Error('harness not started');
    const dialogs = new StubDialogs();
    const printed: string[] = [];
    const answered: string[] = [];
    const origin = this.origin;
    // Main → renderer events (an import's progress) reach the page as the preload's would.
    let pageForEvents: Page | null = null;
    let session: AppSession | null = null;
    const emit = (event: string, payload: unknown): void => {
      session?.onEvent?.(event, payload);
      void pageForEvents
        ?.evaluate(([e, p]) => (window as unknown as { __chisoEmit(e: string, p: unknown): void }).__chisoEmit(e as string, p), [event, payload] as const)
        .catch(() => undefined);
    };
    const runtime = createAppRuntime({
      emit,
      // The same engine as Electron's printToPDF: Chromium prints the HTML to an A4 PDF.
      pdf: this.pdfPrinter(),
      printer: { print: async (html) => { printed.push(html); return true; } },
      keyScrypt: { N: 2 ** 12, r: 8, p: 1 },
      dbPath: options.dbPath ?? this.dbPath,
      appVersion: '0.1.0-e2e',
      platform: 'e2e',
      clock: fixedClock(),
      dialogs,
      isTrustedSender: (s) => s.url.startsWith(`${origin}/`),
      // As the window: a damaged database opens the recovery screen (features/backup).
      recoverOnCorrupt: true,
    });
    const context: BrowserContext = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 860 },
      locale: options.locale ?? 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.exposeBinding('__chisoInvoke', async (source, channel: string, input: unknown) => {
      // CHISO_E2E_IPC_DELAY_MS: every call answers that much later, as on a loaded office PC. A
      // check that bets on the main process answering before the next key fails under it.
      if (IPC_DELAY_MS > 0) await new Promise((r) => setTimeout(r, IPC_DELAY_MS));
      try {
        return await runtime.route(channel, input, { url: source.frame.url() });
      } finally {
        answered.push(channel);
      }
    });
    // The preload's pathsForDroppedFiles: the drop's file names, under the test's dropRoot.
    await context.exposeBinding('__chisoDrop', (_source, names: string[]) => dialogs.holdDrop(names));
    // The same shape the preload builds with shared/ipc/api.ts: one function per channel.
    await context.addInitScript(
      ({ channels, events }) => {
        const listeners = new Map<string, Set<(p: unknown) => void>>();
        const api: Record<string, unknown> = {};
        for (const channel of channels) {
          const [domain, verb] = channel.split(':') as [string, string];
          const ns = (api[domain] ??= {}) as Record<string, unknown>;
          ns[verb] = (input?: unknown) =>
            (window as unknown as { __chisoInvoke(c: string, i: unknown): Promise<unknown> }).__chisoInvoke(channel, input);
        }
        api['pathsForDroppedFiles'] = (files: readonly File[]) =>
          (window as unknown as { __chisoDrop(n: string[]): Promise<string | null> }).__chisoDrop(Array.from(files, (f) => f.name));
        api['on'] = (event: string, listener: (p: unknown) => void) => {
          if (!(events as string[]).includes(event)) return () => undefined;
          const set = listeners.get(event) ?? new Set();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        };
        (window as unknown as { __chisoEmit(e: string, p: unknown): void }).__chisoEmit = (event, payload) => {
          for (const l of listeners.get(event) ?? []) l(payload);
        };
        Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
      },
      { channels: [...CHANNELS], events: [...EVENTS] },
    );
    const page = await context.newPage();
    pageForEvents = page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${origin}/index.html`);
    const suite = this.suite;
    session = {
      onEvent: null,
      answered,
      page,
      runtime,
      dialogs,
      printed,
      shot: async (name) => {
        this.shotCount += 1;
        const file = join(SCREENSHOTS, suite, `${String(this.shotCount).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      shotBoth: async (name) => {
        this.shotCount += 1;
        const base = join(SCREENSHOTS, suite, `${String(this.shotCount).padStart(2, '0')}-${name}`);
        const before = page.viewportSize() ?? { width: 1280, height: 860 };
        await page.screenshot({ path: `${base}.png`, fullPage: true });
        await page.setViewportSize(SMALL_SCREEN);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.screenshot({ path: `${base}-1093x614.png`, fullPage: true });
        await page.setViewportSize(before);
        return [`${base}.png`, `${base}-1093x614.png`];
      },
      menu: async (path) => {
        await page.evaluate((p) => (window as unknown as { __chisoEmit(e: string, p: unknown): void }).__chisoEmit('menu:navigate', p), path);
      },
      close: async () => {
        await context.close();
        runtime.close();
        if (errors.length) throw new Error(`renderer errors:\n${errors.join('\n')}`);
      },
    };
    return session;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
