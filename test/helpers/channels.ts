/**
 * Calling the app as the renderer does: the real runtime and router over a fresh SQLite file,
 * OS dialogs stubbed with queued answers (never clicked), files "opened for the user" recorded.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeOptions } from '../../electron/app/runtime';
import type { Result } from '../../shared/errors';
import type { TestApp } from './app';
import { testApp } from './app';

export interface ChannelApp extends TestApp {
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Answers of the next folder / open / save dialogs (null: cancelled). */
  folders: (string | null)[];
  files: (string | null)[];
  saves: (string | null)[];
  /** Paths handed to the system to open (a PDF reader, a mail program). */
  opened: string[];
  /** A new folder under the test directory (a USB stick, say). */
  folder(name: string): string;
}

export function channelApp(options: Partial<RuntimeOptions> = {}): ChannelApp {
  const folders: (string | null)[] = [];
  const files: (string | null)[] = [];
  const saves: (string | null)[] = [];
  const opened: string[] = [];
  const t = testApp(undefined, {
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => files.shift() ?? null,
      openFiles: async () => [],
      chooseFolder: async () => folders.shift() ?? null,
      saveFile: async () => saves.shift() ?? null,
      openPath: async (p) => void opened.push(p),
    },
    pdf: { fromHtml: async (html) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`) },
    ...options,
  });
  return Object.assign(t, {
    call: (channel: string, input?: unknown) => t.runtime.route(channel, input, { url: 'app://chiso/index.html' }),
    folders,
    files,
    saves,
    opened,
    folder(name: string) {
      const path = join(t.dir, name);
      mkdirSync(path);
      return path;
    },
  });
}
