import type { Session, WebContents, WebPreferences } from 'electron';
import { app } from 'electron';

/**
 * The window's baseline (Electron's security checklist): the renderer runs isolated from the
 * preload, in Chromium's sandbox, without Node, with the same-origin policy, and cannot open a
 * webview. start.ts adds only the built preload's path.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

const hardened = new WeakSet<Session>();

/** Every permission (camera, notifications, clipboard read, HID…) refused, asked or checked. */
function denyPermissions(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler?.(() => false);
}

/** Navigation only within the app; no new window, no webview, no permission, in every webContents. */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyPermissions(contents.session);
}

/**
 * Electron's security checklist for the session and every webContents created from now on (the
 * main window, the hidden print window, anything else). Context isolation, sandbox and no node
 * integration are WEB_PREFERENCES, set on the window itself.
 */
export function applySecurityBaseline(ses: Session, isAppUrl: (url: string) => boolean): void {
  denyPermissions(ses);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
}
