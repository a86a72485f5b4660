/**
 * The submission deadline in the pre-export check, by the Vietnam calendar day with a fixed clock
 * (22/11/2026 in Vietnam): past it a warning that a reason overrides (a late package is still
 * sent, and carries the override); within three days, or on the day, an information line; none
 * further off or without a deadline. The signed deadline counts over the typed one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportCheck } from '../../../shared/ipc/export';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { loadEntriesText } from '../assessment/entries-load';
import { finaliseAssessment } from '../assessment/use-cases';
import { createKey } from '../keys/use-cases';
import { checklist } from '../home/use-cases';
import { storeSignedDeadline } from '../settings/deadline';
import { setDeadline } from '../settings/use-cases';
import { deadlineProblem, requireExportable } from './precheck';
import { exportPackage, packageCheck } from './use-cases';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const PASS = 'mật khẩu đủ dài 2026';

let s: TestApp;
beforeEach(() => {
  s = testApp(communeSetup);
});
afterEach(() => s.cleanup());

const check = () => s.app.perform(packageCheck, undefined);
const deadlineLines = (c: ExportCheck) => [...c.warnings, ...c.notes].filter((p) => p.code.startsWith('DEADLINE_')).map((p) => [p.code, p.severity, p.message]);
const typed = (date: string | null) => s.app.perform(setDeadline, { date });

describe('the deadline in the pre-export check', () => {
  it('none without a deadline, nor four days or more before it', async () => {
    expect(deadlineLines(await check())).toEqual([]);
    expect((await check()).notes).toEqual([]);
    await typed('2026-11-26');
    expect(deadlineLines(await check())).toEqual([]);
  });

  it('past it: a warning with the days late and the date, saying the reviewing unit sees it late', async () => {
    await typed('2026-11-20');
    const c = await check();
    expect(deadlineLines(c)).toEqual([
      ['DEADLINE_PASSED', 'warning', 'Đã quá hạn gửi hồ sơ 2 ngày (hạn 20/11/2026). Hồ sơ vẫn gửi được nhưng đơn vị thẩm định sẽ thấy là nộp muộn; hãy ghi lý do gửi muộn.'],
    ]);
    expect(c.warnings.find((p) => p.code === 'DEADLINE_PASSED')!.params).toEqual({ days: 2, date: '20/11/2026' });
    expect(c.notes).toEqual([]);
  });

  it('within three days an information line; on the day "hôm nay"', async () => {
    await typed('2026-11-25');
    expect(deadlineLines(await check())).toEqual([['DEADLINE_NEAR', 'info', 'Còn 3 ngày đến hạn gửi (25/11/2026).']]);
    await typed('2026-11-23');
    expect(deadlineLines(await check())).toEqual([['DEADLINE_NEAR', 'info', 'Còn 1 ngày đến hạn gửi (23/11/2026).']]);
    await typed('2026-11-22');
    const c = await check();
    expect(deadlineLines(c)).toEqual([['DEADLINE_TODAY', 'info', 'Hôm nay là hạn gửi hồ sơ (22/11/2026).']]);
    expect(c.warnings.map((p) => p.code)).not.toContain('DEADLINE_TODAY');
  });

  it('the Vietnam day decides: at 17:00 UTC the deadline day is over', async () => {
    await typed('2026-11-22');
    s.clock.advance(9 * 3_600_000 - 60_000); // 16:59 UTC: 23:59 on the 22nd in Vietnam
    expect(deadlineLines(await check()).map((l) => l[0])).toEqual(['DEADLINE_TODAY']);
    s.clock.advance(60_000); // 00:00 on the 23rd in Vietnam
    expect(deadlineLines(await check())).toEqual([['DEADLINE_PASSED', 'warning', expect.stringContaining('Đã quá hạn gửi hồ sơ 1 ngày (hạn 22/11/2026)')]]);
  });

  it('the signed deadline counts over the typed one, both ways', async () => {
    await typed('2026-12-31');
    storeSignedDeadline(s.ctx, 2026, '2026-11-21');
    expect(deadlineLines(await check()).map((l) => l[2])).toEqual([expect.stringContaining('quá hạn gửi hồ sơ 1 ngày (hạn 21/11/2026)')]);
    await typed('2026-11-01');
    storeSignedDeadline(s.ctx, 2026, '2026-11-24');
    expect(deadlineLines(await check())).toEqual([['DEADLINE_NEAR', 'info', 'Còn 2 ngày đến hạn gửi (24/11/2026).']]);
  });

  it('another year\'s deadline does not count', async () => {
    await s.app.perform(setDeadline, { year: 2025, date: '2025-12-10' });
    expect(deadlineLines(await check())).toEqual([]);
  });

  it('Home shows the same check', async () => {
    await typed('2026-11-20');
    const c = (await s.app.perform(checklist, undefined)).exportCheck;
    expect(c.warnings.map((p) => p.code)).toContain('DEADLINE_PASSED');
    await typed('2026-11-24');
    expect((await s.app.perform(checklist, undefined)).exportCheck.notes.map((p) => p.code)).toEqual(['DEADLINE_NEAR']);
  });
});

describe('a late package is still sent', () => {
  it('needs a reason like any warning; the package and the log carry the override', async () => {
    const usb = join(s.dir, 'usb');
    mkdirSync(usb);
    loadEntriesText(s.ctx, readFileSync(SAMPLE, 'utf8'));
    await s.app.perform(finaliseAssessment, undefined);
    await s.app.perform(createKey, { passphrase: PASS });
    await typed('2026-11-20');
    expect(await refusal(s.app.perform(exportPackage, { keyPassphrase: PASS, folder: async () => usb }))).toBe('EXPORT_REASON_REQUIRED');
    const r = (await s.app.perform(exportPackage, { keyPassphrase: PASS, overrideReason: 'Chờ UBND huyện ký văn bản', folder: async () => usb }))!;
    const payload = (JSON.parse(readFileSync(r.path, 'utf8')) as { payload: { completeness: { overrides: { code: string; reason: string }[] } } }).payload;
    expect(payload.completeness.overrides).toEqual([
      { code: 'SAMPLE_FRAMEWORK', reason: 'Chờ UBND huyện ký văn bản' },
      { code: 'DEADLINE_PASSED', reason: 'Chờ UBND huyện ký văn bản' },
    ]);
    expect(listAudit(s.ctx, { entity: 'package' })[0]!.new).toMatchObject({ overrides: [{ code: 'SAMPLE_FRAMEWORK' }, { code: 'DEADLINE_PASSED' }] });
  }, 30_000);

  it('the deadline alone: the late warning needs a reason, the information line does not', () => {
    const completeness = { items: { total: 1, entered: 1, required: 0, requiredEntered: 0 }, forms: { saved: 0, minimum: null, target: null } };
    const late = deadlineProblem({ year: 2026, date: '2026-11-20', source: 'typed', daysLeft: -2, typed: '2026-11-20', signed: null })!;
    expect(() => requireExportable({ stops: [], warnings: [late], notes: [], completeness }, undefined)).toThrowError(expect.objectContaining({ code: 'EXPORT_REASON_REQUIRED' }) as Error);
    expect(requireExportable({ stops: [], warnings: [late], notes: [], completeness }, 'Gửi muộn vì mất điện').overrides).toEqual([{ code: 'DEADLINE_PASSED', reason: 'Gửi muộn vì mất điện' }]);
    const near = deadlineProblem({ year: 2026, date: '2026-11-24', source: 'signed', daysLeft: 2, typed: null, signed: '2026-11-24' })!;
    expect(near.severity).toBe('info');
    expect(requireExportable({ stops: [], warnings: [], notes: [near], completeness }, undefined).overrides).toEqual([]);
    expect(deadlineProblem(null)).toBeNull();
  });
});
