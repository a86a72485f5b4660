/**
 * `chiso verify` against a reviewing unit's database says HỢP LỆ only for what its importer would
 * accept (steps 7–8: issuer ↔ key ↔ enrolled commune, audience, province, attachments); without a
 * database it says which checks it did not run. Packages here are signed with the TEST keys.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, FORMAT_NAME, verificationBytes, type PackageType } from '../../../shared/package/canonical';
import type { CommuneReport } from '../../../shared/package/envelope';
import { toBase64Url } from '../../../shared/package/base64url';
import { captureIO } from '../../../test/helpers/cli-io';
import { tempDir } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { buildEnrolmentRequest } from '../../kernel/signing/enrolment';
import { serializeEnvelope, signPackage } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { approveEnrolmentRequest } from '../../features/enrolment/reviewer-enrolment';
import { runCli } from './chiso';
import type { ServiceContext } from '../../kernel/context';
import { systemClock } from '../../kernel/context';
import { openDatabase } from '../../kernel/db/open';

/** The store of a database made by `chiso init` (app/cli/open.ts before the composition root). */
function openServices(path: string): { ctx: ServiceContext; close(): void } {
  const db = openDatabase(path);
  return { ctx: { db, clock: systemClock, actor: () => 'chiso-cli' }, close: () => db.close() };
}

const commune = testKey('commune');
const stranger = testKey('stranger');
const reviewer = testKey('reviewer');
const golden = (): CommuneReport => (JSON.parse(readFileSync(new URL('../../../test/golden/commune-report.json', import.meta.url), 'utf8')) as { payload: CommuneReport }).payload;

let dir: string;
let cleanup: () => void;

async function run(argv: string[]) {
  const { io, out, err } = captureIO(dir);
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), lines: [...out, ...err].flatMap((l) => l.split('\n')) };
}

/** A report file signed by `signer` (schema-checked, as our exporter signs). */
function signed(name: string, payload: CommuneReport, signer: Signer = commune): string {
  writeFileSync(join(dir, name), serializeEnvelope(signPackage('commune-report', payload, [signer])));
  return name;
}

