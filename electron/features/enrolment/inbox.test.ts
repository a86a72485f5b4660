import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolledKeyRow, InboxRequest } from '../../../shared/ipc/enrolment';
import { addToRoster, dumpDatabase, makeCommune, type Commune } from '../../../test/fixtures/reviewer-imports';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { provinceSetup } from '../../../test/helpers/context';
import { prepareEnrolmentRequest } from './commune-enrolment';
import { buildKeyRotation } from '../../kernel/signing/rotation';
import { testKey } from '../../../test/fixtures/test-keys';
import type { PendingRotationRow } from '../../../shared/ipc/enrolment';

const PASS = 'mật khẩu của Sở 2026';
let so: ChannelApp;
let communes: Commune[];
let inbox: string;

const requestText = (c: Commune) => prepareEnrolmentRequest(c.store.ctx, c.key, { appVersion: '0.1.0' }).record.text;
async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.value as T;
}
async function readInbox(): Promise<InboxRequest[]> {
  so.folders.push(inbox);
  return ok<InboxRequest[]>(so.call('enrolment:inbox', { from: 'folder' }));
}

beforeEach(async () => {
  so = channelApp();
  await so.call('setup:complete', { setup: provinceSetup });
  await so.call('keys:create', { passphrase: PASS });
  addToRoster({ ctx: so.ctx }, '26734', 'Xã Bình Đào');
  communes = [makeCommune('26734', 'commune'), makeCommune('26735', 'stranger')];
  inbox = so.folder('inbox');
  writeFileSync(join(inbox, 'a-26734.json'), requestText(communes[0]!));
  writeFileSync(join(inbox, 'b-26735.json'), requestText(communes[1]!));
  writeFileSync(join(inbox, 'c-hong.json'), '{"format":"chiso-cchc/enrolment-request"');
});
afterEach(() => {
  for (const c of communes) c.store.cleanup();
  so.cleanup();
});

