import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { AppRuntime } from '../app/runtime';
import { createAppRuntime } from '../app/runtime';
import { createFileLogger, logsDir } from '../app/logging';
import { electronDialogs } from './dialogs';
import { buildMenu, MENU_CHANNELS } from './menu';
import { DroppedPaths, registerDrop } from './drop';
import { electronPdf } from './pdf';
import { electronPrinter } from './print';
import { safeStorageProtector } from './secret-protector';
import { CONTENT_SECURITY_POLICY, contentType, isTrustedRendererUrl, resolveAppPath } from './protocol-path';
import { applySecurityBaseline, WEB_PREFERENCES } from './security';

/** Scheme and host of a sender, for the log (never a path or a query). */
function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url === '' ? '(no frame)' : '(not a URL)';
  }
}

export interface MainPaths {
  /** The built renderer (out/renderer), served as app://chiso/. */
  rendererRoot: string;
  /** The built sandboxed preload (out/preload/index.cjs). */
  preload: string;
}

/**
 * The main process: security baseline, app:// protocol, the runtime, one ipcMain handler per
 * contract channel, the menu and the window. index.ts calls it with the built paths; the wiring
 * test (main-wiring.test.ts) runs it against a stand-in Electron.
 */
export function startMain(paths: MainPaths, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // The development server only in development: a packaged app never trusts an environment variable
  // to tell it where its pages come from.
  const devServerUrl = app.isPackaged ? undefined : env['ELECTRON_RENDERER_URL'];
  const isAppUrl = (url: string): boolean => isTrustedRendererUrl(url, devServerUrl);

  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }

  let runtime: AppRuntime | null = null;
  let mainWindow: BrowserWindow | null = null;

  /** In development better-sqlite3 must be the copy built for Electron's ABI (npm start builds it). */
  function nativeBinding(): string | undefined {
    if (app.isPackaged) return undefined;
    const candidate = join(app.getAppPath(), '.cache', 'electron-native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
    return existsSync(candidate) ? candidate : undefined;
  }

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 960,
      minHeight: 640,
      show: false,
      title: 'Chỉ số CCHC',
      webPreferences: { ...WEB_PREFERENCES, preload: paths.preload },
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(devServerUrl ?? 'app://chiso/index.html');
    return win;
  }

  const navigate = (path: string): void => {
    mainWindow?.webContents.send('menu:navigate', path);
  };

  async function start(): Promise<void> {
    await app.whenReady();
    const dataDir = app.getPath('userData');
    const log = createFileLogger({ dir: logsDir(dataDir) });
    log.info('app.start', { version: app.getVersion(), electron: process.versions.electron ?? null, platform: process.platform });
    applySecurityBaseline(session.defaultSession, isAppUrl);
    app.on('render-process-gone', (_event, _contents, details) => log.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode }));
    app.on('child-process-gone', (_event, details) => log.error('child.gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }));
    // Monitors only: Electron's own handling of a crash is unchanged, the log keeps what happened.
    process.on('uncaughtExceptionMonitor', (error) => log.error('main.uncaught', { error }));
    process.on('unhandledRejection', (error) => log.error('main.unhandled-rejection', { error }));

    protocol.handle('app', async (request) => {
      const file = resolveAppPath(paths.rendererRoot, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(file);
        return new Response(body, {
          headers: { 'content-type': contentType(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    const dbPath = join(dataDir, 'chiso.sqlite');
    const dropped = new DroppedPaths();
    registerDrop(ipcMain, dropped, isAppUrl);
    try {
      const binding = nativeBinding();
      runtime = createAppRuntime({
        dbPath,
        appVersion: app.getVersion(),
        isTrustedSender: (sender) => isAppUrl(sender.url),
        ...(binding ? { nativeBinding: binding } : {}),
        dialogs: { ...electronDialogs(() => mainWindow), dropped: (token) => dropped.take(token) },
        pdf: electronPdf,
        printer: electronPrinter(() => mainWindow),
        secretProtector: safeStorageProtector(),
        logError: (channel, err) => log.error('ipc.internal', { channel, error: err }),
        logWarn: (event, details) => log.warn(event, details),
        // A damaged database opens the recovery screen; the daily backup and the evidence check run in the background.
        recoverOnCorrupt: true,
        startupChores: true,
        emit: (event, payload) => mainWindow?.webContents.send(event, payload),
      });
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'INTERNAL';
      log.error('db.open.failed', { code, error: err });
      dialog.showErrorBox(
        'Chỉ số CCHC',
        code === 'DB_NEWER_VERSION'
          ? 'Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.'
          : `Không mở được cơ sở dữ liệu (${code}) tại ${dbPath}. Dữ liệu không bị thay đổi; hãy liên hệ bộ phận hỗ trợ.`,
      );
      app.exit(1);
      return;
    }
    const rt = runtime;
    // The menu follows the role and the language: rebuilt when a call that may change them succeeds.
    let shownMenu = '';
    const refreshMenu = (): void => {
      const role = rt.role();
      const lang = rt.language();
      if (`${role}:${lang}` === shownMenu) return;
      shownMenu = `${role}:${lang}`;
      Menu.setApplicationMenu(buildMenu(role, lang, navigate));
    };
    for (const channel of CHANNELS) {
      // A destroyed or missing frame has no URL: the router refuses it as an untrusted sender.
      ipcMain.handle(channel, async (event, input: unknown) => {
        const url = event.senderFrame?.url ?? '';
        const result = await rt.route(channel, input, { url });
        if (!result.ok && result.error.code === 'UNTRUSTED_SENDER') log.warn('ipc.untrusted-sender', { channel, origin: originOf(url) });
        if (result.ok && MENU_CHANNELS.has(channel)) refreshMenu();
        return result;
      });
    }
    refreshMenu();
    mainWindow = createWindow();
  }

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    runtime?.close();
    runtime = null;
    app.quit();
  });

  return start();
}
