/**
 * The support bundle ("gói hỗ trợ"): what support needs (logs, versions, database figures) and
 * nothing a unit keeps to itself (keys, passphrases, names, rows, paths).
 */
import { appendFileSync, chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { MIGRATIONS } from '../../kernel/db/migrations';
import { createFileLogger, logsDir } from '../../kernel/log/logger';
import { setSetting } from '../setup/settings';
import type { SupportBundle } from './support-bundle';
import { supportBundle } from './use-cases';

const PASSPHRASE = 'Mật khẩu khóa ký xã 2026!';
const OFFICER = 'Nguyễn Thị Lan';
const KEYER = 'Trần Văn Bình';

describe('chiso support-bundle', () => {
  let dir: string;
  let cleanup: () => void;
  let bundle: SupportBundle;
  let text: string;
  let out: string[];

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    const run = (argv: string[]) => {
      const c = captureIO(dir, { CHISO_PASSPHRASE: PASSPHRASE });
      return runCli(argv, c.io).then((code) => ({ code, ...c }));
    };
    expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026', '--officer', OFFICER])).code).toBe(0);
    expect((await run(['load', '--db', 'xa.sqlite', resolve('docs/examples/sample-entries.json')])).code).toBe(0);
    // A keyer's name in the settings, a failure logged with secrets in it, and an older log line
    // with a key in it (written before redaction existed, say): none of it may reach the bundle.
    const log = createFileLogger({ dir: logsDir(dir) });
    log.error('keys.unlock.failed', { passphrase: PASSPHRASE, officer: OFFICER });
    appendFileSync(join(logsDir(dir), 'chiso.log'), `{"event":"old","key":"${'A1b2'.repeat(11)}"}\n`);
    const { createAppRuntime } = await import('../../app/runtime');
    const rt = createAppRuntime({ dbPath: join(dir, 'xa.sqlite'), appVersion: 'x' });
    setSetting(rt.app.ctx, 'surveyKeyer', KEYER);
    rt.close();
    mkdirSync(join(dir, 'usb'));
    const res = await run(['support-bundle', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    out = res.out;
    const files = readdirSync(join(dir, 'usb'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^chiso-goi-ho-tro-\d{8}-\d{6}\.json$/u);
    text = readFileSync(join(dir, 'usb', files[0]!), 'utf8');
    bundle = JSON.parse(text) as SupportBundle;
  }, 60_000);
  afterAll(() => cleanup());

  it('says where it wrote the bundle', () => {
    expect(out.join('\n')).toMatch(/Đã ghi gói hỗ trợ: .*chiso-goi-ho-tro-.*\.json/u);
  });

  it('holds versions, the schema, the database figures and quick_check', () => {
    expect(bundle.format).toBe('chiso-support-bundle');
    expect(bundle.versions['node']).toBe(process.versions.node);
    expect(bundle.database.schemaVersion).toBe(MIGRATIONS.length);
    expect(bundle.database.quickCheck).toEqual(['ok']);
    expect(bundle.database.journalMode).toBe('wal');
    expect(bundle.database.pageCount).toBeGreaterThan(0);
    expect(bundle.database.sqliteVersion).toMatch(/^3\.\d+\.\d+$/u);
    expect(bundle.database.fileName).toBe('xa.sqlite');
    expect(bundle.database.rowCounts['identity']).toBe(1);
    expect(bundle.database.rowCounts['assessment_entries']).toBeGreaterThan(0);
    expect(bundle.database.rowCounts['audit_log']).toBeGreaterThan(0);
    expect(bundle.setup).toMatchObject({ role: 'commune', unitCode: '26734', provinceCode: '49', year: 2026 });
    expect(bundle.settings).toEqual({ language: null });
    expect(bundle.keyFilePresent).toBe(true);
  });

  it('holds the logs, the CLI commands among them', () => {
    const lines = bundle.logs.flatMap((l) => l.lines);
    expect(lines.some((l) => l.includes('"event":"cli.command"') && l.includes('"command":"load"'))).toBe(true);
    expect(lines.some((l) => l.includes('"event":"keys.unlock.failed"'))).toBe(true);
  });

  it('holds no key, passphrase, name, row or path', () => {
    const keyFile = JSON.parse(readFileSync(join(dir, 'xa.signing-key.json'), 'utf8')) as Record<string, unknown>;
    const keyStrings = Object.values(keyFile).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' && v ? Object.values(v).filter((x): x is string => typeof x === 'string') : []));
    for (const s of keyStrings.filter((s) => s.length >= 16)) expect(text, 'key file content').not.toContain(s);
    for (const s of [PASSPHRASE, OFFICER, KEYER, 'A1b2'.repeat(11), dir, hostname(), `/${userInfo().username}/`]) expect(text, s).not.toContain(s);
    // Only the declared sections: no table rows hide in it.
    expect(Object.keys(bundle).sort()).toEqual(['createdAt', 'database', 'evidence', 'format', 'formatVersion', 'keyFilePresent', 'logs', 'note', 'settings', 'setup', 'versions']);
    expect(Object.values(bundle.database.rowCounts).every((n) => typeof n === 'number')).toBe(true);
  });
});

describe('support bundle use case', () => {
  it('works before setup, writes nothing when the dialog is cancelled', async () => {
    const t = testApp();
    try {
      expect(await t.app.perform(supportBundle, { folder: async () => null })).toBeNull();
      expect(readdirSync(t.dir).filter((f) => f.startsWith('chiso-goi'))).toEqual([]);
      const written = await t.app.perform(supportBundle, { folder: async () => t.dir });
      const b = JSON.parse(readFileSync(written!.path, 'utf8')) as SupportBundle;
      expect(b.setup).toBeNull();
      expect(written!.bytes).toBe(readFileSync(written!.path).length);
    } finally {
      t.cleanup();
    }
  });

  it('a folder that cannot be written: FILE_WRITE_FAILED and no file left', async () => {
    const t = testApp(communeSetup);
    try {
      const ro = join(t.dir, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const root = process.getuid?.() === 0;
      if (!root) {
        expect(await refusal(t.app.perform(supportBundle, { folder: async () => ro }))).toBe('FILE_WRITE_FAILED');
        expect(readdirSync(ro)).toEqual([]);
      }
      expect(await refusal(t.app.perform(supportBundle, { folder: async () => join(t.dir, 'gone') }))).toBe('FILE_WRITE_FAILED');
    } finally {
      t.cleanup();
    }
  });
});
