/**
 * The main process wired up, without the Electron binary: the real entry (electron/main/index.ts)
 * loaded against a stand-in `electron` module (test/helpers/fake-electron.ts) that records every
 * handler, window, protocol and session call. docs/security.md maps each check to the checklist.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import type * as FakeElectron from '../helpers/fake-electron';

vi.mock('electron', () => import('../helpers/fake-electron'));

type Fake = typeof FakeElectron;
type IpcHandler = (event: unknown, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

async function started(fake: Fake): Promise<void> {
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.state.exitCode === null) throw new Error('main has not opened its window yet');
  }, { timeout: 20_000, interval: 20 });
  expect(fake.state.exitCode).toBeNull();
}

const FOREIGN_URLS = ['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://chisox/index.html', 'about:blank', 'data:text/html,<p>x</p>', ''];

function checkHardened(wc: InstanceType<Fake['FakeWebContents']>): void {
  for (const url of FOREIGN_URLS.filter(Boolean)) {
    expect(wc.tryEvent('will-navigate', url), `will-navigate ${url}`).toBe(true);
    expect(wc.tryEvent('will-frame-navigate', url), `will-frame-navigate ${url}`).toBe(true);
    expect(wc.tryEvent('will-redirect', url), `will-redirect ${url}`).toBe(true);
    expect(wc.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  }
  expect(wc.tryEvent('will-navigate', 'app://chiso/index.html#/settings')).toBe(false);
  expect(wc.windowOpenHandler?.({ url: 'app://chiso/index.html' })).toEqual({ action: 'deny' });
  expect(wc.tryEvent('will-attach-webview', {}, {})).toBe(true);
}

describe('electron/main/index.ts against a stand-in Electron', () => {
  let fake: Fake;

  beforeAll(async () => {
    fake = (await import('electron')) as unknown as Fake;
    await import('../../electron/main/index');
    await started(fake);
  }, 30_000);

  afterAll(() => {
    fake.app.emit('window-all-closed');
  });

  it('registers one ipcMain handler per contract channel, and none outside the contract but the preload\'s drop channel', () => {
    // drop:hold is not in the renderer's api: only the preload sends a drop's paths (electron/main/drop.ts).
    expect([...fake.state.handlers.keys()].sort()).toEqual([...CHANNELS, 'drop:hold'].sort());
    expect([...fake.state.onListeners.keys()]).toEqual([]);
  });

  it('opens the window with the baseline webPreferences and the built preload', async () => {
    const win = fake.state.windows[0]!;
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(prefs['additionalArguments']).toBeUndefined();
    expect(win.loadedUrl).toBe('app://chiso/index.html');
    // index.ts runs from out/main/: its preload is out/preload/index.cjs, which the build emits.
    expect(prefs['preload']).toBe(resolve('electron/main', '../preload/index.cjs'));
    const config = (await import('../../electron.vite.config')).default as unknown as {
      main: { build: { outDir: string } };
      preload: { build: { outDir: string; rollupOptions: { input: Record<string, string>; output: { format: string; entryFileNames: string } } } };
    };
    expect(config.main.build.outDir).toBe('out/main');
    expect(config.preload.build.outDir).toBe('out/preload');
    expect(Object.keys(config.preload.build.rollupOptions.input)).toEqual(['index']);
    expect(config.preload.build.rollupOptions.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
  });

  it('registers app:// as a standard secure scheme', () => {
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...fake.state.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('refuses every permission request and check', () => {
    const s = fake.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'fileSystem']) {
      const granted = vi.fn();
      s.permissionRequest!(fake.state.webContents[0], permission, granted, { requestingUrl: 'app://chiso/index.html' });
      expect(granted).toHaveBeenCalledExactlyOnceWith(false);
      expect(s.permissionCheck!(fake.state.webContents[0], permission, 'app://chiso', {})).toBe(false);
    }
    expect(s.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('denies navigation away, new windows and webviews in the main window', () => {
    checkHardened(fake.state.windows[0]!.webContents);
  });

  it('hardens every webContents created later, and the hidden print window', async () => {
    checkHardened(fake.createLooseWebContents());
    const { electronPdf } = await import('../../electron/main/pdf');
    await electronPdf.fromHtml('<p>in</p>');
    const printer = fake.state.windows.at(-1)!;
    expect(printer).not.toBe(fake.state.windows[0]);
    expect(printer.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false });
    expect(printer.options.webPreferences!['preload']).toBeUndefined();
    checkHardened(printer.webContents);
  });

  it('refuses every channel from a frame that is not the app own page', async () => {
    for (const channel of CHANNELS) {
      const handle = fake.state.handlers.get(channel) as IpcHandler;
      for (const url of FOREIGN_URLS) {
        const res = await handle({ senderFrame: { url } }, undefined);
        expect(res, `${channel} from ${url}`).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
      }
      // A frame already gone (navigated away, destroyed) has no senderFrame at all.
      expect(await handle({ senderFrame: null }, undefined)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
  });

  it('answers the app own page', async () => {
    const info = fake.state.handlers.get('app:info') as IpcHandler;
    expect(await info({ senderFrame: { url: 'app://chiso/index.html#/about' } }, undefined)).toMatchObject({ ok: true });
  });

  it('the openPath port hands documents to the system and refuses programs, scripts and shortcuts', async () => {
    const { electronDialogs } = await import('../../electron/main/dialogs');
    const dialogs = electronDialogs(() => null);
    for (const p of ['/tmp/a.exe', '/tmp/a.bat', '/tmp/a.cmd', '/tmp/a.js', '/tmp/a.vbs', '/tmp/a.ps1', '/tmp/a.lnk', '/tmp/a.scr', '/tmp/a.msi', '/tmp/run', 'C:\\x\\a.pdf.exe']) {
      await expect(dialogs.openPath(p), p).rejects.toMatchObject({ code: 'OPEN_REFUSED' });
    }
    expect(fake.state.openedPaths).toEqual([]);
    await dialogs.openPath('/tmp/Biên bản.pdf');
    expect(fake.state.openedPaths).toEqual(['/tmp/Biên bản.pdf']);
  });

  it('logs its start, refused senders (origin only) and a renderer that died, in the data folder', () => {
    fake.app.emit('render-process-gone', {}, fake.state.webContents[0], { reason: 'crashed', exitCode: 139 });
    const log = readFileSync(join(fake.state.userData, 'logs', 'chiso.log'), 'utf8');
    expect(log).toContain('"event":"app.start"');
    expect(log).toContain('"event":"ipc.untrusted-sender","channel":"app:info","origin":"https://evil.example"');
    expect(log).toContain('"origin":"(no frame)"');
    expect(log).toContain('"event":"renderer.gone","reason":"crashed","exitCode":139');
  });

  it('refuses path traversal through the app:// handler as registered', async () => {
    const handler = fake.state.protocolHandlers.get('app')!;
    // rendererRoot is electron/renderer here (the entry's built layout seen from the sources):
    // electron/main/index.ts exists one level up, so each of these would reach it if not refused.
    for (const url of ['app://chiso/..%2fmain%2findex.ts', 'app://chiso/%2e%2e%2fmain%2findex.ts', 'app://chiso/..%5cmain%5cindex.ts', 'app://chiso/%2e%2e%5cmain%5cindex.ts']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
  });
});

describe('startMain with a built renderer folder', () => {
  let fake: Fake;
  let root: string;

  beforeAll(async () => {
    fake = (await import('electron')) as unknown as Fake;
    fake.reset();
    const dir = mkdtempSync(join(tmpdir(), 'chiso-renderer-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    const { startMain } = await import('../../electron/main/start');
    // A packaged app given a development server URL in its environment ignores it.
    await startMain({ rendererRoot: root, preload: join(dir, 'preload', 'index.cjs') }, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    await started(fake);
  }, 30_000);

  afterAll(() => {
    fake.app.emit('window-all-closed');
  });

  it('serves the renderer with the CSP header and nosniff', async () => {
    const handler = fake.state.protocolHandlers.get('app')!;
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/protocol-path');
    for (const url of ['app://chiso/', 'app://chiso/index.html', 'app://chiso/assets/app.js']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await handler(new Request('app://chiso/assets/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal to a file beside the renderer folder', async () => {
    const handler = fake.state.protocolHandlers.get('app')!;
    for (const url of ['app://chiso/..%2fsecret.txt', 'app://chiso/assets/..%2f..%2fsecret.txt', 'app://chiso/..%5csecret.txt', 'app://chiso/%2e%2e/secret.txt', 'app://chiso/../secret.txt', 'app://other/index.html', 'app://chiso/index.html%00.txt']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it('the CSP is the baseline, and index.html carries the same policy', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/protocol-path');
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/u);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/u);
    // A meta CSP cannot carry frame-ancestors; every other directive is the header's.
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });

  it('a packaged app loads its own pages and trusts no development server named in the environment', async () => {
    expect(fake.state.windows[0]!.loadedUrl).toBe('app://chiso/index.html');
    expect(fake.state.windows[0]!.options.webPreferences!['preload']).toMatch(new RegExp(`${sep === '\\' ? '\\\\' : sep}preload${sep === '\\' ? '\\\\' : sep}index\\.cjs$`, 'u'));
    const info = fake.state.handlers.get('app:info') as IpcHandler;
    expect(await info({ senderFrame: { url: 'http://localhost:5173/#/about' } }, undefined)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(fake.state.windows[0]!.webContents.tryEvent('will-navigate', 'http://localhost:5173/')).toBe(true);
  });
});
