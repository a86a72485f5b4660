/**
 * The enrolment request is one use case whoever asks: the window (through the router) and `chiso
 * enrol request` write the same signed request, and the same printed form. The CLI has no print
 * engine: it writes the form's HTML, the very document the app prints to PDF; given a printer
 * (as the app has), it writes the same PDF.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import type { TestApp } from '../../../test/helpers/app';
import { TEST_SCRYPT, testApp } from '../../../test/helpers/app';
import { communeSetup, fixedClock } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { CLI_APP_VERSION } from '../../app/cli/version';
import type { PdfPrinter } from '../../kernel/ports';
import { createKey } from '../keys/use-cases';

const PASSPHRASE = 'mật khẩu thử nghiệm 2026';

/** A print engine that keeps what it printed: the "PDF" is the HTML behind a PDF header. */
function recordingPrinter(printed: string[]): PdfPrinter {
  return {
    fromHtml: async (html) => {
      printed.push(html);
      return Buffer.from(`%PDF-1.7\n${html}`, 'utf8');
    },
  };
}

let s: TestApp;
const printed: string[] = [];
const folders: string[] = [];
beforeEach(async () => {
  printed.length = 0;
  s = testApp(communeSetup, {
    appVersion: CLI_APP_VERSION,
    isTrustedSender: () => true,
    pdf: recordingPrinter(printed),
    dialogs: {
      openFile: async () => null,
      openFiles: async () => [],
      chooseFolder: async () => folders.shift() ?? null,
      saveFile: async () => null,
      openPath: async () => undefined,
    },
  });
  await s.app.perform(createKey, { passphrase: PASSPHRASE });
});
afterEach(() => s.cleanup());

function folder(name: string): string {
  const path = join(s.dir, name);
  mkdirSync(path);
  return path;
}

/** The request's payload without what differs by construction: its random id (and the signature over it). */
function requestFile(dir: string): { name: string; payload: Record<string, unknown>; requestId: string } {
  const name = readdirSync(dir).find((f) => f.endsWith('.json'))!;
  const { payload } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { payload: Record<string, unknown> & { requestId: string } };
  const { requestId, ...rest } = payload;
  return { name, payload: rest, requestId };
}

async function viaRouter(): Promise<string> {
  const usb = folder('app');
  folders.push(usb);
  const r = await s.runtime.route('enrolment:request', { keyPassphrase: PASSPHRASE }, { url: 'app://chiso/' });
  expect(r.ok).toBe(true);
  return usb;
}

async function viaCli(name: string, pdf?: PdfPrinter): Promise<string> {
  const usb = folder(name);
  const { io, err } = captureIO(s.dir, { CHISO_PASSPHRASE: PASSPHRASE });
  const code = await runCli(['enrol', 'request', '--db', s.file, '--out', usb], io, { clock: fixedClock(), keyScrypt: TEST_SCRYPT, ...(pdf ? { pdf } : {}) });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return usb;
}

describe('enrolment request: the app and the CLI write the same files', () => {
  it('the same signed request; the CLI form is the HTML the app printed', async () => {
    const app = await viaRouter();
    const cli = await viaCli('cli');
    const a = requestFile(app);
    const c = requestFile(cli);
    expect(c.name).toBe(a.name);
    expect(c.payload).toEqual(a.payload);
    expect(c.requestId).not.toBe(a.requestId);
    const formName = a.name.replace(/\.json$/u, '');
    expect(readdirSync(app).sort()).toEqual([`${formName}.json`, `${formName}.pdf`]);
    expect(readdirSync(cli).sort()).toEqual([`${formName}.html`, `${formName}.json`]);
    expect(printed).toHaveLength(1);
    const form = readFileSync(join(cli, `${formName}.html`), 'utf8');
    expect(form.replaceAll(c.requestId, a.requestId)).toBe(printed[0]);
    expect(form).toContain(communeSetup.officerName);
  });

  it('given a print engine, the CLI writes the same PDF form', async () => {
    const app = await viaRouter();
    const cli = await viaCli('cli-pdf', recordingPrinter(printed));
    const a = requestFile(app);
    const c = requestFile(cli);
    const pdfName = a.name.replace(/\.json$/u, '.pdf');
    expect(readdirSync(cli).sort()).toEqual([c.name, pdfName]);
    const appPdf = readFileSync(join(app, pdfName), 'utf8');
    expect(readFileSync(join(cli, pdfName), 'utf8').replaceAll(c.requestId, a.requestId)).toBe(appPdf);
  });
});
