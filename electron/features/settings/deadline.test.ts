/**
 * The year's submission deadline at a commune: signed beside the framework by the reviewing unit
 * (from its report_deadlines) or typed by the commune from the official letter; the signed one
 * wins; the checklist counts the days left by Vietnam's calendar with a fixed clock.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/framework/schema';
import { sampleFramework } from '../../../shared/framework/sample';
import { parseFramework } from '../../../shared/framework/validate';
import { fromBase64Url, toBase64Url } from '../../../shared/package/base64url';
import { frameworkPackageSchema } from '../../../shared/package/envelope';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { fingerprintOf } from '../../kernel/signing/ed25519';
import { buildFrameworkPackage } from '../framework/package';
import { importAtCommune, installAtReviewer, previewAtCommune, publish } from '../framework/signed';
import { checklist } from '../home/use-cases';
import { createKey } from '../keys/use-cases';
import { upsertDeadline } from '../roster/roster-repo';
import { daysBetween, parseViDate } from './deadline';
import { deadline, setDeadline } from './use-cases';

const PASS = 'mật khẩu đủ dài 2026';
const reviewer = testKey('reviewer');

function province(version = '1.0'): Framework {
  const r = parseFramework({ ...structuredClone(sampleFramework), id: 'quang-nam-cap-xa-2026', version, sample: false, title: 'Bộ tiêu chí tỉnh Quảng Nam 2026', province: { code: '49', name: 'Quảng Nam' }, year: 2026 });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.framework;
}

function pkg(fw: Framework, deadlineDate?: string): Buffer {
  const { text } = buildFrameworkPackage(
    { framework: fw, publisher: { code: '49', name: 'Sở Nội vụ tỉnh Quảng Nam' }, supersedes: null, createdAt: '2026-02-01T00:00:00.000Z', packageId: 'fw-test-0001', deadline: deadlineDate },
    reviewer,
  );
  return Buffer.from(text, 'utf8');
}

/** The commune pins a reviewing-unit key as enrolment would have. */
function pin(s: TestApp, keyId: string, publicKey: Uint8Array): void {
  s.ctx.db.pragma('foreign_keys = OFF');
  s.ctx.db
    .prepare(
      `INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at)
       VALUES (1, '49', 'Sở Nội vụ tỉnh Quảng Nam', ?, ?, ?, 'req-1', '{}', '2026-01-09T00:00:00.000Z', '2026-01-10', '2026-01-10T00:00:00.000Z')`,
    )
    .run(keyId, toBase64Url(publicKey), fingerprintOf(publicKey));
  s.ctx.db.pragma('foreign_keys = ON');
}

let s: TestApp;
beforeEach(() => {
  s = testApp(communeSetup);
});
afterEach(() => s.cleanup());

const view = () => s.app.perform(deadline, undefined);
const exportRow = async () => (await s.app.perform(checklist, undefined)).steps.find((r) => r.step === 'export')!;

describe('the reviewing unit publishes its deadline beside the framework', () => {
  it('publish carries report_deadlines\' date; the commune imports it and the checklist shows it', async () => {
    const so = testApp(provinceSetup);
    try {
      await so.app.perform(createKey, { passphrase: PASS });
      await so.app.perform(installAtReviewer, { file: { form: 'json', ok: true, framework: province() } });
      upsertDeadline(so.ctx, 2026, '2026-12-15');
      const out = await so.app.perform(publish, { id: 'quang-nam-cap-xa-2026', keyPassphrase: PASS, folder: async () => so.dir });
      expect(out?.deadline).toBe('2026-12-15');
      const bytes = readFileSync(out!.path);
      const payload = (JSON.parse(bytes.toString('utf8')) as { payload: Record<string, unknown> }).payload;
      expect(payload['deadline']).toBe('2026-12-15');
      // Beside the framework, not inside it: the content (and so its SHA-256) is the same as without one.
      expect((payload['framework'] as { content: Record<string, unknown> }).content['deadline']).toBeUndefined();

      const status = so.app.keys.status()!;
      pin(s, status.keyId, fromBase64Url(status.publicKey)!);
      expect((await s.app.perform(previewAtCommune, { bytes })).deadline).toBe('2026-12-15');
      expect(await view()).toEqual({ year: 2026, deadline: null });
      const r = await s.app.perform(importAtCommune, { bytes });
      expect(r.deadline).toBe('2026-12-15');
      // FIXED_NOW is 2026-11-22 in Vietnam: 23 days to 15/12.
      expect((await view()).deadline).toMatchObject({ date: '2026-12-15', source: 'signed', daysLeft: 23, signed: '2026-12-15', typed: null });
      expect(await exportRow()).toMatchObject({ deadline: '2026-12-15', counts: { daysLeft: 23 } });
    } finally {
      so.cleanup();
    }
  }, 60_000);

  it('without a deadline set, publish writes none; an old file without it imports and keeps what the commune typed', async () => {
    const bytes = pkg(province());
    expect((JSON.parse(bytes.toString('utf8')) as { payload: Record<string, unknown> }).payload).not.toHaveProperty('deadline');
    pin(s, reviewer.keyId, reviewer.publicKey);
    await s.app.perform(setDeadline, { date: '2026-12-01' });
    const r = await s.app.perform(importAtCommune, { bytes });
    expect(r.deadline).toBeNull();
    expect((await view()).deadline).toMatchObject({ date: '2026-12-01', source: 'typed', daysLeft: 9, signed: null });
  });

  it('the strict schema takes a payload with or without a deadline, and refuses one that is not a date', () => {
    const payload = JSON.parse(pkg(province(), '2026-12-15').toString('utf8')).payload as Record<string, unknown>;
    expect(frameworkPackageSchema.safeParse(payload).success).toBe(true);
    const { deadline: _d, ...old } = payload;
    expect(frameworkPackageSchema.safeParse(old).success).toBe(true);
    expect(frameworkPackageSchema.safeParse({ ...payload, deadline: '15/12/2026' }).success).toBe(false);
    expect(frameworkPackageSchema.safeParse({ ...payload, deadline: '2026-02-30' }).success).toBe(false);
  });
});

