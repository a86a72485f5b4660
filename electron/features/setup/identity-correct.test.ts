import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goldenSources, setUpCommune } from '../../../test/fixtures/commune-report';
import { testKey } from '../../../test/fixtures/test-keys';
import { refusal, testApp, type TestApp } from '../../../test/helpers/app';
import { communeSetup, freshStore, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { writeFinalised } from '../assessment/lock-repo';
import { exportReport } from '../export/export';
import { getIdentity } from './identity';
import { correctSetup } from './identity-correct';
import { correctIdentity } from './use-cases';

const commune = testKey('commune');

describe('correctSetup on real SQLite', () => {
  let s: TestStore;
  let out: string;
  beforeEach(() => {
    s = freshStore();
    setUpCommune(s.ctx);
    out = join(s.dir, 'usb');
    mkdirSync(out);
  });
  afterEach(() => s.cleanup());

  const exportOnce = () => exportReport(s.ctx, { folder: out, signer: commune, sources: goldenSources(), appVersion: '0.1.0' });

  it('corrects name, codes, officer and year before the first export, without a reason, and logs old → new', () => {
    const id = correctSetup(s.ctx, { unitName: 'Xã Bình  Đào Mới', unitCode: '26735', provinceCode: '48', reviewerCode: '48', officerName: 'Trần Văn An', year: '2025' });
    expect(id).toMatchObject({ unitName: 'Xã Bình Đào Mới', unitCode: '26735', provinceCode: '48', reviewerCode: '48', officerName: 'Trần Văn An', year: 2025, role: 'commune' });
    expect(getIdentity(s.ctx)).toEqual(id);
    const [entry] = listAudit(s.ctx, { entity: 'identity' });
    expect(entry).toMatchObject({
      action: 'identity.correct',
      old: { unit_code: '26734', unit_name: 'Xã Bình Đào', province_code: '49', reviewer_code: '49', officer_name: communeSetup.officerName, year: 2026 },
      new: { unit_code: '26735', unit_name: 'Xã Bình Đào Mới', province_code: '48', reviewer_code: '48', officer_name: 'Trần Văn An', year: 2025 },
    });
  });

  it('changes only the fields given; an empty officer name clears it; no change writes nothing', () => {
    correctSetup(s.ctx, { officerName: '' });
    expect(getIdentity(s.ctx)).toMatchObject({ officerName: null, unitCode: '26734', officerTitle: communeSetup.officerTitle });
    const before = listAudit(s.ctx).length;
    correctSetup(s.ctx, { unitCode: '26734' });
    expect(listAudit(s.ctx)).toHaveLength(before);
  });

  it('refuses an invalid value with the setup rules and changes nothing', async () => {
    expect(await refusal(() => correctSetup(s.ctx, { unitCode: '123' }))).toBe('INVALID_INPUT');
    expect(await refusal(() => correctSetup(s.ctx, { year: '1999' }))).toBe('INVALID_INPUT');
    expect(await refusal(() => correctSetup(s.ctx, { reviewerCode: 'x' }))).toBe('INVALID_INPUT');
    expect(getIdentity(s.ctx)).toMatchObject({ unitCode: '26734', year: 2026, reviewerCode: '49' });
    expect(listAudit(s.ctx, { entity: 'identity' }).map((a) => a.action)).toEqual(['identity.setup']);
  });

  it('after an export needs a reason, logs it in the same change, and the next package carries the new values', async () => {
    const first = exportOnce();
    expect(await refusal(() => correctSetup(s.ctx, { reviewerCode: '48' }))).toBe('SETUP_REASON_REQUIRED');
    expect(await refusal(() => correctSetup(s.ctx, { reviewerCode: '48', reason: '   ' }))).toBe('SETUP_REASON_REQUIRED');
    expect(getIdentity(s.ctx)?.reviewerCode).toBe('49');

    correctSetup(s.ctx, { unitCode: '26735', reviewerCode: '48', reason: 'Gõ nhầm mã xã khi thiết lập' });
    const [entry] = listAudit(s.ctx, { entity: 'identity' });
    expect(entry).toMatchObject({
      action: 'identity.correct',
      old: { unit_code: '26734', reviewer_code: '49' },
      new: { unit_code: '26735', reviewer_code: '48', reason: 'Gõ nhầm mã xã khi thiết lập', afterRevision: first.revision },
    });

    const next = exportOnce();
    expect(next.fileName).toBe('CCHC-2026-26735-r2.json');
    const payload = (JSON.parse(readFileSync(next.path, 'utf8')) as { payload: Record<string, unknown> }).payload;
    expect(JSON.stringify(payload)).toContain('"26735"');
    expect(JSON.stringify(payload)).not.toContain('"26734"');
  });
});

describe('setup.correct policy', () => {
  let t: TestApp;
  afterEach(() => t.cleanup());

  it('is refused before setup (NOT_SET_UP)', async () => {
    t = testApp();
    expect(await refusal(t.app.perform(correctIdentity, { unitName: 'Xã A' }))).toBe('NOT_SET_UP');
  });

  it('lets a reviewing unit correct its own name and year, but not give itself a reviewing unit', async () => {
    t = testApp(provinceSetup);
    const id = await t.app.perform(correctIdentity, { unitName: 'Sở Nội vụ tỉnh Quảng Nam (mới)', year: 2027 });
    expect(id).toMatchObject({ role: 'reviewer', unitName: 'Sở Nội vụ tỉnh Quảng Nam (mới)', year: 2027, reviewerCode: null });
    expect(await refusal(t.app.perform(correctIdentity, { reviewerCode: '48' }))).toBe('INVALID_INPUT');
  });

  it('is not refused while the assessment is finalised: the identity is not part of the finalised figures', async () => {
    t = testApp(communeSetup);
    writeFinalised(t.ctx.db, 1, 1, '2026-11-22T08:00:00.000Z', 'tester');
    const id = await t.app.perform(correctIdentity, { unitName: 'Xã Bình Đào (sửa)' });
    expect(id.unitName).toBe('Xã Bình Đào (sửa)');
  });

  it('through the channel', async () => {
    t = testApp(communeSetup, { isTrustedSender: () => true });
    const r = await t.runtime.route('setup:correct', { unitName: 'Xã Bình Đào Hai' }, { url: 'app://chiso/' });
    expect(r).toMatchObject({ ok: true, value: { unitName: 'Xã Bình Đào Hai' } });
  });
});
