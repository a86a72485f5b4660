import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, fixedClock, freshStore, provinceSetup, tempDir } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import type { KeysStatus } from '../../../shared/ipc/package.contract';
import { approveEnrolmentRequest } from '../enrolment/enrolment';
import { approveKeyRotation, receiveKeyRotation } from '../enrolment/rotation-service';
import { completeSetup } from '../setup/identity';

const reviewer = testKey('reviewer');
import type { AppRuntime } from '../../app/runtime';
import { createAppRuntime } from '../../app/runtime';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let dir: string;
let cleanup: () => void;
const folders: (string | null)[] = [];
const files: (string | null)[] = [];
const opened: string[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  rt = createAppRuntime({
    dbPath: join(dir, 'app.sqlite'),
    appVersion: '0.1.0',
    platform: 'test',
    clock: fixedClock(),
    keyScrypt: { N: 2 ** 12, r: 8, p: 1 },
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => files.shift() ?? null,
      openFiles: async () => [],
      chooseFolder: async () => folders.shift() ?? null,
      saveFile: async () => null,
      openPath: async (p) => void opened.push(p),
    },
    pdf: { fromHtml: async (html) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`) },
  });
});
afterEach(() => {
  rt.close();
  cleanup();
});

const call = (channel: string, input?: unknown) => rt.route(channel, input, trusted);

describe('package channels', () => {
  it('keys:create refuses an unprotected key and a short passphrase; then creates one', async () => {
    await call('setup:complete', { setup: communeSetup });
    expect(await call('keys:status')).toEqual({ ok: true, value: { key: null, osStorageAvailable: false, enrolledKeyId: null, pendingRotation: null } });
    expect(await call('keys:create', {})).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_REQUIRED' } });
    expect(await call('keys:create', { passphrase: 'ngắn' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: { passphrase: 'PASSPHRASE_SHORT' } } } });
    const r = await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    expect(r).toMatchObject({ ok: true, value: { protection: 'passphrase' } });
  });

  it('package:export: a cancelled folder dialog writes nothing and keeps the revision; a wrong passphrase is refused before the dialog', async () => {
    await call('setup:complete', { setup: communeSetup });
    await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    expect(await call('package:export', { keyPassphrase: 'sai mật khẩu' })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
    expect(await call('package:export', { keyPassphrase: 'đủ dài rồi 123' })).toEqual({ ok: true, value: null });
    expect(await call('package:status')).toMatchObject({ ok: true, value: { exports: [] } });
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    folders.push(usb);
    const r = await call('package:export', { keyPassphrase: 'đủ dài rồi 123' });
    expect(r).toMatchObject({ ok: true, value: { revision: 1, fileName: 'CCHC-2026-26734-r1.json', tooLargeForEmail: false } });
    const email = await call('package:email', { packageId: (r as { value: { packageId: string } }).value.packageId });
    expect(email).toMatchObject({ ok: true, value: { emlPath: join(usb, 'CCHC-2026-26734-r1.eml') } });
    expect(opened).toContain(join(usb, 'CCHC-2026-26734-r1.eml'));
    expect(readdirSync(usb).sort()).toEqual(['CCHC-2026-26734-r1.eml', 'CCHC-2026-26734-r1.json']);
  });

  it('enrolment:request writes the signed request and the printed form, and opens the form', async () => {
    await call('setup:complete', { setup: communeSetup });
    await call('keys:create', { passphrase: 'đủ dài rồi 123' });
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    folders.push(usb);
    const r = await call('enrolment:request', { keyPassphrase: 'đủ dài rồi 123', officerName: 'Nguyễn Thị Hoa', officerTitle: 'Công chức' });
    expect(r.ok).toBe(true);
    const files = readdirSync(usb).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^CCHC-ENROL-26734-[0-9A-Z]{16}\.json$/u);
    expect(opened[opened.length - 1]).toBe(join(usb, files[1]!));
    expect(await call('enrolment:status')).toMatchObject({ ok: true, value: { request: { officerName: 'Nguyễn Thị Hoa' }, pinned: null } });
  });

  it('keys:rotate writes the statement and the printed rotation form; the key switches only with the rotation approval', async () => {
    const PASS = 'đủ dài rồi 123';
    const NEW = 'khóa mới đủ dài 456';
    await call('setup:complete', { setup: communeSetup });
    const created = (await call('keys:create', { passphrase: PASS })) as { ok: true; value: { keyId: string } };
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    // Enrolled with a reviewing unit (its own database, a TEST key), its key pinned after the fingerprint check.
    const so = freshStore();
    try {
      completeSetup(so.ctx, provinceSetup);
      folders.push(usb);
      await call('enrolment:request', { keyPassphrase: PASS, officerName: 'Nguyễn Thị Hoa', officerTitle: 'Công chức' });
      const request = readdirSync(usb).find((f) => f.endsWith('.json'))!;
      writeFileSync(join(usb, 'approval.json'), approveEnrolmentRequest(so.ctx, readFileSync(join(usb, request)), reviewer).approvalText);
      files.push(join(usb, 'approval.json'));
      const choice = (await call('enrolment:chooseApproval')) as { ok: true; value: { token: string } };
      expect(await call('enrolment:accept', { token: choice.value.token, fingerprint: reviewer.fingerprint })).toMatchObject({ ok: true });

      expect(await call('keys:rotate', { keyPassphrase: 'sai mật khẩu', newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
      expect(await call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })).toEqual({ ok: true, value: null }); // dialog cancelled
      expect(await call('keys:status')).toMatchObject({ ok: true, value: { pendingRotation: null } });
      const out = join(dir, 'rotate');
      mkdirSync(out);
      folders.push(out);
      const r = (await call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })) as { ok: true; value: { statementPath: string; formPath: string; newKeyId: string; newFingerprint: string } };
      expect(r.ok).toBe(true);
      expect(readdirSync(out).sort()).toEqual([`CCHC-ROTATE-26734-${r.value.newKeyId}.json`, `CCHC-ROTATE-26734-${r.value.newKeyId}.pdf`]);
      expect(opened[opened.length - 1]).toBe(r.value.formPath);
      const status = (await call('keys:status')) as { ok: true; value: KeysStatus };
      expect(status.value.key?.keyId).toBe(created.value.keyId); // still signing with the old key
      expect(status.value.pendingRotation).toMatchObject({ newKeyId: r.value.newKeyId, newFingerprint: r.value.newFingerprint, oldKeyId: created.value.keyId });
      expect(await call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'ROTATION_PENDING' } });
      const again = join(dir, 'again');
      mkdirSync(again);
      folders.push(again);
      expect(await call('keys:rotationForm')).toMatchObject({ ok: true, value: { formPath: join(again, `CCHC-ROTATE-26734-${r.value.newKeyId}.pdf`) } });

      // The reviewing unit approves after the paper check; the commune imports the approval.
      const statement = readFileSync(r.value.statementPath);
      receiveKeyRotation(so.ctx, statement);
      writeFileSync(join(out, 'rot-approval.json'), approveKeyRotation(so.ctx, statement, { fingerprint: r.value.newFingerprint }, reviewer).approvalText);
      files.push(join(out, 'rot-approval.json'));
      const preview = (await call('keys:chooseRotationApproval')) as { ok: true; value: { token: string; newKeyId: string; unitCode: string } };
      expect(preview.value).toMatchObject({ newKeyId: r.value.newKeyId, unitCode: '49' });
      expect(await call('keys:acceptRotation', { token: preview.value.token })).toMatchObject({ ok: true, value: { key: { keyId: r.value.newKeyId }, pendingRotation: null, enrolledKeyId: r.value.newKeyId } });
    } finally {
      so.cleanup();
    }
  });
});