describe('the commune types the deadline', () => {
  it('typed, shown as typed; a signed one wins, the typed one is kept under it and logged', async () => {
    expect(await exportRow()).toMatchObject({ deadline: null });
    expect((await s.app.perform(setDeadline, { date: '2026-12-10' })).deadline).toMatchObject({ date: '2026-12-10', source: 'typed', daysLeft: 18 });
    pin(s, reviewer.keyId, reviewer.publicKey);
    await s.app.perform(importAtCommune, { bytes: pkg(province(), '2026-12-20') });
    expect((await view()).deadline).toMatchObject({ date: '2026-12-20', source: 'signed', typed: '2026-12-10', daysLeft: 28 });
    // Typing again does not override the signed date.
    await s.app.perform(setDeadline, { date: '2026-12-05' });
    expect((await view()).deadline).toMatchObject({ date: '2026-12-20', source: 'signed', typed: '2026-12-05' });
    const logged = s.ctx.db.prepare("SELECT entity_key, old_json, new_json FROM audit_log WHERE action = 'settings.deadline' ORDER BY id").all() as { entity_key: string; old_json: string; new_json: string }[];
    expect(logged.map((r) => [r.entity_key, JSON.parse(r.old_json), JSON.parse(r.new_json)] as unknown)).toEqual([
      ['2026', { year: 2026, typed: null }, { year: 2026, typed: '2026-12-10' }],
      ['2026', { year: 2026, typed: '2026-12-10' }, { year: 2026, typed: '2026-12-05' }],
    ]);
  });

  it('cleared: no deadline; a date that is not one is refused and nothing changes', async () => {
    await s.app.perform(setDeadline, { date: '2026-12-10' });
    expect(await refusal(s.app.perform(setDeadline, { date: '2026-02-30' }))).toBe('DEADLINE_INVALID');
    expect((await view()).deadline?.date).toBe('2026-12-10');
    await s.app.perform(setDeadline, { date: null });
    expect((await view()).deadline).toBeNull();
  });

  it('per year: another year\'s deadline does not show on this year\'s checklist', async () => {
    await s.app.perform(setDeadline, { year: 2025, date: '2025-12-10' });
    expect((await view()).deadline).toBeNull();
    expect((await s.app.perform(deadline, { year: 2025 })).deadline?.date).toBe('2025-12-10');
  });

  it('days left by Vietnam\'s calendar: 0 on the day, overdue after, the day turns at 17:00 UTC', async () => {
    await s.app.perform(setDeadline, { date: '2026-11-22' });
    expect((await exportRow()).counts['daysLeft']).toBe(0);
    s.clock.advance(9 * 3_600_000); // 17:00 UTC = 00:00 in Vietnam, 23/11
    expect((await exportRow()).counts['daysLeft']).toBe(-1);
    await s.app.perform(setDeadline, { date: '2026-11-20' });
    expect((await exportRow()).counts['daysLeft']).toBe(-3);
  });
});

describe('dates', () => {
  it('dd/mm/yyyy typed; impossible dates refused', () => {
    expect(parseViDate('15/10/2026')).toBe('2026-10-15');
    expect(parseViDate('5/1/2027')).toBe('2027-01-05');
    expect(parseViDate('29/02/2026')).toBeNull();
    expect(parseViDate('2026-10-15')).toBeNull();
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
