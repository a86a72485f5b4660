import { codeOf } from '../../../test/helpers/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SetupData } from '../../../shared/identity';
import { sampleFramework } from '../../../shared/framework/sample';
import type { TestApp } from '../../../test/helpers/app';
import { testApp } from '../../../test/helpers/app';
import { communeSetup, FIXED_NOW, parsedSetup, provinceSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { frameworkSha256, loadFramework } from '../framework/frameworks';
import { completeSetup as completeSetupWith, getIdentity } from './identity';
import { getSetting, setSetting } from './settings';

let s: TestApp;
beforeEach(() => {
  s = testApp(undefined, { isTrustedSender: () => true });
});
afterEach(() => s.cleanup());

/** The service takes the setup as the contract parsed it. */
const completeSetup = (ctx: typeof s.ctx, setup: Record<string, unknown>) => completeSetupWith(ctx, parsedSetup(setup));
const setUpThroughChannel = (setup: Record<string, unknown>) => s.runtime.route('setup:complete', { setup }, { url: 'app://chiso/' });

describe('setup service', () => {
  it('stores a commune identity with the sample framework, and an audit trail', () => {
    expect(getIdentity(s.ctx)).toBeNull();
    const id = completeSetup(s.ctx, parsedSetup(communeSetup));
    expect(id).toMatchObject({
      role: 'commune', level: null, unitCode: '26734', unitName: 'Xã Bình Đào', provinceCode: '49', reviewerCode: '49', year: 2026,
      createdAt: FIXED_NOW,
    });
    expect(id.framework).toMatchObject({ id: sampleFramework.id, sample: true, sha256: frameworkSha256(sampleFramework) });
    expect(loadFramework(s.ctx, id.framework!.ref)).toEqual(sampleFramework);
    const actions = listAudit(s.ctx).map((a) => a.action).sort();
    expect(actions).toEqual(['framework.install', 'identity.setup']);
    expect(getIdentity(s.ctx)).toEqual(id);
  });

  it('normalises names to NFC and folds white space', () => {
    const nfd = '  Xã   Bình Đào '.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const id = completeSetup(s.ctx, { ...communeSetup, unitName: nfd, officerName: 'Nguyễn Thị Hoa'.normalize('NFD') });
    expect(id.unitName).toBe('Xã Bình Đào');
    expect(id.unitName).toBe(id.unitName.normalize('NFC'));
    expect(id.officerName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
  });

  it('stores a provincial reviewing unit', () => {
    const id = completeSetup(s.ctx, parsedSetup(provinceSetup));
    expect(id).toMatchObject({ role: 'reviewer', level: 'province', unitCode: '49', reviewerCode: null });
  });

  it.each([
    [{ unitCode: '2673' }, 'unitCode'],
    [{ unitCode: '26a34' }, 'unitCode'],
    [{ provinceCode: '4' }, 'provinceCode'],
    [{ reviewerCode: '4' }, 'reviewerCode'],
    [{ unitName: ' ' }, 'unitName'],
    [{ year: 1999 }, 'year'],
  ])('the channel refuses %o naming field %s, writing nothing', async (patch, field) => {
    const r = await setUpThroughChannel({ ...communeSetup, ...patch });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(Object.keys((r as unknown as { error: { details: { fields: object } } }).error.details.fields)).toContain(`setup.${field}`);
    expect(getIdentity(s.ctx)).toBeNull();
    expect(listAudit(s.ctx)).toEqual([]);
  });

  it('refuses a province department whose code is not its province', async () => {
    expect(await setUpThroughChannel({ ...provinceSetup, unitCode: '48' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('writes nothing when a part fails (one transaction): the framework is not left installed', () => {
    // A reviewer without a level gets past no schema; the table's CHECK refuses it after the framework went in.
    const broken = { ...parsedSetup(provinceSetup), level: null } as unknown as SetupData;
    expect(codeOf(() => completeSetupWith(s.ctx, broken))).toBe('NOT_APP_ERROR');
    expect(getIdentity(s.ctx)).toBeNull();
    expect(s.runtime.db.prepare('SELECT count(*) AS n FROM frameworks').get()).toEqual({ n: 0 });
    expect(listAudit(s.ctx)).toEqual([]);
  });

  it('refuses a second setup and keeps the first', () => {
    completeSetup(s.ctx, parsedSetup(communeSetup));
    expect(codeOf(() => completeSetup(s.ctx, { ...communeSetup, unitName: 'Xã Khác' }))).toBe('ALREADY_SET_UP');
    expect(getIdentity(s.ctx)?.unitName).toBe('Xã Bình Đào');
  });

  it('keeps settings and audits each change once', () => {
    setSetting(s.ctx, 'language', 'en');
    setSetting(s.ctx, 'language', 'en');
    setSetting(s.ctx, 'language', 'vi');
    expect(getSetting(s.ctx, 'language')).toBe('vi');
    const changes = listAudit(s.ctx, { entity: 'setting' });
    expect(changes.map((c) => [c.old, c.new])).toEqual([['en', 'vi'], [null, 'en']]);
  });
});

describe('framework hash', () => {
  it('does not depend on key order', () => {
    const reordered = Object.fromEntries(Object.entries(sampleFramework).reverse());
    expect(frameworkSha256(reordered as typeof sampleFramework)).toBe(frameworkSha256(sampleFramework));
    expect(frameworkSha256(sampleFramework)).toMatch(/^[0-9a-f]{64}$/u);
  });
});
