/**
 * The print dialog port against the stand-in Electron: the document goes to webContents.print in a
 * hidden, script-less window over the app's window; no window, no print; a cancelled dialog is
 * no error, a printer's failure is PRINT_FAILED; the window and its temporary file are removed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../test/helpers/fake-electron';

vi.mock('electron', () => import('../../test/helpers/fake-electron'));

const fake = (await import('electron')) as unknown as typeof FakeElectron;
const { electronPrinter } = await import('./print');

const DOCUMENT = '<!doctype html><html lang="vi"><body><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p></body></html>';

describe('the print dialog port (webContents.print)', () => {
  let main: InstanceType<typeof fake.FakeBrowserWindow>;
  beforeEach(() => {
    fake.reset();
    main = new fake.FakeBrowserWindow({ webPreferences: {} });
  });

  it('prints the document itself in a hidden window without script, over the app window', async () => {
    const printer = electronPrinter(() => main as never);
    expect(await printer.print(DOCUMENT)).toBe(true);
    const win = fake.state.windows[1]!;
    expect(win.options).toMatchObject({ show: false, parent: main, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
    expect(win.webContents.printed).toHaveLength(1);
    expect(win.webContents.printed[0]!.html).toBe(DOCUMENT);
    expect(win.webContents.printed[0]!.options).toMatchObject({ silent: false, printBackground: true });
    expect(win.isDestroyed()).toBe(true);
    expect(existsSync(fileURLToPath(win.loadedUrl!))).toBe(false);
    expect(main.webContents.printed).toEqual([]);
  });

  it('refuses without the app window, and opens nothing', async () => {
    await expect(electronPrinter(() => null).print(DOCUMENT)).rejects.toMatchObject({ code: 'PRINT_UNAVAILABLE' });
    main.destroy();
    await expect(electronPrinter(() => main as never).print(DOCUMENT)).rejects.toMatchObject({ code: 'PRINT_UNAVAILABLE' });
    expect(fake.state.windows).toHaveLength(1);
  });

  it('a cancelled dialog prints nothing and is no error; a printer failure is PRINT_FAILED; both close the window', async () => {
    const printer = electronPrinter(() => main as never);
    const answer = (a: { success: boolean; failureReason: string }) => {
      fake.app.once('web-contents-created', (_e, wc: InstanceType<typeof fake.FakeWebContents>) => { wc.printAnswer = a; });
    };
    answer({ success: false, failureReason: 'cancelled' });
    expect(await printer.print(DOCUMENT)).toBe(false);
    answer({ success: false, failureReason: 'Print job failed' });
    await expect(printer.print(DOCUMENT)).rejects.toMatchObject({ code: 'PRINT_FAILED' });
    expect(fake.state.windows.slice(1).map((w) => w.isDestroyed())).toEqual([true, true]);
  });
});
