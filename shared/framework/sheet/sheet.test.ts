/**
 * The spreadsheet layout: a framework written to rows and read back is the same framework, key
 * for key (so the same SHA-256), for the sample and every example; and every problem, the
 * reader's or the validator's, is placed on its sheet, row and column.
 */
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleFramework } from '../sample';
import type { Framework } from '../schema';
import { parseFramework } from '../validate';
import type { SheetData } from './layout';
import { SHEET } from './layout';
import { parseFrameworkSheets, readFrameworkSheets } from './read';
import { frameworkToSheets } from './write';

function parsed(json: unknown): Framework {
  const r = parseFramework(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.framework;
}
const example = (name: string): Framework => parsed(JSON.parse(readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8')));
const sheet = (sheets: SheetData[], name: string): SheetData => sheets.find((s) => s.name === name)!;
/** The row (1-based, as Excel numbers it) whose column `col` (0-based) holds `text`. */
const rowOf = (s: SheetData, col: number, text: string): number => s.rows.findIndex((r) => r[col] === text) + 1;

describe('framework ↔ sheets', () => {
  const frameworks: [string, Framework][] = [
    ['the sample', parsed(sampleFramework)],
    ...['nam-dinh-2020.json', 'minh-hoa-chi-dao-dieu-hanh.json', 'tuyen-quang-2021-dieu-tra-xa-hoi-hoc.json', 'qd-766-2022-muc-do-hai-long.json'].map((n) => [n, example(n)] as [string, Framework]),
    ['the sample before unit-type variants', parsed(JSON.parse(readFileSync(new URL('../fixtures/sample-framework-before-variants.json', import.meta.url), 'utf8')))],
  ];
  it.each(frameworks)('%s reads back to the same framework, key for key', (_name, fw) => {
    const r = parseFrameworkSheets(frameworkToSheets(fw));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (r.ok) expect(canonicalize(r.framework)).toBe(canonicalize(fw));
  });

  it('any text a person may type in a cell survives the trip (property)', () => {
    const line = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\r\n]/gu, ' ').normalize('NFC').trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(line, line, fc.array(line, { maxLength: 3 }), fc.option(line, { nil: undefined }), fc.integer({ min: -500, max: 0 }), (title, scoring, evidence, numbering, notDone) => {
        const fw = structuredClone(parsed(sampleFramework));
        const item = fw.fields[0]!.criteria[0]!.items[0]!;
        item.title = title;
        item.scoringText = scoring;
        item.evidence = evidence;
        if (numbering === undefined) delete item.numbering;
        else item.numbering = numbering;
        item.rule = { type: 'binary', notDonePoints: notDone };
        fw.fields[1]!.title = title;
        const back = readFrameworkSheets(frameworkToSheets(fw));
        expect(back.places.issues).toEqual([]);
        expect(canonicalize(back.json)).toBe(canonicalize(fw));
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('problems by sheet, row and column', () => {
  const fw = parsed(sampleFramework);

  it('a field maximum that is not the sum of its items is shown on the field row, column Điểm tối đa', () => {
    const sheets = frameworkToSheets(fw);
    const tree = sheet(sheets, SHEET.tree);
    const row = tree.rows.findIndex((r) => r[0] === 'Lĩnh vực' && r[1] === '1');
    tree.rows[row]![4] = 99;
    const r = parseFrameworkSheets(sheets);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.tree, row: row + 1, column: 'E', header: 'Điểm tối đa', path: 'fields[0].maxPoints' }));
  });

  it('a text where points go, an unknown level and a cell the rule does not use are reported by the reader', () => {
    const sheets = frameworkToSheets(fw);
    const tree = sheet(sheets, SHEET.tree);
    const item = rowOf(tree, 1, '1.2');
    const lastItem = tree.rows.findLastIndex((r) => r[0] === 'Thành phần' && r[1] === '1.2');
    tree.rows[lastItem]![4] = '2,5x';
    tree.rows[lastItem]![12] = 'thừa'; // "Nhãn số liệu" on a binary/ratio row: used by ratio, so take another
    const field2 = tree.rows.findIndex((r) => r[0] === 'Lĩnh vực' && r[1] === '2');
    tree.rows[field2]![0] = 'Lĩnh vưc';
    const r = parseFrameworkSheets(sheets);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(item).toBeGreaterThan(1);
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.tree, row: lastItem + 1, column: 'E', message: expect.stringContaining('không phải là số') as string }));
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.tree, row: field2 + 1, column: 'A', message: expect.stringContaining('Cấp "Lĩnh vưc" không hợp lệ') as string }));
  });

  it('a weight above 100% is shown on its option row', () => {
    const sheets = frameworkToSheets(fw);
    const survey = sheet(sheets, SHEET.survey);
    const opt = survey.rows.findIndex((r, i) => i > 0 && typeof r[9] === 'number');
    survey.rows[opt]![9] = 120;
    const r = parseFrameworkSheets(sheets);
    expect(r.ok ? [] : r.issues).toEqual([expect.objectContaining({ sheet: SHEET.survey, row: opt + 1, column: 'J', header: 'Trọng số (%)', message: 'Trọng số không được vượt 10000 (100%).' })]);
  });

  it('bands that leave a gap and a survey item fed by no question, each at its cell', () => {
    const sheets = frameworkToSheets(fw);
    const groups = sheet(sheets, SHEET.groups);
    const last = groups.rows.findLastIndex((r) => r[3] === null);
    groups.rows[last]![2] = 10; // the last common group no longer starts at 0
    const survey = sheet(sheets, SHEET.survey);
    const fed = survey.rows.find((r, i) => i > 0 && typeof r[6] === 'string')![6] as string;
    for (const r of survey.rows) if (r[6] === fed) r[6] = null;
    const r = parseFrameworkSheets(sheets);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.groups, row: last + 1, column: 'C' }));
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.survey, row: 1, message: `Tiêu chí thành phần ${fed} chấm theo phiếu khảo sát nhưng không có câu hỏi nào tính điểm cho nó.` }));
  });

  it('a duplicate code is shown on the row that repeats it; a missing sheet is named', () => {
    const sheets = frameworkToSheets(fw);
    const tree = sheet(sheets, SHEET.tree);
    const a = tree.rows.findIndex((r) => r[0] === 'Lĩnh vực' && r[1] === '2');
    tree.rows[a]![1] = '1';
    const r = parseFrameworkSheets(sheets);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.sheet === SHEET.tree && i.row === a + 1 && i.column === 'B')).toBe(true);
    const missing = parseFrameworkSheets(frameworkToSheets(fw).filter((s) => s.name !== SHEET.groups));
    expect(missing.ok ? [] : missing.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.groups, row: 1, message: `Thiếu trang "${SHEET.groups}".` }));
  });
});