describe('the enrolment inbox (reviewer channels)', () => {
  it('reads a folder: each request with its commune matched to the roster, officer and fingerprint; a broken file refused with its code', async () => {
    const before = dumpDatabase(so.ctx);
    const items = await readInbox();
    expect(items.map((i) => [i.file, i.state, i.communeCode, i.rosterName, i.code])).toEqual([
      ['a-26734.json', 'pending', '26734', 'Xã Bình Đào', null],
      ['b-26735.json', 'pending', '26735', null, null],
      ['c-hong.json', 'refused', null, null, 'NOT_JSON'],
    ]);
    expect(items[0]).toMatchObject({ kind: 'request', communeName: 'Xã Thử 26734', keyId: communes[0]!.key.keyId, token: expect.any(String) });
    expect(items[0]!.fingerprint).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/u);
    expect(items[0]!.officerName).toBeTruthy();
    expect(items[2]!.token).toBeNull();
    expect(items[2]!.message).toMatch(/.{20,}/u);
    expect(dumpDatabase(so.ctx)).toEqual(before);
  });

  it('approves only with the fingerprint typed, writes the signed approval, rejects the other with who/when/why, revokes from a date', async () => {
    const [a, b] = await readInbox();
    const out = so.folder('usb');
    expect(await so.call('enrolment:approve', { token: a!.token, fingerprint: b!.fingerprint, keyPassphrase: PASS })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH' } });
    expect(await ok<EnrolledKeyRow[]>(so.call('enrolment:keys'))).toEqual([]);
    so.folders.push(out);
    const approved = await ok<{ path: string; item: InboxRequest }>(so.call('enrolment:approve', { token: a!.token, fingerprint: a!.fingerprint!.toLowerCase().replaceAll('-', ' '), keyPassphrase: PASS }));
    expect(approved.item.state).toBe('approved');
    expect(approved.path.startsWith(out)).toBe(true);
    expect(JSON.parse(readFileSync(approved.path, 'utf8'))).toMatchObject({ format: 'chiso-cchc/enrolment-approval' });

    expect(await so.call('enrolment:reject', { token: b!.token, reason: 'ng' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const rejected = await ok<InboxRequest>(so.call('enrolment:reject', { token: b!.token, reason: 'Xã không thuộc đơn vị' }));
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { reason: 'Xã không thuộc đơn vị', rejectedBy: 'tester', rejectedAt: '2026-11-22T08:00:00.000Z' } });

    // Read again: the decisions show; the earlier tokens no longer hold.
    const again = await readInbox();
    expect(again.map((i) => i.state)).toEqual(['approved', 'rejected', 'refused']);
    expect(await so.call('enrolment:reject', { token: a!.token, reason: 'Thử lại token cũ' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });

    const enrolledOnBoard = async () => (await ok<{ rows: { code: string; enrolled: boolean }[] }>(so.call('import:status', { year: 2026 }))).rows;
    expect(await enrolledOnBoard()).toEqual([expect.objectContaining({ code: '26734', enrolled: true })]);
    const keys = await ok<EnrolledKeyRow[]>(so.call('enrolment:keys'));
    expect(keys.map((k) => [k.communeCode, k.status])).toEqual([['26734', 'active']]);
    expect(await so.call('enrolment:revoke', { keyId: keys[0]!.keyId, from: '2099-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ok<EnrolledKeyRow>(so.call('enrolment:revoke', { keyId: keys[0]!.keyId, from: '2026-11-01' }))).toMatchObject({ status: 'revoked', revokedFrom: '2026-11-01' });
    expect(await enrolledOnBoard()).toEqual([expect.objectContaining({ code: '26734', enrolled: false })]);
    expect(existsSync(approved.path)).toBe(true);
  });

  it('a cancelled folder dialog reads nothing and approving with a cancelled folder enrols nothing', async () => {
    expect(await so.call('enrolment:inbox', { from: 'folder' })).toEqual({ ok: true, value: null });
    const [a] = await readInbox();
    expect(await so.call('enrolment:approve', { token: a!.token, fingerprint: a!.fingerprint, keyPassphrase: PASS })).toEqual({ ok: true, value: null });
    expect(await ok<EnrolledKeyRow[]>(so.call('enrolment:keys'))).toEqual([]);
  });

  it('a rotation statement in the inbox is held as pending; approved only with the NEW key\'s fingerprint typed, the approval written', async () => {
    const [a] = await readInbox();
    so.folders.push(so.folder('usb1'));
    await ok(so.call('enrolment:approve', { token: a!.token, fingerprint: a!.fingerprint, keyPassphrase: PASS }));
    const statement = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-11-22', now: new Date('2026-11-22T07:00:00Z') }, testKey('commune'), testKey('communeNext'));
    writeFileSync(join(inbox, 'd-rotate.json'), statement);
    const items = await readInbox();
    expect(items[3]).toMatchObject({ kind: 'rotation', state: 'pending', communeCode: '26734', rosterName: 'Xã Bình Đào', keyId: testKey('communeNext').keyId, token: null });
    const pending = await ok<PendingRotationRow[]>(so.call('enrolment:rotations'));
    expect(pending).toEqual([expect.objectContaining({ communeCode: '26734', newKeyId: testKey('communeNext').keyId, newFingerprint: items[3]!.fingerprint })]);
    expect(await so.call('enrolment:approveRotation', { statementSha256: pending[0]!.statementSha256, fingerprint: a!.fingerprint, keyPassphrase: PASS })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH' } });
    const usb = so.folder('usb2');
    so.folders.push(usb);
    const done = await ok<{ path: string }>(so.call('enrolment:approveRotation', { statementSha256: pending[0]!.statementSha256, fingerprint: items[3]!.fingerprint, keyPassphrase: PASS }));
    expect(done.path.startsWith(usb)).toBe(true);
    expect(await ok<PendingRotationRow[]>(so.call('enrolment:rotations'))).toEqual([]);
    expect((await readInbox())[3]).toMatchObject({ kind: 'rotation', state: 'approved', keyId: testKey('communeNext').keyId });
    const keys = await ok<EnrolledKeyRow[]>(so.call('enrolment:keys'));
    expect(keys.find((k) => k.keyId === testKey('communeNext').keyId)).toMatchObject({ status: 'active', communeCode: '26734' });
    expect(await so.call('enrolment:approveRotation', { statementSha256: pending[0]!.statementSha256, fingerprint: items[3]!.fingerprint, keyPassphrase: PASS })).toMatchObject({ ok: false, error: { code: 'ROTATION_NOT_PENDING' } });
  });
});
