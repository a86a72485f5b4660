/**
 * The whole trust chain through the CLI: a commune and a reviewing unit set up with keys, the
 * commune enrols, the reviewing unit approves (fingerprint checked), the commune pins it, exports,
 * and the reviewing unit verifies against enrolled / unknown / revoked keys.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from './chiso';
import type { CliIO } from '../../kernel/commands/io';

let dir: string;
let cleanup: () => void;
const REASON = 'Thử với bộ tiêu chí mẫu';
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026', CHISO_BACKUP_PASSPHRASE: 'sao lưu 2026' };

async function run(argv: string[], extraEnv: Record<string, string | undefined> = env) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: extraEnv, cwd: dir };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--officer', 'Nguyễn Thị Hoa', '--title', 'Công chức Văn phòng - Thống kê', '--year', '2026'])).code).toBe(0);
  // Ready to export: the documented entries loaded and finalised.
  expect((await run(['load', '--db', 'xa.sqlite', fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url))])).code).toBe(0);
  expect((await run(['finalise', '--db', 'xa.sqlite'])).code).toBe(0);
  expect((await run(['init', '--db', 'so.sqlite', '--role', 'district', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('chiso keys / enrol / export / verify', () => {
  let fingerprint = '';
  let report = '';

  it('init made a key; keys show prints the fingerprint in groups of four', async () => {
    const r = await run(['keys', 'show', '--db', 'xa.sqlite'], {});
    expect(r.code).toBe(0);
    fingerprint = /Dấu vân tay:\s+(\S+)/u.exec(r.out)![1]!;
    expect(fingerprint).toMatch(/^(?:[0-9A-Z]{4}-){12}[0-9A-Z]{4}$/u);
    expect(r.out).toContain('mật khẩu');
  });

  it('refuses to use the key without a passphrase (no terminal, no CHISO_PASSPHRASE)', async () => {
    const r = await run(['export', '--db', 'xa.sqlite', '--out', 'usb', '--override-reason', REASON], {});
    expect(r.code).toBe(1);
    expect(r.err).toContain('PASSPHRASE_REQUIRED');
  });

  it('enrols: request, approve only with the matching fingerprint, accept pins the reviewer key', async () => {
    const req = await run(['enrol', 'request', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(req.code).toBe(0);
    const requestFile = req.out.split('\n')[0]!;
    expect(requestFile).toMatch(/CCHC-ENROL-26734-[0-9A-Z]{16}\.json$/u);
    expect((await run(['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', requestFile])).code).toBe(1);
    const wrong = await run(['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', fingerprint.replace(/^./u, (c) => (c === 'A' ? 'B' : 'A')), requestFile]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('KHÔNG duyệt');
    const ok = await run(['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', fingerprint, requestFile]);
    expect(ok.code).toBe(0);
    const approval = ok.out.split('\n').find((l) => l.endsWith('.json'))!;
    const reviewerFingerprint = /Dấu vân tay:\s+(\S+)/u.exec((await run(['keys', 'show', '--db', 'so.sqlite'], {})).out)![1]!;
    const acc = await run(['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', reviewerFingerprint, approval]);
    expect(acc.err).toBe('');
    expect(acc.code).toBe(0);
    expect(acc.out).toContain('Sở Nội vụ tỉnh Quảng Nam');
  }, 30_000);

  it('exports; verify OK alone (saying the key is not checked) and against the enrolment', async () => {
    const e = await run(['export', '--db', 'xa.sqlite', '--out', 'usb', '--override-reason', REASON]);
    expect(e.code).toBe(0);
    report = e.out;
    expect(report).toMatch(/CCHC-2026-26734-r1\.json$/u);
    const self = await run(['verify', report], {});
    expect(self.code).toBe(0);
    expect(self.out).toContain('KHÔNG được đối chiếu');
    const json = await run(['verify', '--json', '--db', 'so.sqlite', report], {});
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ file: report, ok: true, code: null, enrolmentChecked: true, revision: 1 })]);
  }, 30_000);

  it('a flipped character gives SIGNATURE_INVALID and exit 1; export again gives a higher revision', async () => {
    const text = readFileSync(report, 'utf8');
    const bad = join(dir, 'usb', 'sua.json');
    writeFileSync(bad, text.replace('Bình Đào', 'Bình Đảo'));
    const r = await run(['verify', '--json', report, bad], {});
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { ok: boolean; code: string | null }[]).map((v) => [v.ok, v.code])).toEqual([[true, null], [false, 'SIGNATURE_INVALID']]);
    const again = await run(['export', '--db', 'xa.sqlite', '--out', 'usb', '--override-reason', REASON]);
    expect(again.out).toMatch(/-r2\.json$/u);
  }, 30_000);

  it('the reviewing unit refuses an unknown key and a revoked key', async () => {
    // Another commune, never enrolled.
    expect((await run(['init', '--db', 'xa2.sqlite', '--role', 'commune', '--unit', '26735', '--name', 'Xã Khác', '--province', '49', '--year', '2026'])).code).toBe(0);
    expect((await run(['load', '--db', 'xa2.sqlite', fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url))])).code).toBe(0);
    expect((await run(['finalise', '--db', 'xa2.sqlite'])).code).toBe(0);
    const other = (await run(['export', '--db', 'xa2.sqlite', '--out', 'usb', '--override-reason', REASON])).out;
    const unknown = await run(['verify', '--json', '--db', 'so.sqlite', other], {});
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)[0]).toMatchObject({ ok: false, code: 'KEY_UNKNOWN', details: { claimedCommuneCode: '26735', unverified: true } });

    const keyId = /Mã khóa:\s+(\S+)/u.exec((await run(['keys', 'show', '--db', 'xa.sqlite'], {})).out)![1]!;
    expect((await run(['enrol', 'revoke', '--db', 'so.sqlite', '--key', keyId, '--from', '2026-11-22'])).code).toBe(0);
    const revoked = await run(['verify', '--json', '--db', 'so.sqlite', report], {});
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.out)[0]).toMatchObject({ ok: false, code: 'KEY_REVOKED' });
  }, 30_000);

  it('backs up and restores the key; a rotation signed by a revoked old key is refused', async () => {
    const b = await run(['keys', 'backup', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(b.code).toBe(0);
    const backup = b.out.split('\n')[0]!;
    const show = await run(['keys', 'restore', '--db', 'xa.sqlite', backup]);
    expect(show.err).toBe('');
    expect(show.out).toContain(fingerprint);
    const rot = await run(['keys', 'rotate', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(rot.code).toBe(0);
    // The old key was revoked above: the reviewing unit refuses a rotation signed by it.
    const refused = await run(['enrol', 'rotate', '--db', 'so.sqlite', rot.out.split('\n')[0]!]);
    expect(refused.code).toBe(1);
  }, 60_000);
});
