import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { communeReportSchema } from '../../../shared/package/envelope';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { loadEntriesText } from '../assessment/entries-load';
import { finaliseAssessment, saveEntry } from '../assessment/use-cases';
import { createKey } from '../keys/use-cases';
import { verifyPackageBytes } from '../verify/verify';
import { exportPackage, packageCheck } from './use-cases';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const PASS = 'mật khẩu đủ dài 2026';

let s: TestApp;
let usb: string;
beforeEach(() => {
  s = testApp(communeSetup);
  usb = join(s.dir, 'usb');
  mkdirSync(usb);
});
afterEach(() => s.cleanup());

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);
const exportWith = (overrideReason?: string) =>
  s.app.perform(exportPackage, { keyPassphrase: PASS, folder: async () => usb, ...(overrideReason !== undefined ? { overrideReason } : {}) });

async function readyCommune(): Promise<void> {
  loadEntriesText(s.ctx, readFileSync(SAMPLE, 'utf8'));
  await s.app.perform(finaliseAssessment, undefined);
  await s.app.perform(createKey, { passphrase: PASS });
}

describe('the pre-export check', () => {
  it('a fresh commune: stops for no finalising, no key and every required item; the sample framework is a warning', async () => {
    const c = await s.app.perform(packageCheck, undefined);
    expect(codes(c.stops).slice(0, 2)).toEqual(['NOT_FINALISED', 'NO_KEY']);
    const missing = c.stops.filter((p) => p.code === 'REQUIRED_MISSING');
    expect(missing.length).toBe(c.completeness.items.required);
    expect(missing[0]!.message).toMatch(/^Mục \S+ là tiêu chí thành phần bắt buộc/u);
    expect(codes(c.warnings)).toContain('SAMPLE_FRAMEWORK');
    expect(c.completeness.items).toMatchObject({ entered: 0, requiredEntered: 0 });
  }, 30_000);

  it('an entry with a hard error is a stop naming the item', async () => {
    loadEntriesText(s.ctx, readFileSync(SAMPLE, 'utf8'));
    // Item 1.2 is a ratio: more tasks done than planned is refused by the engine.
    await s.app.perform(saveEntry, { code: '1.2', entry: { input: { type: 'ratio', numerator: 12, denominator: 10 } } });
    const c = await s.app.perform(packageCheck, undefined);
    expect(c.stops.find((p) => p.code === 'ENTRY_ERROR')).toMatchObject({ itemCode: '1.2', message: expect.stringMatching(/^Mục 1\.2: /u) as unknown });
  }, 30_000);

  it('export is refused with EXPORT_BLOCKED while a stop remains, with the problems; nothing is written', async () => {
    await s.app.perform(createKey, { passphrase: PASS });
    let err: AppError | undefined;
    try {
      await exportWith('Bộ tiêu chí của tỉnh chưa ban hành');
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('EXPORT_BLOCKED');
    expect(codes(err!.details!['problems'] as { code: string }[])).toContain('NOT_FINALISED');
    expect(listAudit(s.ctx, { entity: 'package' })).toEqual([]);
  }, 30_000);

  it('warnings need a reason of at least five characters; the reason is logged and carried in the package', async () => {
    await readyCommune();
    const c = await s.app.perform(packageCheck, undefined);
    expect(c.stops).toEqual([]);
    expect(await refusal(exportWith())).toBe('EXPORT_REASON_REQUIRED');
    expect(await refusal(exportWith('  ok \t'))).toBe('EXPORT_REASON_REQUIRED');
    const r = (await exportWith('Tỉnh chưa ban hành\r\nbộ tiêu chí năm 2026'))!;
    const payload = (JSON.parse(readFileSync(r.path, 'utf8')) as { payload: unknown }).payload;
    const report = communeReportSchema.parse(payload);
    expect(report.completeness).toEqual({
      items: c.completeness.items,
      forms: c.completeness.forms,
      overrides: c.warnings.map((w) => ({ code: w.code, reason: 'Tỉnh chưa ban hành\nbộ tiêu chí năm 2026' })),
    });
    expect(report.completeness!.items.requiredEntered).toBe(report.completeness!.items.required);
    expect(verifyPackageBytes(readFileSync(r.path), { kind: 'self' })).toMatchObject({ ok: true });
    expect(listAudit(s.ctx, { entity: 'package' })[0]!.new).toMatchObject({ overrides: [{ code: 'SAMPLE_FRAMEWORK', reason: 'Tỉnh chưa ban hành\nbộ tiêu chí năm 2026' }] });
  }, 30_000);

  it('a package without the completeness block (earlier versions) is still valid', async () => {
    await readyCommune();
    const r = (await exportWith('Dùng bộ mẫu để thử'))!;
    const payload = (JSON.parse(readFileSync(r.path, 'utf8')) as { payload: Record<string, unknown> }).payload;
    delete payload['completeness'];
    expect(communeReportSchema.safeParse(payload).success).toBe(true);
  }, 30_000);
});
