/**
 * Text typed or loaded with CR, tabs or other control characters is normalised where it enters
 * (explanations, survey free text, evidence documents and file names, setup names), so the
 * export never refuses it (PAYLOAD_INVALID) and the package verifies.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommuneReport } from '../../../shared/package/envelope';
import { communeReportSchema } from '../../../shared/package/envelope';
import type { TestApp } from '../../../test/helpers/app';
import { testApp } from '../../../test/helpers/app';
import { tinyPdf } from '../../../test/helpers/assessment';
import { communeSetup } from '../../../test/helpers/context';
import { loadEntriesText } from '../assessment/entries-load';
import { finaliseAssessment, saveExplanation } from '../assessment/use-cases';
import { addEvidenceDocument, attachEvidence } from '../evidence/use-cases';
import { createKey } from '../keys/use-cases';
import { correctIdentity } from '../setup/use-cases';
import { answerSurvey, beginSurveyForm, saveSurveyForm } from '../survey/use-cases';
import { verifyPackageBytes } from '../verify/verify';
import { evidenceDocumentSchema } from '../../../shared/assessment/evidence';
import { exportPackage } from './use-cases';
import { withRequired } from '../../../test/helpers/survey';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const PASS = 'mật khẩu đủ dài 2026';
const DIRTY = 'Dòng một\r\nDòng hai\rba\tbốn\u0007\u001b[2J\u202e';

let s: TestApp;
let usb: string;
beforeEach(() => {
  s = testApp(communeSetup);
  usb = join(s.dir, 'usb');
  mkdirSync(usb);
  loadEntriesText(s.ctx, readFileSync(SAMPLE, 'utf8'));
});
afterEach(() => s.cleanup());

async function exported(): Promise<CommuneReport> {
  await s.app.perform(finaliseAssessment, undefined);
  await s.app.perform(createKey, { passphrase: PASS });
  const r = (await s.app.perform(exportPackage, { keyPassphrase: PASS, overrideReason: 'Thử bộ tiêu chí mẫu', folder: async () => usb }))!;
  const bytes = readFileSync(r.path);
  expect(verifyPackageBytes(bytes, { kind: 'self' })).toMatchObject({ ok: true });
  return communeReportSchema.parse((JSON.parse(bytes.toString('utf8')) as { payload: unknown }).payload);
}

describe('text normalised at entry', () => {
  it('an explanation: CRLF and CR become LF, a tab a space, controls and bidi overrides go', async () => {
    await s.app.perform(saveExplanation, { code: '1.1', text: DIRTY });
    const report = await exported();
    expect(report.items.find((i) => i.code === '1.1')!.explanation).toBe('Dòng một\nDòng hai\nba bốn[2J');
  }, 30_000);

  it('a survey free-text answer', async () => {
    const begun = await s.app.perform(beginSurveyForm, { formNo: '901', keyedBy: 'Nguyễn Thị Hoa', pass: 1 });
    await s.app.perform(answerSurvey, { formId: begun.form.id, pass: 1, code: 'C3', value: DIRTY });
    for (const [code, value] of Object.entries(withRequired())) if (code !== 'C3') await s.app.perform(answerSurvey, { formId: begun.form.id, pass: 1, code, value });
    await s.app.perform(saveSurveyForm, { formId: begun.form.id });
    const report = await exported();
    expect(report.questionnaires.find((q) => q.formNo === '901')!.answers['C3']).toBe('Dòng một\nDòng hai\nba bốn[2J');
  }, 30_000);

  it('an evidence document (one-line fields folded, the summary kept as prose) and a file name', async () => {
    const document = evidenceDocumentSchema.parse({ number: '15/KH-UBND\t\u200b', date: '2026-02-15', issuer: 'UBND\r\nxã', summary: DIRTY, locator: 'Mục II\u0000' });
    await s.app.perform(addEvidenceDocument, { code: '1.1', document });
    const path = join(s.dir, 'Biên bản\tkiểm tra\u0001.pdf');
    writeFileSync(path, tinyPdf());
    await s.app.perform(attachEvidence, { code: '1.1', paths: [path] });
    const item = (await exported()).items.find((i) => i.code === '1.1')!;
    expect(item.documents.at(-1)).toEqual({ number: '15/KH-UBND', date: '2026-02-15', issuer: 'UBND xã', summary: 'Dòng một\nDòng hai\nba bốn[2J', locator: 'Mục II' });
    expect(item.evidence.map((e) => e.name)).toContain('Biên bản kiểm tra.pdf');
  }, 30_000);

  it('setup names, typed at setup or in a correction', async () => {
    await s.app.perform(correctIdentity, { unitName: 'Xã\tBình\u200b Đào\r\n', officerName: 'Nguyễn\u0007 Thị Hoa' });
    const report = await exported();
    expect(report.issuer.communeName).toBe('Xã Bình Đào');
  }, 30_000);
});
