/**
 * `chiso enrol reject` on a damaged or hostile request file gives the file's own refusal (code and
 * Vietnamese sentence), the one `chiso enrol approve` and the on-screen inbox give for the same
 * file, whatever reason was typed, and changes nothing. Only a valid file reaches the reason.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { fixedClock, freshStore, tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { USER_FILE_LIMITS } from '../../kernel/files/user-file';
import { keyIdOf } from '../../kernel/signing/ed25519';
import { buildEnrolmentRequest } from '../../kernel/signing/enrolment';
import type { Signer } from '../../kernel/signing/signer';
import { readInbox } from './inbox';

const GOLDEN = readFileSync(fileURLToPath(new URL('../../../test/golden/enrolment-request.json', import.meta.url)), 'utf8');

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  expect((await cli(['init', '--db', 'so.sqlite', '--role', 'reviewer', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
});
afterEach(() => cleanup());

async function cli(argv: string[]) {
  const c = captureIO(dir, { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' });
  const code = await runCli(argv, c.io, { clock: fixedClock() });
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** The refusal codes printed ("Lỗi [CODE]: …"). */
const codes = (text: string): string[] => [...text.matchAll(/Lỗi \[([A-Z_]+)\]: (.+)/gu)].map((m) => m[1]!);

/** Every row of every table: what a refusal must leave as it was. */
function dump(): string {
  const db = new Database(join(dir, 'so.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()]), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
  } finally {
    db.close();
  }
}

function weakRequest(): string {
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const weak: Signer = { keyId: keyIdOf(identity), publicKey: identity, sign: () => Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0)) };
  return buildEnrolmentRequest({ commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' }, officer: { name: 'A', title: 'B' }, validFrom: '2026-11-22', appVersion: '0.1.0', now: new Date() }, weak).text;
}

/** Each damaged file and the refusal it must get. */
const DAMAGED: { name: string; make: (path: string) => void; code: string }[] = [
  { name: 'not JSON', make: (p) => writeFileSync(p, 'Đây không phải JSON'), code: 'NOT_JSON' },
  { name: 'half the file', make: (p) => writeFileSync(p, GOLDEN.slice(0, GOLDEN.length >> 1)), code: 'NOT_JSON' },
  { name: 'the officer changed after signing', make: (p) => writeFileSync(p, GOLDEN.replace('Nguyễn Thị Hường', 'Trần Văn Giả')), code: 'SIGNATURE_INVALID' },
  { name: 'another format', make: (p) => writeFileSync(p, GOLDEN.replace('chiso-cchc/enrolment-request', 'chiso-cchc/something-else')), code: 'FORMAT_UNKNOWN' },
  { name: 'a weak key (the identity point)', make: (p) => writeFileSync(p, weakRequest()), code: 'KEY_WEAK' },
  { name: 'a directory', make: (p) => mkdirSync(p), code: 'NOT_A_FILE' },
  {
    name: 'one byte over the limit',
    make: (p) => {
      const fd = openSync(p, 'w');
      ftruncateSync(fd, USER_FILE_LIMITS.enrolment + 1);
      closeSync(fd);
    },
    code: 'FILE_TOO_LARGE',
  },
];

describe('chiso enrol reject on a damaged or hostile request file', () => {
  it.each(DAMAGED)('$name: refused as $code, as approve refuses it, whatever the reason; nothing changes', async ({ name, make, code }) => {
    const file = `${name.replace(/\W+/gu, '-')}.json`;
    make(join(dir, file));
    const before = dump();
    const approve = await cli(['enrol', 'approve', '--db', 'so.sqlite', '--out', '.', '--fingerprint', 'X', file]);
    expect(approve.code).toBe(1);
    expect(codes(approve.err)).toEqual([code]);
    for (const reason of ['Phiếu đăng ký chưa đóng dấu', 'Thử']) {
      const reject = await cli(['enrol', 'reject', '--db', 'so.sqlite', '--reason', reason, file]);
      expect(reject.code).toBe(1);
      expect(codes(reject.err)).toEqual([code]);
      // The same Vietnamese sentence as approving gives.
      expect(reject.err.split('\n')[0]).toBe(approve.err.split('\n')[0]);
      expect(reject.out).toBe('');
    }
    expect(dump()).toBe(before);
    // The inbox on screen says the same of the file (it walks a folder it is given, so not for the directory).
    if (code !== 'NOT_A_FILE') {
      const store = freshStore();
      try {
        expect(readInbox(store.ctx, [join(dir, file)]).map((x) => x.item.code)).toEqual([code]);
      } finally {
        store.cleanup();
      }
    }
  }, 60_000);

  it('a valid request with a reason too short is INVALID_INPUT (the reason), and nothing is recorded', async () => {
    writeFileSync(join(dir, 'ok.json'), GOLDEN);
    const before = dump();
    const r = await cli(['enrol', 'reject', '--db', 'so.sqlite', '--reason', 'Thử', 'ok.json']);
    expect(r.code).toBe(1);
    expect(codes(r.err)).toEqual(['INVALID_INPUT']);
    expect(r.err).toContain('ít nhất 5 ký tự');
    expect(dump()).toBe(before);
    const ok = await cli(['enrol', 'reject', '--db', 'so.sqlite', '--reason', 'Phiếu đăng ký chưa đóng dấu', 'ok.json']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Đã từ chối đề nghị golden-req-26734-0001');
  }, 60_000);
});
