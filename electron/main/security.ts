import type { Session } from 'electron';
import { app } from 'electron';

/**
 * Electron's security checklist: deny every permission, every navigation away from the
 * app, every new window and every webview. Context isolation, sandbox and no node
 * integration are set on the window itself (index.ts).
 */
export function applySecurityBaseline(ses: Session, isAppUrl: (url: string) => boolean): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
