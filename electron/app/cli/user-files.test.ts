/**
 * Every command that reads a file the person names goes through the bounded reader: a FIFO with
 * no writer or a symlink to /dev/zero is refused at once with NOT_A_FILE (never a hang), and a
 * file nested a million levels deep is refused (never a crash). `chiso verify` goes on with the
 * rest of its files whatever one of them is.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { goldenText } from '../../../test/helpers/packages';
import { SPECIAL_FILES_SUPPORTED, specialFiles } from '../../../test/helpers/special-files';
import { runCli } from './chiso';
import type { CliIO } from '../../kernel/commands/io';

let dir: string;
let cleanup: () => void;
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026', CHISO_BACKUP_PASSPHRASE: 'sao lưu 2026' };

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: dir };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const deep = (levels: number): string => `{"items":${'['.repeat(levels)}${']'.repeat(levels)}}`;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
  expect((await run(['init', '--db', 'so.sqlite', '--role', 'district', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
  copyFileSync(join(dir, 'xa.sqlite'), join(dir, 'xa2.sqlite'));
}, 60_000);
afterAll(() => cleanup());

describe.runIf(SPECIAL_FILES_SUPPORTED)('a FIFO or a symlink to a device instead of a file', () => {
  const commands = (file: string): string[][] => [
    ['verify', file],
    ['verify', '--db', 'so.sqlite', file],
    ['load', '--db', 'xa.sqlite', file],
    ['survey', 'import', '--db', 'xa.sqlite', file],
    ['framework', 'validate', file],
    ['init', '--db', 'moi.sqlite', '--role', 'commune', '--unit', '26735', '--name', 'Xã Mới', '--province', '49', '--year', '2026', '--framework', file],
    ['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', 'X', file],
    ['enrol', 'accept', '--db', 'xa.sqlite', file],
    ['enrol', 'rotate', '--db', 'so.sqlite', file],
    ['keys', 'restore', '--db', 'xa2.sqlite', '--yes', file],
  ];
  it('every command refuses it with NOT_A_FILE', async () => {
    for (const file of specialFiles(dir, 'json')) {
      for (const argv of commands(file)) {
        const r = await run(argv);
        expect(r.code, argv.join(' ')).toBe(1);
        expect(r.out + r.err, argv.join(' ')).toContain('NOT_A_FILE');
      }
    }
    for (const file of specialFiles(mkdirSync(join(dir, 'csv'), { recursive: true })!, 'csv')) {
      expect((await run(['survey', 'import', '--db', 'xa.sqlite', file])).err).toContain('NOT_A_FILE');
    }
  }, 60_000);
});

describe('chiso verify: one bad file never ends the batch', () => {
  it('a missing file, a million-level file, a FIFO and a good report: three refusals and one verdict of valid', async () => {
    writeFileSync(join(dir, 'deep.json'), deep(1_000_000));
    writeFileSync(join(dir, 'report.json'), goldenText('commune-report'));
    const files = ['missing.json', 'deep.json', ...(SPECIAL_FILES_SUPPORTED ? ['fifo.json'] : []), 'report.json'];
    const r = await run(['verify', '--json', ...files]);
    expect(r.code).toBe(1);
    const verdicts = JSON.parse(r.out) as { file: string; ok: boolean; code: string | null; details?: { reason?: string } }[];
    expect(verdicts.map((v) => [v.file, v.code])).toEqual([
      ['missing.json', 'FILE_NOT_FOUND'],
      ['deep.json', 'NOT_JSON'],
      ...(SPECIAL_FILES_SUPPORTED ? [['fifo.json', 'NOT_A_FILE']] : []),
      ['report.json', null],
    ]);
    expect(verdicts[1]!.details?.reason).toBe('depth');
  });
});

describe('JSON input files nested a million levels deep are refused, never a crash', () => {
  it('entries, survey forms and frameworks', async () => {
    for (const [name, text] of [['deep-entries.json', deep(1_000_000)], ['deep-arr.json', '['.repeat(1_000_000)]] as const) {
      writeFileSync(join(dir, name), text);
      const load = await run(['load', '--db', 'xa.sqlite', name]);
      expect(load.code, name).toBe(1);
      expect(load.err, name).toContain('ENTRIES_INVALID');
      expect(load.err, name).toContain('lồng nhau quá sâu');
      const survey = await run(['survey', 'import', '--db', 'xa.sqlite', name]);
      expect(survey.err, name).toContain('FILE_UNREADABLE');
      const framework = await run(['framework', 'validate', name]);
      expect(framework.err, name).toContain('FILE_UNREADABLE');
      expect(framework.err + survey.err + load.err, name).not.toContain('INTERNAL');
    }
  });
});
