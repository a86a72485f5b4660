/**
 * The key-trust rules through the command line, with the capturing io: dates typed by a person,
 * one commune per key, the fingerprint a person must confirm before pinning or approving a
 * rotation. Databases are prepared through the services (TEST keys, cheap scrypt) to keep it fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { communeSetup, parsedSetup, provinceSetup, tempDir } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { acceptEnrolmentApproval, enrolmentState, prepareEnrolmentRequest, recordEnrolmentRequest } from '../../features/enrolment/commune-enrolment';
import { approveEnrolmentRequest, listEnrolledKeys } from '../../features/enrolment/reviewer-enrolment';
import { KeyStore, keyPathFor } from '../../kernel/signing/key-store';
import { createKey, unlockKey } from '../../features/keys/keys';
import type { ServiceContext } from '../../kernel/context';
import { systemClock } from '../../kernel/context';
import { completeSetup } from '../../features/setup/identity';
import { openDatabase } from '../../kernel/db/open';
import { runCli } from './chiso';

const commune = testKey('commune');
const reviewer = testKey('reviewer');
const attacker = testKey('stranger');
let dir: string;
let cleanup: () => void;

function withDb<T>(name: string, f: (ctx: ServiceContext) => T): T {
  const db = openDatabase(join(dir, name));
  try {
    return f({ db, clock: systemClock, actor: () => 'test' });
  } finally {
    db.close();
  }
}

async function withDbAsync<T>(name: string, f: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const db = openDatabase(join(dir, name));
  try {
    return await f({ db, clock: systemClock, actor: () => 'test' });
  } finally {
    db.close();
  }
}

async function cli(argv: string[], env: Record<string, string> = {}) {
  const c = captureIO(dir, env);
  const code = await runCli(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  withDb('xa.sqlite', (ctx) => completeSetup(ctx, communeSetup));
  withDb('xa2.sqlite', (ctx) => completeSetup(ctx, { ...communeSetup, unitCode: '26735', unitName: 'Xã Bình Nam' }));
  withDb('so.sqlite', (ctx) => completeSetup(ctx, parsedSetup(provinceSetup)));
  withDb('rogue.sqlite', (ctx) => completeSetup(ctx, parsedSetup(provinceSetup)));
});
afterEach(() => cleanup());

function requestText(db: string): string {
  return withDb(db, (ctx) => {
    const { record } = prepareEnrolmentRequest(ctx, commune, { appVersion: '0.1.0' });
    recordEnrolmentRequest(ctx, record);
    return record.text;
  });
}

describe('dates typed on the command line', () => {
  it.each([['garbage'], ['2026-02-30'], ['2026-2-3'], ['22/11/2026'], ['2026-11-22T00:00:00Z'], ['']])('enrol revoke --from %j is a usage error (exit 2); nothing is revoked', async (bad) => {
    withDb('so.sqlite', (ctx) => approveEnrolmentRequest(ctx, requestText('xa.sqlite'), reviewer));
    const r = await cli(['enrol', 'revoke', '--db', 'so.sqlite', '--key', commune.keyId, '--from', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('YYYY-MM-DD');
    expect(r.err).toContain('Lỗi cú pháp lệnh');
    expect(withDb('so.sqlite', (ctx) => listEnrolledKeys(ctx))[0]).toMatchObject({ status: 'active', revokedFrom: null });
  });

  it('a revocation date in the future is refused (exit 2); a real past date is taken as typed', async () => {
    withDb('so.sqlite', (ctx) => approveEnrolmentRequest(ctx, requestText('xa.sqlite'), reviewer));
    const future = await cli(['enrol', 'revoke', '--db', 'so.sqlite', '--key', commune.keyId, '--from', '2999-01-01']);
    expect(future.code).toBe(2);
    expect(future.err).toContain('tương lai');
    const ok = await cli(['enrol', 'revoke', '--db', 'so.sqlite', '--key', commune.keyId, '--from', '2024-02-29']);
    expect(ok.code).toBe(0);
    expect(withDb('so.sqlite', (ctx) => listEnrolledKeys(ctx))[0]).toMatchObject({ status: 'revoked', revokedFrom: '2024-02-29' });
  });

  it('keys rotate --from / --effective refuse a day that does not exist before touching any key (exit 2)', async () => {
    for (const flag of ['--from', '--effective']) {
      const r = await cli(['keys', 'rotate', '--db', 'xa.sqlite', '--out', 'usb', flag, '2026-02-29']);
      expect(r.code, flag).toBe(2);
      expect(r.err).toContain('YYYY-MM-DD');
      expect(r.err).toContain(flag);
    }
    expect((await cli(['keys', 'rotate', '--db', 'xa.sqlite', '--out', 'usb', '--from', '2010-01-01'])).err).toContain('đã qua');
  });
});

describe('one commune per key, through enrol approve', () => {
  it('a request by a key enrolled for another commune is refused before any fingerprint is asked (exit 1)', async () => {
    withDb('so.sqlite', (ctx) => approveEnrolmentRequest(ctx, requestText('xa.sqlite'), reviewer));
    const file = join(dir, 'usb', 'claim-b.json');
    writeFileSync(file, requestText('xa2.sqlite'));
    const r = await cli(['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', commune.fingerprint, file], { CHISO_PASSPHRASE: 'x' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('KEY_OTHER_COMMUNE');
    expect(withDb('so.sqlite', (ctx) => listEnrolledKeys(ctx))).toEqual([expect.objectContaining({ communeCode: '26734' })]);
  });
});

describe('enrol accept pins the reviewing unit key only with its fingerprint confirmed', () => {
  function approvalFile(db: string, key: typeof reviewer, name: string): string {
    const text = withDb(db, (ctx) => approveEnrolmentRequest(ctx, requestText('xa.sqlite'), key).approvalText);
    const file = join(dir, 'usb', name);
    writeFileSync(file, text);
    return file;
  }
  const pinned = () => withDb('xa.sqlite', (ctx) => enrolmentState(ctx, null).pinned);

  it('without --fingerprint: refused (exit 1), showing the fingerprint the file carries; nothing pinned', async () => {
    const r = await cli(['enrol', 'accept', '--db', 'xa.sqlite', approvalFile('so.sqlite', reviewer, 'a.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(reviewer.fingerprint);
    expect(r.err).toContain('FINGERPRINT_REQUIRED');
    expect(pinned()).toBeNull();
  });

  it('an attacker key claiming unit 49, checked against the fingerprint on the real letter: refused (exit 1)', async () => {
    const r = await cli(['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', reviewer.fingerprint, approvalFile('rogue.sqlite', attacker, 'forged.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(attacker.fingerprint);
    expect(r.err).toContain('FINGERPRINT_MISMATCH');
    expect(pinned()).toBeNull();
  });

  it('the matching fingerprint pins the key (exit 0); later another key is refused, both fingerprints shown', async () => {
    const ok = await cli(['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', reviewer.fingerprint.replaceAll('-', ' '), approvalFile('so.sqlite', reviewer, 'a.json')]);
    expect(ok.code).toBe(0);
    expect(pinned()?.keyId).toBe(reviewer.keyId);
    const other = await cli(['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', attacker.fingerprint, approvalFile('rogue.sqlite', attacker, 'b.json')]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('REVIEWER_KEY_CHANGED');
    expect(other.out).toContain(reviewer.fingerprint);
    expect(other.out).toContain(attacker.fingerprint);
    expect(pinned()?.keyId).toBe(reviewer.keyId);
  });
});

describe('key rotation through the command line: pending until the paper check, then a signed approval', () => {
  const PASS = 'mật khẩu khóa xã 2026';
  const SO_PASS = 'mật khẩu khóa Sở 2026';
  const NEW_PASS = 'mật khẩu khóa mới 2026';
  const scrypt = { N: 2 ** 10, r: 8, p: 1 };

  it('keys rotate → enrol rotate (held, refused without or with a wrong fingerprint) → approved with it → keys accept-rotation', async () => {
    const xaKeys = new KeyStore(keyPathFor(join(dir, 'xa.sqlite')), { scrypt });
    const soKeys = new KeyStore(keyPathFor(join(dir, 'so.sqlite')), { scrypt });
    const oldKey = await withDbAsync('xa.sqlite', (ctx) => createKey(ctx, xaKeys, PASS));
    const soKey = await withDbAsync('so.sqlite', (ctx) => createKey(ctx, soKeys, SO_PASS));
    const signer = await unlockKey(xaKeys, PASS);
    const soSigner = await unlockKey(soKeys, SO_PASS);
    withDb('xa.sqlite', (xa) =>
      withDb('so.sqlite', (so) => {
        const { record } = prepareEnrolmentRequest(xa, signer, { appVersion: '0.1.0' });
        recordEnrolmentRequest(xa, record);
        acceptEnrolmentApproval(xa, approveEnrolmentRequest(so, record.text, soSigner).approvalText, { fingerprint: soKey.fingerprint });
      }),
    );

    const rot = await cli(['keys', 'rotate', '--db', 'xa.sqlite', '--out', 'usb'], { CHISO_PASSPHRASE: PASS, CHISO_NEW_PASSPHRASE: NEW_PASS });
    expect(rot.code).toBe(0);
    const statement = rot.out.split('\n')[0]!;
    expect(statement).toMatch(/CCHC-ROTATE-26734-[0-9A-Z]{16}\.json$/u);
    const newFingerprint = /Dấu vân tay khóa mới: (\S+)/u.exec(rot.out)![1]!;
    expect((await cli(['keys', 'show', '--db', 'xa.sqlite'])).out).toContain(oldKey.keyId); // still the signing key

    const held = await cli(['enrol', 'rotate', '--db', 'so.sqlite', statement]);
    expect(held.code).toBe(1);
    expect(held.out).toContain(newFingerprint);
    expect(held.err).toContain('chờ duyệt');
    expect((await cli(['enrol', 'list', '--db', 'so.sqlite'])).out).toContain('chờ duyệt đổi khóa');
    const wrong = await cli(['enrol', 'rotate', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', attacker.fingerprint, statement], { CHISO_PASSPHRASE: SO_PASS });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('KHÔNG duyệt');
    expect(withDb('so.sqlite', (ctx) => listEnrolledKeys(ctx))).toEqual([expect.objectContaining({ keyId: oldKey.keyId, status: 'active' })]);

    const ok = await cli(['enrol', 'rotate', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', newFingerprint, statement], { CHISO_PASSPHRASE: SO_PASS });
    expect(ok.code).toBe(0);
    const approval = ok.out.split('\n').find((l) => l.endsWith('.json'))!;
    expect(approval).toMatch(/CCHC-ROTATE-APPROVAL-26734-/u);
    const accepted = await cli(['keys', 'accept-rotation', '--db', 'xa.sqlite', approval]);
    expect(accepted.err).toBe('');
    expect(accepted.code).toBe(0);
    const shown = await cli(['keys', 'show', '--db', 'xa.sqlite']);
    expect(shown.out).toContain(newFingerprint);
    expect(shown.out).toContain('đã được đơn vị thẩm định duyệt');
  }, 60_000);
});
