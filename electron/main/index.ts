import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { AppRuntime } from '../app/runtime';
import { createAppRuntime } from '../app/runtime';
import { electronDialogs } from './dialogs';
import { buildMenu } from './menu';
import { electronPdf } from './pdf';
import { safeStorageProtector } from './secret-protector';
import { CONTENT_SECURITY_POLICY, contentType, isTrustedRendererUrl, resolveAppPath } from './protocol-path';
import { applySecurityBaseline } from './security';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererRoot = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

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
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? 'app://chiso/index.html');
  return win;
}

function navigate(path: string): void {
  mainWindow?.webContents.send('menu:navigate', path);
}

async function start(): Promise<void> {
  await app.whenReady();
  applySecurityBaseline(session.defaultSession, (url) => isTrustedRendererUrl(url, devServerUrl));

  protocol.handle('app', async (request) => {
    const file = resolveAppPath(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': contentType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  const dbPath = join(app.getPath('userData'), 'chiso.sqlite');
  try {
    const binding = nativeBinding();
    runtime = createAppRuntime({
      dbPath,
      appVersion: app.getVersion(),
      isTrustedSender: (sender) => isTrustedRendererUrl(sender.url, devServerUrl),
      ...(binding ? { nativeBinding: binding } : {}),
      dialogs: electronDialogs(() => mainWindow),
      pdf: electronPdf,
      secretProtector: safeStorageProtector(),
      logError: (channel, err) => console.error(`[${channel}]`, err),
      // A damaged database opens the recovery screen; the daily backup and the evidence check run in the background.
      recoverOnCorrupt: true,
      startupChores: true,
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'INTERNAL';
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
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => rt.route(channel, input, { url: event.senderFrame?.url ?? '' }));
  }
  Menu.setApplicationMenu(buildMenu(rt.language(), navigate));
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

void start();
