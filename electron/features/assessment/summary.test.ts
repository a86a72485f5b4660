import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeStore } from '../../../test/helpers/assessment';
import type { TestStore } from '../../../test/helpers/context';
import { activeFramework } from '../framework/active';
import { setExplanation } from './assessment';
import { assessmentSnapshot } from './snapshot';
import { loadEntriesText } from './entries-load';
import { requireIdentity } from '../setup/identity';
import { summaryHtml } from './summary-html';
import { summaryData } from './summary-model';
import { summaryXlsx } from './summary-xlsx';

const SAMPLE = readFileSync(fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url)), 'utf8');
let s: TestStore;
beforeEach(() => {
  s = communeStore();
  loadEntriesText(s.ctx, SAMPLE);
});
afterEach(() => s.cleanup());

describe('summary', () => {
  it('HTML: every item, totals, index, group, signature block; text is escaped', () => {
    setExplanation(s.ctx, activeFramework(s.ctx), '1.7', 'Chưa có sáng kiến <script>alert(1)</script> & "trích dẫn"');
    const d = summaryData(requireIdentity(s.ctx), assessmentSnapshot(s.ctx));
    const html = summaryHtml(d);
    for (const code of ['1.1', '3.3', '8.2.4', '9.4']) expect(html).toContain(`<td class="code">${code}</td>`);
    expect(html).toContain('data-total>58,72<');
    expect(html).toContain('Nhóm 4: dưới 60%');
    expect(html).toContain('NGƯỜI LẬP BIỂU');
    // Nghị định 30/2020/NĐ-CP: the place without its kind, the collective's signature block.
    expect(html).toContain('<i>Bình Đào, ngày ..... tháng ..... năm 2026</i>');
    expect(html).toContain('<b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b>');
    expect(html).toContain('Chưa có dữ liệu điều tra');
    // No survey yet: the index is provisional, and the line beside it reproduces it.
    expect(html).toContain('(tạm tính: chưa đủ phiếu điều tra)');
    expect(html).toMatch(/data-breakdown>Cách tính: tự đánh giá 58,72\/\d+,\d\d \+ điều tra 0,00\/30,00 .*→ chỉ số \d+,\d\d% · Nhóm 4: dưới 60% \(tạm tính\)</u);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('xlsx: real numbers with a 2-decimal format, bold totals, A4', async () => {
    const d = summaryData(requireIdentity(s.ctx), assessmentSnapshot(s.ctx));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await summaryXlsx(d)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.paperSize).toBe(9);
    let total: ExcelJS.Row | undefined;
    let item33: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng điểm các lĩnh vực') total = row;
      if (row.getCell(1).value === '3.3') item33 = row;
    });
    expect(total?.getCell(4).value).toBe(58.72);
    expect(total?.getCell(4).numFmt).toBe('#,##0.00');
    expect(total?.getCell(2).font?.bold).toBe(true);
    expect(item33?.getCell(3).value).toBe(4);
    expect(item33?.getCell(4).value).toBe(2);
    expect(item33?.getCell(4).border?.top?.style).toBe('thin');
  });
});
