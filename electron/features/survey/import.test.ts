import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../../shared/framework/sample';
import { allQuestions } from '../../../shared/scoring/survey';
import { communeSetup, freshStore, parsedSetup } from '../../../test/helpers/context';
import { withRequired } from '../../../test/helpers/survey';
import { completeSetup } from '../setup/identity';
import { readSurveyFile, rowsFromCsv } from './survey-file';

/** Read a file and import its rows, as the channel and the command do. */
const importSurveyFile = async (ctx: Parameters<typeof importSurveyRows>[0], path: string) => importSurveyRows(ctx, await readSurveyFile(path));
import { applySurveySection, importSurveyRows, validateSurveySection } from './import';
import { beginForm, listForms, saveForm, setAnswer } from './keying';
import { writeSurveyTemplate } from './template';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLE_JSON = join(ROOT, 'docs/examples/sample-survey-forms.json');
const EXAMPLE_CSV = join(ROOT, 'docs/examples/sample-survey-forms.csv');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function store() {
  const s = freshStore();
  cleanups.push(s.cleanup);
  completeSetup(s.ctx, parsedSetup(communeSetup));
  return s;
}

const codes = allQuestions(sampleFramework.survey!).map((q) => q.code);
const header = ['so_phieu', ...codes].join(',');
const good = (no: string) => [no, ...codes.map((c) => (c === 'TT5' ? '30/09/2026' : c === 'C2' ? '2' : c === 'C3' ? 'Tốt' : '1'))].join(',');

describe('example questionnaires', () => {
  it('the JSON example is valid, has at least 20 forms, and the CSV says the same', async () => {
    const text = readFileSync(EXAMPLE_JSON, 'utf8');
    const parsed = validateSurveySection(sampleFramework, JSON.parse(text), text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.forms.length).toBeGreaterThanOrEqual(20);
    const { validateRows } = await import('./import');
    const csv = validateRows(sampleFramework, await readSurveyFile(EXAMPLE_CSV));
    expect(csv.issues).toEqual([]);
    expect(csv.forms.map(({ formNo, answers }) => ({ formNo, answers }))).toEqual(parsed.forms.map(({ formNo, answers }) => ({ formNo, answers })));
  });
});

describe('validateSurveySection', () => {
  it('reports each bad form with its JSON line and reason', () => {
    const text = JSON.stringify(
      { forms: [{ formNo: '1', answers: { A1: '7' } }, { formNo: '01', answers: { A1: '1' } }, { formNo: '', answers: {} }] },
      null,
      2,
    );
    const parsed = validateSurveySection(sampleFramework, JSON.parse(text), text);
    const lines = parsed.issues.map((i) => i.line);
    expect(parsed.issues.some((i) => /A1: "7" không phải phương án/u.test(i.message) && i.line === 4)).toBe(true);
    expect(parsed.issues.some((i) => /trùng với phiếu ở dòng 4/u.test(i.message))).toBe(true);
    expect(parsed.issues.some((i) => i.message === 'thiếu số phiếu')).toBe(true);
    expect(lines.every((l) => typeof l === 'number')).toBe(true);
  });
});

describe('import from a spreadsheet', () => {
  it('refuses a CSV with bad rows, listing every line and reason, and imports nothing', async () => {
    const { ctx, dir } = store();
    const saved = beginForm(ctx, { formNo: '3', keyedBy: 'Hoa' });
    for (const [code, value] of Object.entries(withRequired())) setAnswer(ctx, { formId: saved.form.id, pass: 1, code, value });
    saveForm(ctx, saved.form.id);
    const bad = [header, good('1'), good('2').replace(/^2,1,/u, '2,9,'), good('3'), good('1'), good('4').replace(',1,1,1,1,', ',1,,1,1,')].join('\n');
    const file = join(dir, 'phieu.csv');
    writeFileSync(file, bad);
    const err = await importSurveyFile(ctx, file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SURVEY_IMPORT_INVALID' });
    const issues = (err as { details: { issues: { path: string; message: string }[] } }).details.issues;
    expect(issues.map((i) => i.path)).toEqual(['dòng 3', 'dòng 4', 'dòng 5', 'dòng 6']);
    expect(issues[0]?.message).toMatch(/TT1: "9" không phải phương án/u);
    expect(issues[1]?.message).toMatch(/đã có trong dữ liệu/u);
    expect(issues[2]?.message).toMatch(/trùng với phiếu ở dòng 2/u);
    expect(issues[3]?.message).toMatch(/thiếu câu trả lời bắt buộc/u);
    expect(listForms(ctx)).toHaveLength(1);
  });

  it('imports a corrected file in one go, and the template round-trips through xlsx', async () => {
    const { ctx, dir } = store();
    const template = join(dir, 'mau.xlsx');
    await writeSurveyTemplate(sampleFramework.survey!, template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phieu', 'Huong_dan']);
    const sheet = wb.getWorksheet('Phieu')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'so_phieu', ...codes]);
    const values = good('15').split(',');
    sheet.addRow(values.map((v, i) => (codes[i - 1] === 'TT5' ? new Date(Date.UTC(2026, 8, 30)) : v)));
    await wb.xlsx.writeFile(template);
    expect(await importSurveyFile(ctx, template)).toEqual({ imported: 1 });
    const [form] = listForms(ctx);
    expect(form).toMatchObject({ formNo: '15', source: 'import', status: 'saved', blankRequired: 0 });
  });

  it('applySurveySection refuses numbers already in the store (inside the caller transaction)', () => {
    const { ctx, db } = store();
    const parsed = validateSurveySection(sampleFramework, JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8')));
    expect(db.transaction(() => applySurveySection(ctx, parsed))()).toBe(parsed.forms.length);
    expect(() => db.transaction(() => applySurveySection(ctx, parsed))()).toThrowError(expect.objectContaining({ code: 'SURVEY_IMPORT_INVALID' }) as Error);
    expect(listForms(ctx)).toHaveLength(parsed.forms.length);
  });

  it('reports a missing form-number column', () => {
    expect(rowsFromCsv('A1,A2\n1,2').issues[0]?.message).toMatch(/so_phieu/u);
  });
});
