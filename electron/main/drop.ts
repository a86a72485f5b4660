/**
 * Files and folders dropped on the window, without letting the renderer name a path. The
 * renderer hands the preload the File objects of the drop; the preload asks Electron for their
 * paths (webUtils.getPathForFile: a File the page made itself has none) and sends them on this
 * private channel, which the renderer's api does not have; main keeps them behind a one-shot
 * token, as a dialog's answer, and the import takes them back by that token (Dialogs.dropped).
 * A token is good once, and only for the latest drop.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';

export const DROP_CHANNEL = 'drop:hold';

/** The most paths one drop may carry (a USB stick's folders are dropped as folders). */
export const MAX_DROPPED = 10_000;

export class DroppedPaths {
  private held: { token: string; paths: string[] } | null = null;

  /** The paths of a drop (absolute, as Electron gives them) → a token; null when they are not paths. */
  hold(paths: unknown): string | null {
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_DROPPED) return null;
    if (!paths.every((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\0') && isAbsolute(p))) return null;
    const token = randomUUID();
    this.held = { token, paths: [...paths] };
    return token;
  }

  /** The drop's paths, once; [] for any other token. */
  take(token: string): string[] {
    if (this.held?.token !== token) return [];
    const { paths } = this.held;
    this.held = null;
    return paths;
  }
}

interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, paths: unknown) => unknown): void;
}

/** The private channel the preload sends a drop's paths on; only the app's own page is heard. */
export function registerDrop(ipcMain: IpcMainLike, store: DroppedPaths, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(DROP_CHANNEL, (event, paths) => (isTrustedUrl(event.senderFrame?.url ?? '') ? store.hold(paths) : null));
}
