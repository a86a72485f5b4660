/**
 * The change log reads as sentences in the user's language: every audit row the commune's
 * year produces (entries, explanations, evidence, survey keying, finalising, reopening, setup
 * correction, key, export with an override) becomes a sentence without JSON or English keys.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceDocumentSchema } from '../../shared/assessment/evidence';
import { listAudit } from '../../electron/features/audit/audit-repo';
import { finaliseAssessment, reopenAssessment, saveEntry, saveExplanation } from '../../electron/features/assessment/use-cases';
import { addEvidenceDocument, attachEvidence } from '../../electron/features/evidence/use-cases';
import { exportPackage } from '../../electron/features/export/use-cases';
import { backUpKey, createKey } from '../../electron/features/keys/use-cases';
import { correctIdentity, writeSetting } from '../../electron/features/setup/use-cases';
import { setDeadline } from '../../electron/features/settings/use-cases';
import { answerSurvey, beginSurveyForm, saveSurveyForm } from '../../electron/features/survey/use-cases';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { auditSentence } from '../../renderer/src/features/audit/audit-sentence';
import { vi } from '../../renderer/src/i18n/vi';
import { en } from '../../renderer/src/i18n/en';
import type { TestApp } from '../helpers/app';
import { testApp } from '../helpers/app';
import { tinyPdf } from '../helpers/assessment';
import { communeSetup } from '../helpers/context';
import { withRequired } from '../helpers/survey';

const PASS = 'mật khẩu đủ dài 2026';
let s: TestApp;
beforeEach(() => (s = testApp(communeSetup)));
afterEach(() => s.cleanup());

async function aYear(): Promise<void> {
  const usb = join(s.dir, 'usb');
  mkdirSync(usb);
  loadEntriesText(s.ctx, readFileSync(new URL('../../docs/examples/sample-entries.json', import.meta.url), 'utf8'));
  await s.app.perform(saveEntry, { code: '1.2', entry: { input: { type: 'ratio', numerator: 9, denominator: 10 } } });
  await s.app.perform(saveExplanation, { code: '1.1', text: 'Năm nay không có kế hoạch riêng' });
  await s.app.perform(addEvidenceDocument, { code: '1.3', document: evidenceDocumentSchema.parse({ number: '15/KH-UBND', date: '2026-02-15', issuer: 'UBND xã', summary: 'Kế hoạch CCHC', locator: '' }) });
  const pdf = join(s.dir, 'Biên bản.pdf');
  writeFileSync(pdf, tinyPdf());
  await s.app.perform(attachEvidence, { code: '1.3', paths: [pdf] });
  const f = await s.app.perform(beginSurveyForm, { formNo: '901', keyedBy: 'Lê Văn Bình', pass: 1 });
  await s.app.perform(answerSurvey, { formId: f.form.id, pass: 1, code: 'C3', value: 'Cần nhanh hơn' });
  for (const [code, value] of Object.entries(withRequired())) if (code !== 'C3') await s.app.perform(answerSurvey, { formId: f.form.id, pass: 1, code, value });
  await s.app.perform(saveSurveyForm, { formId: f.form.id });
  await s.app.perform(writeSetting, { key: 'language', value: 'en' });
  await s.app.perform(finaliseAssessment, undefined);
  await s.app.perform(createKey, { passphrase: PASS });
  await s.app.perform(backUpKey, { keyPassphrase: PASS, backupPassphrase: 'sao lưu đủ dài 2026', folder: async () => usb });
  await s.app.perform(exportPackage, { keyPassphrase: PASS, overrideReason: 'Tỉnh chưa ban hành bộ tiêu chí', folder: async () => usb });
  await s.app.perform(reopenAssessment, { reason: 'Sửa mục 1.2' });
  await s.app.perform(correctIdentity, { unitCode: '26735', reason: 'Gõ nhầm mã xã' });
}

describe('the change log as sentences', () => {
  it('says every change in Vietnamese (and in English), never JSON nor an action code', async () => {
    await aYear();
    const rows = listAudit(s.ctx, { limit: 1000 });
    expect(rows.length).toBeGreaterThan(40);
    for (const [lang, catalogue] of [['vi', vi], ['en', en]] as const) {
      const name = (a: string) => (catalogue.audit.actions as Record<string, string>)[a] ?? catalogue.audit.otherAction;
      const lines = rows.map((r) => auditSentence(r, lang, name));
      for (const [i, line] of lines.entries()) {
        expect(line, rows[i]!.action).not.toMatch(/[{}[\]]|\b(?:assessment|evidence|survey|identity|framework|setting|key|package|enrolment|roster|rotation)\.[a-z]|undefined|null|NaN|\[object/u);
        expect(line.length, rows[i]!.action).toBeGreaterThan(5);
      }
      for (const r of rows) expect(name(r.action), `${lang}: no label for ${r.action}`).not.toBe(catalogue.audit.otherAction);
    }
    const vn = rows.map((r) => auditSentence(r, 'vi', (a) => a));
    expect(vn.some((l) => l.startsWith('Mục 1.2: ') && l.endsWith(' → 9/10'))).toBe(true);
    expect(vn).toContain('Mục 1.1: sửa giải trình thành “Năm nay không có kế hoạch riêng”');
    expect(vn).toContain('Mục 1.3: thêm tài liệu kiểm chứng 15/KH-UBND (UBND xã)');
    // A tier is named by its label from the framework when the screen has it, by its id otherwise.
    const tier = rows.find((r) => r.action === 'assessment.entry' && JSON.stringify(r.new).includes('"level"'))!;
    expect(auditSentence(tier, 'vi', (a) => a, () => 'Đầy đủ')).toMatch(/^Mục \S+: \(trống\) → “Đầy đủ”$/u);
    expect(auditSentence(tier, 'vi', (a) => a)).toMatch(/^Mục \S+: \(trống\) → mức \S+$/u);
    expect(vn).toContain('Mục 1.3: đính kèm tệp “Biên bản.pdf”');
    expect(vn).toContain('Phiếu 901, câu C3: (trống) → “Cần nhanh hơn”');
    expect(vn).toContain('Phiếu 901: lưu phiếu');
    expect(vn).toContain('Đổi cài đặt ngôn ngữ: (trống) → en');
    expect(vn).toContain('Chốt số liệu lần 1');
    expect(vn).toContain('Mở lại số liệu để sửa, lý do: “Sửa mục 1.2”');
    expect(vn).toContain('Xuất hồ sơ đã ký lần 1 (tệp CCHC-2026-26734-r1.json); vẫn gửi dù đang dùng bộ tiêu chí mẫu, lý do: “Tỉnh chưa ban hành bộ tiêu chí”');
    expect(vn).toContain('Sửa thông tin thiết lập: mã đơn vị 26734 → 26735; lý do: “Gõ nhầm mã xã”');
  }, 30_000);

  it('a typed deadline: the year, the date replaced and the new one; cleared', async () => {
    await s.app.perform(setDeadline, { date: '2026-12-15' });
    await s.app.perform(setDeadline, { date: '2026-12-20' });
    await s.app.perform(setDeadline, { date: null });
    await s.app.perform(setDeadline, { year: 2027, date: '2027-01-10' });
    const rows = listAudit(s.ctx, { limit: 100 }).filter((r) => r.action === 'settings.deadline').sort((a, b) => a.id - b.id);
    expect(rows.map((r) => auditSentence(r, 'vi', (a) => a))).toEqual([
      'Hạn gửi hồ sơ năm 2026: (chưa có) → 15/12/2026',
      'Hạn gửi hồ sơ năm 2026: 15/12/2026 → 20/12/2026',
      'Hạn gửi hồ sơ năm 2026: 20/12/2026 → (đã xóa)',
      'Hạn gửi hồ sơ năm 2027: (chưa có) → 10/01/2027',
    ]);
    expect(auditSentence(rows[1]!, 'en', (a) => a)).toBe('Submission deadline 2026: 15/12/2026 → 20/12/2026');
    // A row logged before the year was carried names it as its record's key.
    expect(auditSentence({ ...rows[1]!, old: { typed: '2026-12-15' }, new: { typed: '2026-12-20' } }, 'vi', (a) => a)).toBe('Hạn gửi hồ sơ năm 2026: 15/12/2026 → 20/12/2026');
  });
});
