/**
 * Text from outside never runs as a formula in a file the app exports for a spreadsheet: in CSV a
 * cell starting with = + - @ TAB CR gets an apostrophe first; in xlsx every text is a string
 * value, never a formula. Checked on the helper (property) and through the exports that carry
 * outside text: the ranking (commune names) as CSV and xlsx through their use cases, the import
 * log (file names, as a hostile USB stick names them) as CSV and xlsx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app';
import { provinceSetup } from '../helpers/context';
import { addCommunes } from '../fixtures/report-store';
import { importLogCsv, importLogXlsx, type ImportLogRow } from '../../electron/features/import/import-log';
import { exportReportCsv, exportReportXlsx } from '../../electron/features/report/use-cases';
import { communeStore } from '../helpers/assessment';
import { setExplanation } from '../../electron/features/assessment/assessment';
import { assessmentSnapshot } from '../../electron/features/assessment/snapshot';
import { summaryData } from '../../electron/features/assessment/summary-model';
import { summaryXlsx } from '../../electron/features/assessment/summary-xlsx';
import { activeFramework } from '../../electron/features/framework/active';
import { requireIdentity } from '../../electron/features/setup/identity';
import { csvField, neutraliseFormula } from '../../electron/kernel/files/spreadsheet-text';

const HOSTILE = ["=cmd|' /C calc'!A0", '+1+cmd|calc', '-2+3', '@SUM(1+1)*cmd|calc', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x","bấm")'];
const STARTS_AS_FORMULA = /^[=+\-@\t\r]/u;

/** Every cell of every worksheet's XML in an xlsx: no formula element anywhere. */
function sheetXml(xlsx: Buffer): string {
  let out = '';
  for (let at = 0; at + 30 < xlsx.length; ) {
    if (xlsx.readUInt32LE(at) !== 0x04034b50) break;
    const method = xlsx.readUInt16LE(at + 8);
    const size = xlsx.readUInt32LE(at + 18);
    const nameLen = xlsx.readUInt16LE(at + 26);
    const extra = xlsx.readUInt16LE(at + 28);
    const name = xlsx.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = xlsx.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    if (/^xl\/worksheets\/.*\.xml$/u.test(name)) out += (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 30 + nameLen + extra + size;
  }
  return out;
}

async function textCells(xlsx: Buffer): Promise<{ type: ExcelJS.ValueType; value: unknown }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const cells: { type: ExcelJS.ValueType; value: unknown }[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push({ type: c.type, value: c.value })));
  return cells;
}

describe('the helper', () => {
  it('a CSV field read back by a CSV reader is the text, never starting as a formula unless behind an apostrophe', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string().map((s) => `=${s}`)), fc.boolean(), (text, quoteAll) => {
        const field = csvField(text, { quoteAll });
        const back = Papa.parse<string[]>(`${field},x`, { delimiter: ',' }).data[0]!;
        expect(back[0]).toBe(neutraliseFormula(text));
        expect(back[1]).toBe('x');
        if (STARTS_AS_FORMULA.test(text)) expect(back[0]).toBe(`'${text}`);
        else expect(back[0]).toBe(text);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });
  it('numbers and null are written as numbers and nothing', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(1.5, { decimals: 2 })).toBe('1.50');
    expect(csvField(null)).toBe('');
  });
});

describe('the ranking, through its use cases', () => {
  let t: TestApp;
  beforeEach(() => {
    t = testApp(provinceSetup);
    // Names as they could come in a roster file or a package: stored straight in the roster.
    addCommunes(t.ctx.db, HOSTILE.map((name, i) => ({ code: String(10001 + i).padStart(5, '0'), name, packages: [{ year: 2026, index: 6000 + i * 100 }] })));
  });
  afterEach(() => t.cleanup());

  it('CSV: every hostile name behind an apostrophe, no cell starting as a formula', async () => {
    const file = join(t.dir, 'xep-hang.csv');
    await t.app.perform(exportReportCsv, { year: 2026, basis: 'self', types: null, path: async () => file });
    const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/u, ''), { skipEmptyLines: true, delimiter: ',' }).data;
    const cells = rows.flat();
    // The report trims a name's white space (a leading tab goes); what is left is behind an apostrophe.
    for (const name of HOSTILE) expect(cells).toContain(`'${name.trim()}`);
    for (const c of cells) expect(c, c).not.toMatch(STARTS_AS_FORMULA);
  });

  it('xlsx: every hostile name a string cell, no formula in any sheet', async () => {
    const file = join(t.dir, 'xep-hang.xlsx');
    await t.app.perform(exportReportXlsx, { year: 2026, basis: 'self', types: null, path: async () => file });
    const bytes = readFileSync(file);
    expect(sheetXml(bytes)).not.toMatch(/<f[ >]/u);
    const cells = await textCells(bytes);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const name of HOSTILE) expect(cells.some((c) => c.type === ExcelJS.ValueType.String && String(c.value).endsWith(name.trim())), name).toBe(true);
  });
});

describe('the import log', () => {
  const rows: ImportLogRow[] = HOSTILE.map((h, i) => ({
    at: '2026-11-22T08:00:00.000Z', actor: h, file: `${h}.json`, outcome: 'refused', code: 'NOT_JSON', commune: null, communeName: h, year: 2026, revision: i, sha256: null,
  }));
  it('CSV: no cell starts as a formula; the names read back behind an apostrophe', () => {
    const text = new TextDecoder().decode(importLogCsv(rows)).replace(/^\uFEFF/u, '');
    const cells = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: ',' }).data.flat();
    for (const c of cells) expect(c, c).not.toMatch(STARTS_AS_FORMULA);
    for (const h of HOSTILE) expect(cells).toContain(`'${h}.json`);
  });
  it('xlsx: string cells only, no formula', async () => {
    const bytes = Buffer.from(await importLogXlsx(rows));
    expect(sheetXml(bytes)).not.toMatch(/<f[ >]/u);
    const cells = await textCells(bytes);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const c of cells) if (typeof c.value === 'string') expect(c.value).not.toMatch(STARTS_AS_FORMULA);
  });
});

describe("the commune's printed summary (xlsx)", () => {
  it('an explanation typed as a formula is a string cell, no formula in the sheet', async () => {
    const s = communeStore();
    try {
      setExplanation(s.ctx, activeFramework(s.ctx), '1.1', HOSTILE[0]!);
      const bytes = Buffer.from(await summaryXlsx(summaryData(requireIdentity(s.ctx), assessmentSnapshot(s.ctx))));
      expect(sheetXml(bytes)).not.toMatch(/<f[ >]/u);
      const cells = await textCells(bytes);
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
      expect(cells.some((c) => c.type === ExcelJS.ValueType.String && c.value === HOSTILE[0])).toBe(true);
    } finally {
      s.cleanup();
    }
  });
});
