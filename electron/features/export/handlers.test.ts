import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup, freshStore, parsedSetup, provinceSetup } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import type { KeysStatus } from '../../../shared/ipc/keys';
import { approveEnrolmentRequest } from '../enrolment/reviewer-enrolment';
import { approveKeyRotation, receiveKeyRotation } from '../enrolment/rotation-service';
import { completeSetup } from '../setup/identity';
import { loadEntriesText } from '../assessment/entries-load';

const reviewer = testKey('reviewer');

let a: ChannelApp;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: communeSetup });
  await a.call('keys:create', { passphrase: 'đủ dài rồi 123' });
  // Ready to export: the documented entries loaded and finalised (the pre-export check passes).
  loadEntriesText(a.ctx, readFileSync(new URL('../../../docs/examples/sample-entries.json', import.meta.url), 'utf8'));
  await a.call('assessment:finalise');
});
const REASON = 'Thử với bộ tiêu chí mẫu';
afterEach(() => a.cleanup());

describe('package channels', () => {
  it('package:export: a wrong passphrase is refused before the dialog; a cancelled one writes nothing and keeps the revision', async () => {
    expect(await a.call('package:export', { keyPassphrase: 'sai mật khẩu', overrideReason: REASON })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
    expect(await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123', overrideReason: REASON })).toEqual({ ok: true, value: null });
    expect(await a.call('package:status')).toMatchObject({ ok: true, value: { exports: [] } });
    const usb = a.folder('usb');
    a.folders.push(usb);
    const r = await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123', overrideReason: REASON });
    expect(r).toMatchObject({ ok: true, value: { revision: 1, fileName: 'CCHC-2026-26734-r1.json', tooLargeForEmail: false } });
    expect(readdirSync(usb)).toEqual(['CCHC-2026-26734-r1.json']);
  });

  it('package:check lists what stops an export; package:export refuses it before any dialog (EXPORT_BLOCKED)', async () => {
    await a.call('assessment:reopen', { reason: 'Sửa lại số liệu mục 1.2' });
    const check = (await a.call('package:check')) as { ok: true; value: { stops: { code: string }[]; warnings: { code: string }[] } };
    expect(check.value.stops.map((p) => p.code)).toEqual(['NOT_FINALISED']);
    expect(check.value.warnings.map((p) => p.code)).toEqual(['SAMPLE_FRAMEWORK']);
    const usb = a.folder('usb');
    a.folders.push(usb);
    expect(await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123', overrideReason: REASON })).toMatchObject({ ok: false, error: { code: 'EXPORT_BLOCKED' } });
    expect(a.folders).toEqual([usb]); // the dialog was never shown
    await a.call('assessment:finalise');
    expect(await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123' })).toMatchObject({ ok: false, error: { code: 'EXPORT_REASON_REQUIRED' } });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('package:email writes a draft beside the package, with it attached and the letter in Vietnamese, and opens it', async () => {
    const usb = a.folder('usb');
    a.folders.push(usb);
    const r = (await a.call('package:export', { keyPassphrase: 'đủ dài rồi 123', overrideReason: REASON })) as { value: { packageId: string; sha256: string } };
    const email = await a.call('package:email', { packageId: r.value.packageId });
    const eml = join(usb, 'CCHC-2026-26734-r1.eml');
    expect(email).toEqual({ ok: true, value: { emlPath: eml } });
    expect(a.opened).toEqual([eml]);
    expect(readdirSync(usb).sort()).toEqual(['CCHC-2026-26734-r1.eml', 'CCHC-2026-26734-r1.json']);
    const text = readFileSync(eml, 'utf8');
    const body = Buffer.from(/charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/u.exec(text)![1]!.replace(/\r\n/gu, ''), 'base64').toString('utf8');
    expect(body).toContain('Kính gửi đơn vị thẩm định,');
    expect(body).toContain(`Mã SHA-256: ${r.value.sha256}`);
    expect(body).toContain('Nguyễn Thị Hoa — Công chức Văn phòng - Thống kê');
    expect(text).toContain('filename="CCHC-2026-26734-r1.json"');
    expect(await a.call('package:email', { packageId: 'không có' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('keys:rotate writes the statement and the printed rotation form; the key switches only with the rotation approval', async () => {
    const PASS = 'đủ dài rồi 123';
    const NEW = 'khóa mới đủ dài 456';
    const created = (await a.call('keys:status')) as { ok: true; value: { key: { keyId: string } } };
    const usb = a.folder('usb');
    // Enrolled with a reviewing unit (its own database, a TEST key), its key pinned after the fingerprint check.
    const so = freshStore();
    try {
      completeSetup(so.ctx, parsedSetup(provinceSetup));
      a.folders.push(usb);
      await a.call('enrolment:request', { keyPassphrase: PASS, officerName: 'Nguyễn Thị Hoa', officerTitle: 'Công chức' });
      const request = readdirSync(usb).find((f) => f.endsWith('.json'))!;
      writeFileSync(join(usb, 'approval.json'), approveEnrolmentRequest(so.ctx, readFileSync(join(usb, request)), reviewer).approvalText);
      a.files.push(join(usb, 'approval.json'));
      const choice = (await a.call('enrolment:chooseApproval')) as { ok: true; value: { token: string } };
      expect(await a.call('enrolment:accept', { token: choice.value.token, fingerprint: reviewer.fingerprint })).toMatchObject({ ok: true });

      expect(await a.call('keys:rotate', { keyPassphrase: 'sai mật khẩu', newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
      expect(await a.call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })).toEqual({ ok: true, value: null }); // dialog cancelled
      expect(await a.call('keys:status')).toMatchObject({ ok: true, value: { pendingRotation: null } });
      const out = a.folder('rotate');
      a.folders.push(out);
      const r = (await a.call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })) as { ok: true; value: { statementPath: string; formPath: string; newKeyId: string; newFingerprint: string } };
      expect(r.ok).toBe(true);
      expect(readdirSync(out).sort()).toEqual([`CCHC-ROTATE-26734-${r.value.newKeyId}.json`, `CCHC-ROTATE-26734-${r.value.newKeyId}.pdf`]);
      expect(a.opened[a.opened.length - 1]).toBe(r.value.formPath);
      const status = (await a.call('keys:status')) as { ok: true; value: KeysStatus };
      expect(status.value.key?.keyId).toBe(created.value.key.keyId); // still signing with the old key
      expect(status.value.pendingRotation).toMatchObject({ newKeyId: r.value.newKeyId, newFingerprint: r.value.newFingerprint, oldKeyId: created.value.key.keyId });
      expect(await a.call('keys:rotate', { keyPassphrase: PASS, newPassphrase: NEW })).toMatchObject({ ok: false, error: { code: 'ROTATION_PENDING' } });
      const again = a.folder('again');
      a.folders.push(again);
      expect(await a.call('keys:rotationForm')).toMatchObject({ ok: true, value: { formPath: join(again, `CCHC-ROTATE-26734-${r.value.newKeyId}.pdf`) } });

      // The reviewing unit approves after the paper check; the commune imports the approval.
      const statement = readFileSync(r.value.statementPath);
      receiveKeyRotation(so.ctx, statement);
      writeFileSync(join(out, 'rot-approval.json'), approveKeyRotation(so.ctx, statement, { fingerprint: r.value.newFingerprint }, reviewer).approvalText);
      a.files.push(join(out, 'rot-approval.json'));
      const preview = (await a.call('keys:chooseRotationApproval')) as { ok: true; value: { token: string; newKeyId: string; unitCode: string } };
      expect(preview.value).toMatchObject({ newKeyId: r.value.newKeyId, unitCode: '49' });
      expect(await a.call('keys:acceptRotation', { token: preview.value.token })).toMatchObject({ ok: true, value: { key: { keyId: r.value.newKeyId }, pendingRotation: null, enrolledKeyId: r.value.newKeyId } });
    } finally {
      so.cleanup();
    }
  });
});
