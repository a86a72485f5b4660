/**
 * Files chosen in main's dialogs go through the bounded reader: a FIFO or a symlink to a device
 * is refused with NOT_A_FILE at once, an oversized file with FILE_TOO_LARGE, on every channel
 * that reads one.
 */
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, fixedClock, tempDir } from '../../test/helpers/context';
import { SPECIAL_FILES_SUPPORTED, specialFiles } from '../../test/helpers/special-files';
import type { AppRuntime } from './runtime';
import { createAppRuntime } from './runtime';
import { USER_FILE_LIMITS } from '../kernel/files/user-file';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let dir: string;
let cleanup: () => void;
let chosen: string | null = null;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  rt = createAppRuntime({
    dbPath: join(dir, 'app.sqlite'),
    appVersion: '0.1.0',
    platform: 'test',
    clock: fixedClock(),
    keyScrypt: { N: 2 ** 12, r: 8, p: 1 },
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => chosen,
      openFiles: async () => (chosen === null ? [] : [chosen]),
      chooseFolder: async () => null,
      saveFile: async () => null,
      openPath: async () => undefined,
    },
    pdf: { fromHtml: async (html) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`) },
  });
  await rt.route('setup:complete', { setup: communeSetup }, trusted);
});
afterEach(() => {
  rt.close();
  cleanup();
});

const CHANNELS: [string, unknown][] = [
  ['framework:choose', undefined],
  ['assessment:loadFile', undefined],
  ['assessment:chooseFile', undefined],
  ['enrolment:chooseApproval', undefined],
  ['keys:chooseBackup', undefined],
  ['survey:import', undefined],
  ['evidence:attach', { code: '1.1' }],
];

describe('dialog-chosen files', () => {
  it.runIf(SPECIAL_FILES_SUPPORTED)('a FIFO or a symlink to /dev/zero or /dev/urandom: NOT_A_FILE on every channel that reads one', async () => {
    for (const ext of ['json', 'pdf']) {
      for (const file of specialFiles(dir, ext)) {
        chosen = file;
        for (const [channel, input] of CHANNELS) {
          if ((ext === 'pdf') !== (channel === 'evidence:attach')) continue;
          const r = await rt.route(channel, input, trusted);
          expect(r, `${channel} ${file}`).toMatchObject({ ok: false, error: { code: 'NOT_A_FILE' } });
        }
      }
    }
  });
  it('a file over its kind\'s limit: FILE_TOO_LARGE from its size (EVIDENCE_TOO_LARGE for evidence)', async () => {
    for (const ext of ['json', 'pdf']) {
      const big = join(dir, `lon.${ext}`);
      const fd = openSync(big, 'w');
      ftruncateSync(fd, USER_FILE_LIMITS.package + 1);
      closeSync(fd);
      chosen = big;
      for (const [channel, input] of CHANNELS) {
        if ((ext === 'pdf') !== (channel === 'evidence:attach')) continue;
        const r = await rt.route(channel, input, trusted);
        expect(r, channel).toMatchObject({ ok: false, error: { code: channel === 'evidence:attach' ? 'EVIDENCE_TOO_LARGE' : 'FILE_TOO_LARGE' } });
      }
    }
  });
});