/** A file signed over any payload, as another tool (or an older version) might have signed it. */
function signedRaw(name: string, type: PackageType, payload: Record<string, unknown>, signer: Signer = commune): string {
  const sig = toBase64Url(signer.sign(verificationBytes(type, payload)));
  const text = `{\n  "format": ${JSON.stringify(FORMAT_NAME[type])},\n  "formatVersion": 1,\n  "payload": ${JSON.stringify(payload)},\n  "signatures": [{ "alg": "Ed25519", "keyId": "${signer.keyId}", "sig": "${sig}" }]\n}\n`;
  writeFileSync(join(dir, name), text);
  return name;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  expect((await run(['init', '--db', 'so.sqlite', '--role', 'district', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
  expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
  // The reviewing unit enrolled the TEST commune key for 26734 (fingerprint compared on paper).
  const so = openServices(join(dir, 'so.sqlite'));
  try {
    const request = buildEnrolmentRequest(
      { commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' }, officer: { name: 'Nguyễn Thị Hoa', title: 'Công chức' }, validFrom: '2026-01-05', appVersion: '0.1.0', now: new Date('2026-01-05T08:00:00Z') },
      commune,
    );
    approveEnrolmentRequest(so.ctx, request.text, reviewer);
  } finally {
    so.close();
  }
}, 60_000);
afterAll(() => cleanup());

describe('chiso verify --db: what the importer refuses is not HỢP LỆ', () => {
  it('the genuine report for this unit is HỢP LỆ (exit 0), with every check run', async () => {
    const file = signed('goc.json', golden());
    const human = await run(['verify', '--db', 'so.sqlite', file]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^HỢP LỆ/mu);
    const json = await run(['verify', '--json', '--db', 'so.sqlite', file]);
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ ok: true, code: null, enrolmentChecked: true, audienceChecked: true, notChecked: [] })]);
  });

  const cases: [string, string, (r: CommuneReport) => void][] = [
    ['addressed to another reviewing unit', 'AUDIENCE_MISMATCH', (r) => (r.audience.reviewingUnitCode = '79')],
    ['from a commune claiming another province', 'ISSUER_PROVINCE_MISMATCH', (r) => (r.issuer.provinceCode = '79')],
    ['naming another key id than the one that signed', 'ISSUER_KEY_MISMATCH', (r) => (r.issuer.keyId = stranger.keyId)],
    ['naming another public key than the one that signed', 'ISSUER_KEY_MISMATCH', (r) => (r.issuer.publicKey = toBase64Url(stranger.publicKey))],
    ['naming a commune the key is not enrolled for', 'ISSUER_MISMATCH', (r) => (r.issuer.communeCode = '26735')],
    ['pointing to an evidence file it does not carry', 'ATTACHMENT_MISSING', (r) => (r.evidence = [])],
    ['whose item describes another file than the embedded one', 'ATTACHMENT_MISMATCH', (r) => (r.items.find((i) => i.evidence.length)!.evidence[0]!.sha256 = 'e'.repeat(64))],
    ['carrying two contents under one id', 'ATTACHMENT_DUPLICATE', (r) => r.evidence.push({ ...r.evidence[0]!, size: 3, sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81', content: 'AQID' })],
  ];
  for (const [what, code, mutate] of cases) {
    it(`refuses a report ${what}: ${code}, exit 1, with a Vietnamese sentence`, async () => {
      const payload = golden();
      mutate(payload);
      const file = signed(`${code}-${cases.findIndex((c) => c[0] === what)}.json`, payload);
      const json = await run(['verify', '--json', '--db', 'so.sqlite', file]);
      expect(json.code).toBe(1);
      const [v] = JSON.parse(json.out) as { ok: boolean; code: string; message: string }[];
      expect(v).toMatchObject({ ok: false, code });
      expect(v!.message).toMatch(/Hãy|hãy/u);
      const human = await run(['verify', '--db', 'so.sqlite', file]);
      expect(human.code).toBe(1);
      expect(human.out).not.toContain('HỢP LỆ');
      expect(human.out).toContain(`[${code}]`);
    });
  }

  it('with a reviewing unit\'s registry (commune keys) only a commune report can be HỢP LỆ', async () => {
    // A framework or an appraisal must carry the reviewing unit's own key, never a commune's.
    const framework = signedRaw('khung.json', 'framework', { id: 'khung-gia', title: 'Bộ tiêu chí do xã tự ký' });
    const request = buildEnrolmentRequest(
      { commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' }, officer: { name: 'Hoa', title: 'Công chức' }, validFrom: '2026-01-05', appVersion: '0.1.0', now: new Date('2026-01-05T08:00:00Z') },
      commune,
    );
    writeFileSync(join(dir, 'de-nghi-cu.json'), request.text);
    const r = await run(['verify', '--json', '--db', 'so.sqlite', framework, 'de-nghi-cu.json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { ok: boolean; code: string }[]).map((v) => [v.ok, v.code])).toEqual([[false, 'FORMAT_UNKNOWN'], [false, 'FORMAT_UNKNOWN']]);
    expect((await run(['verify', '--db', 'so.sqlite', framework])).out).not.toContain('HỢP LỆ');
  });

  it('refuses to use a commune database as the reviewing unit (WRONG_ROLE)', async () => {
    const r = await run(['verify', '--db', 'xa.sqlite', signed('goc2.json', golden())]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('WRONG_ROLE');
  });
});

describe('chiso verify without --db says which checks it did not run', () => {
  it('intact report: not a bare HỢP LỆ but CHƯA KIỂM TRA ĐĂNG KÝ, in words and in --json', async () => {
    const payload = golden();
    payload.audience.reviewingUnitCode = '79'; // nothing here can know which unit is reading
    const file = signed('tu-kiem.json', payload);
    const human = await run(['verify', file]);
    expect(human.code).toBe(0);
    expect(human.out).not.toMatch(/^HỢP LỆ/mu);
    expect(human.out).toMatch(/^CHƯA KIỂM TRA ĐĂNG KÝ/mu);
    expect(human.out).toMatch(/đơn vị nhận/u);
    const json = await run(['verify', '--json', file]);
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ ok: true, enrolmentChecked: false, audienceChecked: false, notChecked: ['enrolment', 'audience'] })]);
  });
  it('still runs the key binding and the attachment checks', async () => {
    const payload = golden();
    payload.evidence = [];
    expect(JSON.parse((await run(['verify', '--json', signed('thieu.json', payload)])).out)[0]).toMatchObject({ ok: false, code: 'ATTACHMENT_MISSING' });
  });
});

/** Anything a terminal would act on or a person could not see. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const expectClean = (lines: string[]) => {
  for (const l of lines) expect(HIDDEN.test(l), JSON.stringify(l)).toBe(false);
};

describe('no control character from a file reaches the terminal', () => {
  it('a package signed over a name with terminal escapes is refused at step 6 (PAYLOAD_INVALID), without echoing it', async () => {
    const payload = golden() as unknown as Record<string, unknown> & CommuneReport;
    payload.issuer.communeName = 'Xã Bình Đào\u001b[1A\r\u001b[2KHỢP LỆ';
    const file = signedRaw('cu.json', 'commune-report', JSON.parse(canonicalJson(payload)) as Record<string, unknown>);
    for (const args of [['verify', '--db', 'so.sqlite', file], ['verify', file], ['verify', '--json', file]]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.out).toContain('PAYLOAD_INVALID');
      expectClean(r.lines);
    }
  });

  it('file names, formats and duplicate keys from hostile files are shown escaped, in words and in --json', async () => {
    const evilName = 'ho-so\u001b[1A\r\u202eHỢP LỆ\u009b2J.json';
    writeFileSync(join(dir, evilName), JSON.stringify({ format: 'chiso-cchc/\u001b]0;HỢP LỆ\u0007\u202e', formatVersion: 1 }));
    writeFileSync(join(dir, 'trung.json'), '{"format":"chiso-cchc/commune-report","\\u001b[2J":1,"\\u001b[2J":2}');
    const human = await run(['verify', evilName, 'trung.json']);
    expect(human.code).toBe(1);
    expectClean(human.lines);
    expect(human.out).toContain('ho-so\\x1b[1A\\x0d\\u202eHỢP LỆ\\x9b2J.json');
    expect(human.out).toContain('[FORMAT_UNKNOWN]');
    expect(human.out).toContain('\\x1b]0;HỢP LỆ\\x07'); // the details, escaped
    expect(human.out).toContain('[DUPLICATE_KEY]');
    const json = await run(['verify', '--json', evilName, 'trung.json']);
    expectClean(json.lines);
    const parsed = JSON.parse(json.out) as { file: string; code: string; details: Record<string, unknown> }[];
    expect(parsed.map((v) => [v.file, v.code])).toEqual([[evilName, 'FORMAT_UNKNOWN'], ['trung.json', 'DUPLICATE_KEY']]);
    expect(parsed[0]!.details['format']).toBe('chiso-cchc/\u001b]0;HỢP LỆ\u0007\u202e');
  });

  it('error details (PAYLOAD_INVALID issues naming a hostile key) are escaped', async () => {
    const request = JSON.parse(buildEnrolmentRequest(
      { commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' }, officer: { name: 'Hoa', title: 'Công chức' }, validFrom: '2026-01-05', appVersion: '0.1.0', now: new Date('2026-01-05T08:00:00Z') },
      stranger,
    ).text) as { payload: Record<string, unknown> };
    const file = signedRaw('de-nghi.json', 'enrolment-request', { ...request.payload, '\u001b]0;HỢP LỆ\u0007': 'x' }, stranger);
    const r = await run(['enrol', 'approve', '--db', 'so.sqlite', '--out', '.', '--fingerprint', stranger.fingerprint, file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('PAYLOAD_INVALID');
    expect(r.err).toContain('\\x1b]0;HỢP LỆ\\x07');
    expectClean(r.lines);
  });

  it('names stored before these rules, framework titles and command names are escaped', async () => {
    const so = openServices(join(dir, 'so.sqlite'));
    try {
      so.ctx.db.prepare("UPDATE enrolled_keys SET commune_name = ? WHERE commune_code = '26734'").run('Xã \u001b[31mBình\u202e Đào\r');
    } finally {
      so.close();
    }
    const list = await run(['enrol', 'list', '--db', 'so.sqlite']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Xã \\x1b[31mBình\\u202e Đào\\x0d');
    expectClean(list.lines);

    const framework = JSON.parse(readFileSync(new URL('../../../docs/examples/sample-framework.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'fw.json'), JSON.stringify({ ...framework, title: 'Bộ tiêu chí\u001b[2J\u2067 mẫu' }));
    const fw = await run(['framework', 'validate', 'fw.json']);
    expect(fw.out).toContain('\\x1b[2J\\u2067');
    expectClean(fw.lines);

    const usage = await run(['\u001b[2Jverify']);
    expect(usage.code).toBe(2);
    expectClean(usage.lines);
  });
});
