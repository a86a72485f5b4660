/**
 * A stand-in for the `electron` module that records what the main process does with it: the
 * ipcMain handlers, the windows and their webPreferences, the protocol handlers, the session's
 * permission handlers, the listeners on every webContents. The wiring test mocks `electron` with
 * it (vi.mock) and loads the real entry (electron/main/index.ts). Each module instance starts empty.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheck: ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** Emits a cancellable event as Electron does; true when a listener called preventDefault. */
  tryEvent(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url: typeof args[0] === 'string' ? args[0] : '' };
    this.emit(name, event, ...args);
    return prevented;
  }
  printToPDF(): Promise<Buffer> {
    return Promise.resolve(Buffer.from('%PDF-1.7'));
  }
  /** The URL its window loaded (the document a print prints). */
  url = '';
  /** Each print: its options and the document as loaded then; the next answer comes from `printAnswer`. */
  readonly printed: { options: unknown; html: string | null }[] = [];
  printAnswer: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  print(options: unknown, callback?: (success: boolean, failureReason: string) => void): void {
    this.printed.push({ options, html: this.url.startsWith('file:') ? readFileSync(fileURLToPath(this.url), 'utf8') : null });
    const { success, failureReason } = this.printAnswer;
    setImmediate(() => callback?.(success, failureReason));
  }
}

export const state = {
  userData: mkdtempSync(join(tmpdir(), 'chiso-fake-electron-')),
  isPackaged: true,
  singleInstance: true,
  handlers: new Map<string, Listener>(),
  onListeners: new Map<string, Listener>(),
  windows: [] as FakeBrowserWindow[],
  webContents: [] as FakeWebContents[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  errorBoxes: [] as { title: string; content: string }[],
  exitCode: null as number | null,
  openedPaths: [] as string[],
  menu: null as unknown,
};

const appEvents = new EventEmitter();
export let defaultSession = new FakeSession();

/** Forget everything recorded (a second start in the same test file), with a new data folder. */
export function reset(): void {
  appEvents.removeAllListeners();
  defaultSession = new FakeSession();
  session.defaultSession = defaultSession;
  Object.assign(state, {
    userData: mkdtempSync(join(tmpdir(), 'chiso-fake-electron-')),
    isPackaged: true,
    singleInstance: true,
    handlers: new Map(),
    onListeners: new Map(),
    windows: [],
    webContents: [],
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    errorBoxes: [],
    exitCode: null,
    openedPaths: [],
    menu: null,
  });
}

export const app = Object.assign(appEvents, {
  get isPackaged() {
    return state.isPackaged;
  },
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => state.singleInstance,
  quit: () => undefined,
  exit: (code: number) => {
    state.exitCode = code;
  },
  getPath: (name: string) => (name === 'userData' ? state.userData : join(state.userData, name)),
  getVersion: () => '0.0.0-test',
  getAppPath: () => process.cwd(),
});

function newWebContents(): FakeWebContents {
  const wc = new FakeWebContents(defaultSession);
  state.webContents.push(wc);
  appEvents.emit('web-contents-created', {}, wc);
  return wc;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  loadedUrl: string | null = null;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    this.webContents = newWebContents();
    state.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  destroy(): void {
    this.destroyed = true;
  }
}
export const BrowserWindow = FakeBrowserWindow;

/** A webContents made without a BrowserWindow (a devtools view, a future helper window). */
export function createLooseWebContents(): FakeWebContents {
  return newWebContents();
}

export const ipcMain = {
  handle(channel: string, fn: Listener): void {
    if (state.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.handlers.set(channel, fn);
  },
  handleOnce(channel: string, fn: Listener): void {
    ipcMain.handle(channel, fn);
  },
  on(channel: string, fn: Listener): void {
    state.onListeners.set(channel, fn);
  },
  once(channel: string, fn: Listener): void {
    state.onListeners.set(channel, fn);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    state.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, fn: (request: Request) => Promise<Response>): void {
    state.protocolHandlers.set(scheme, fn);
  },
};

export const session = { defaultSession: defaultSession as FakeSession };

export const dialog = {
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push({ title, content });
  },
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
};

export const shell = {
  openPath(path: string): Promise<string> {
    state.openedPaths.push(path);
    return Promise.resolve('');
  },
  openExternal: () => Promise.reject(new Error('openExternal is not used by the app')),
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    state.menu = menu;
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('not available');
  },
  decryptString: () => {
    throw new Error('not available');
  },
};

export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = { invoke: () => Promise.reject(new Error('main process test')), on: () => undefined, removeListener: () => undefined };

export default { app, BrowserWindow, ipcMain, protocol, session, dialog, shell, Menu, safeStorage, contextBridge, ipcRenderer };
