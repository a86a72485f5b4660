/**
 * Every file a person hands the app is hostile until read: each kind has a size limit checked on
 * the open file before a byte is parsed, and nesting is bounded before any recursive walk. Here
 * every command that reads a user file gets a (sparse) file one byte over its kind's limit, and a
 * file nested as deep as its limit allows: each is refused with a stable code, never INTERNAL,
 * never a crash. (FIFOs, devices and a million levels deep: electron/app/cli/user-files.test.ts.)
 */
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/context';
import { runCli } from '../../electron/app/cli/chiso';
import { USER_FILE_LIMITS } from '../../electron/kernel/files/user-file';
import type { CliIO } from '../../electron/kernel/commands/io';

let dir: string;
let cleanup: () => void;
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' };

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: dir };
  const code = await runCli(argv, io);
  return { code, text: [...out, ...err].join('\n') };
}

function sparse(name: string, bytes: number): string {
  const fd = openSync(join(dir, name), 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return name;
}

const deepJson = (bytes: number): string => {
  const levels = Math.floor((bytes - 20) / 2);
  return `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`;
};

type Kind = keyof typeof USER_FILE_LIMITS;
const COMMANDS: { kind: Kind; ext: string; argv: (file: string) => string[] }[] = [
  { kind: 'entries', ext: 'json', argv: (f) => ['load', '--db', 'xa.sqlite', f] },
  { kind: 'survey', ext: 'json', argv: (f) => ['survey', 'import', '--db', 'xa.sqlite', f] },
  { kind: 'survey', ext: 'xlsx', argv: (f) => ['survey', 'import', '--db', 'xa.sqlite', f] },
  { kind: 'framework', ext: 'json', argv: (f) => ['framework', 'validate', f] },
  { kind: 'roster', ext: 'csv', argv: (f) => ['communes', 'import', '--db', 'so.sqlite', f] },
  { kind: 'enrolment', ext: 'json', argv: (f) => ['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', 'X', f] },
  { kind: 'enrolment', ext: 'json', argv: (f) => ['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', 'X', f] },
  { kind: 'keyBackup', ext: 'json', argv: (f) => ['keys', 'restore', '--db', 'xa2.sqlite', '--yes', f] },
  { kind: 'package', ext: 'json', argv: (f) => ['verify', f] },
  { kind: 'package', ext: 'json', argv: (f) => ['import', '--db', 'so.sqlite', f] },
];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
  expect((await run(['init', '--db', 'xa2.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
  expect((await run(['init', '--db', 'so.sqlite', '--role', 'reviewer', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('hostile user files, command by command', () => {
  it('one byte over the kind limit: FILE_TOO_LARGE before anything is parsed', async () => {
    for (const c of COMMANDS) {
      const file = sparse(`big-${c.kind}.${c.ext}`, USER_FILE_LIMITS[c.kind] + 1);
      const r = await run(c.argv(file));
      expect(r.code, c.argv(file).join(' ')).toBe(1);
      expect(r.text, c.argv(file).join(' ')).toContain('FILE_TOO_LARGE');
    }
  }, 120_000);

  it('nested as deep as the size limit allows: a stable refusal, never INTERNAL', async () => {
    for (const c of COMMANDS.filter((x) => x.ext === 'json')) {
      const file = `deep-${c.kind}.json`;
      writeFileSync(join(dir, file), deepJson(Math.min(USER_FILE_LIMITS[c.kind], 4 * 1024 * 1024)));
      const r = await run(c.argv(file));
      expect(r.code, c.argv(file).join(' ')).toBe(1);
      expect(r.text, c.argv(file).join(' ')).toMatch(/[A-Z_]{6,}/u);
      expect(r.text, c.argv(file).join(' ')).not.toContain('INTERNAL');
    }
  }, 120_000);
});
