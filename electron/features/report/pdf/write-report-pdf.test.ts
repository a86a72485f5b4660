import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../../shared/report/report';
import { DOCUMENT_META, documentFixture } from '../../../../shared/report/document/test-fixture';
import { seed000 } from '../../../../shared/report/test-fixtures';
import type { PdfPrinter } from '../../../kernel/ports';
import { findChromium, headlessChromiumAvailable, headlessChromiumPrinter } from './headless-chromium';
import { testApp } from '../../../../test/helpers/app';
import { provinceSetup } from '../../../../test/helpers/context';
import { printReportPdf, reportPdfName, reportPrinter, writeReportPdf } from './write-report-pdf';

const report = () => buildReport(documentFixture(), { year: 2026, deadline: '2026-10-05' });
const has = (tool: string): boolean => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-report-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReportPdf', () => {
  it('prints the report document and writes the PDF atomically', async () => {
    const printed: string[] = [];
    const pdf: PdfPrinter = { fromHtml: async (html) => (printed.push(html), new TextEncoder().encode(`%PDF-1.7 ${html.length}`)) };
    const file = join(dir, reportPdfName(report()));
    expect(await writeReportPdf(pdf, report(), file, DOCUMENT_META)).toEqual({ path: file, bytes: expect.any(Number) });
    expect(file).toMatch(/bao-cao-chi-so-cchc-2026-tham-dinh\.pdf$/u);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('Sở Nội vụ tỉnh Thử Nghiệm');
    expect(readFileSync(file, 'latin1')).toBe(`%PDF-1.7 ${(printed[0] as string).length}`);
    expect(readdirSync(dir)).toEqual([reportPdfName(report())]);
  });

  it('leaves the previous file untouched and no temporary file when printing fails or returns no PDF', async () => {
    const file = join(dir, 'bao-cao.pdf');
    writeFileSync(file, 'the previous report');
    const failing: PdfPrinter = { fromHtml: async () => Promise.reject(new Error('printer gone')) };
    await expect(writeReportPdf(failing, report(), file)).rejects.toMatchObject({ code: 'PDF_FAILED' });
    const notPdf: PdfPrinter = { fromHtml: async () => new TextEncoder().encode('<html>') };
    await expect(writeReportPdf(notPdf, report(), file)).rejects.toMatchObject({ code: 'PDF_FAILED' });
    expect(readFileSync(file, 'utf8')).toBe('the previous report');
    expect(readdirSync(dir)).toEqual(['bao-cao.pdf']);
  });

  it('refuses with a write error, writing nothing, when the folder does not exist', async () => {
    const pdf: PdfPrinter = { fromHtml: async () => new TextEncoder().encode('%PDF-1.7') };
    await expect(writeReportPdf(pdf, report(), join(dir, 'missing', 'x.pdf'))).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
  });

  it('uses the runtime’s printer when it has one, headless Chromium otherwise', () => {
    const own: PdfPrinter = { fromHtml: async () => new Uint8Array() };
    expect(reportPrinter(own)).toBe(own);
    expect(reportPrinter(null)).not.toBe(own);
  });
});

describe('printReportPdf (the one line the CLI and the report screen call)', () => {
  it('heads the report with the unit set up and dates it today in Vietnam, printed with the app’s engine', async () => {
    const printed: string[] = [];
    const t = testApp(provinceSetup, { pdf: { fromHtml: async (html) => (printed.push(html), new TextEncoder().encode('%PDF-1.7')) } });
    try {
      t.clock.advance(9.5 * 3600 * 1000); // 2026-11-22T17:30Z is already the 23rd in Vietnam
      const file = join(dir, 'r.pdf');
      await printReportPdf(t.app, report(), file);
      expect(printed[0]).toContain('<td class="unit">Sở Nội vụ tỉnh Quảng Nam</td>');
      expect(printed[0]).toContain('ngày 23 tháng 11 năm 2026');
      expect(readFileSync(file, 'latin1')).toBe('%PDF-1.7');
    } finally {
      t.cleanup();
    }
  });

  it('refuses before printing where the unit is not set up', async () => {
    const t = testApp(undefined, { pdf: { fromHtml: async () => new TextEncoder().encode('%PDF-1.7') } });
    try {
      await expect(printReportPdf(t.app, report(), join(dir, 'r.pdf'))).rejects.toMatchObject({ code: 'NOT_SET_UP' });
      expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});

describe('the command line’s printer (headless Chromium)', () => {
  it('finds CHROMIUM_PATH first, then the usual places, else nothing', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome')).toBe('/opt/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/opt/missing' }, (p) => p !== '/opt/missing')).toBeNull();
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, () => false)).toBeNull();
  });

  it('refuses with PDF_ENGINE_MISSING, saying what is missing, without a browser or without playwright-core', async () => {
    const noBrowser = headlessChromiumPrinter({ env: { CHROMIUM_PATH: join(dir, 'no-chrome') } });
    await expect(noBrowser.fromHtml('<p>x</p>')).rejects.toMatchObject({ code: 'PDF_ENGINE_MISSING', details: { browser: 'missing' } });
    const noLibrary = headlessChromiumPrinter({ module: 'no-such-module-for-chiso' });
    await expect(noLibrary.fromHtml('<p>x</p>')).rejects.toMatchObject({ code: 'PDF_ENGINE_MISSING', details: { playwrightCore: 'missing' } });
    const file = join(dir, 'x.pdf');
    await expect(writeReportPdf(noBrowser, report(), file)).rejects.toMatchObject({ code: 'PDF_ENGINE_MISSING' });
    expect(existsSync(file)).toBe(false);
  });
});

const chromium = await headlessChromiumAvailable();
const poppler = has('pdftoppm') && has('pdftotext');
const OUT = join(fileURLToPath(new URL('../../../..', import.meta.url)), 'test-output', 'report-pdf');

describe.skipIf(!chromium || !poppler)('the report printed by Chromium (pages to PNG in test-output/report-pdf/)', () => {
  it('prints the fixture province on A4 with its figures, diacritics, group labels and page numbers', { timeout: 120_000 }, async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'fixture.pdf');
    await writeReportPdf(headlessChromiumPrinter(), report(), file, DOCUMENT_META);
    for (const f of readdirSync(OUT)) if (f.startsWith('fixture-') && f.endsWith('.png')) rmSync(join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'fixture')]);
    const pages = readdirSync(OUT).filter((f) => f.startsWith('fixture-') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/u);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('75,32%'); // the mean
    expect(text).toContain('Phường Hải Châu'); // the highest, with its diacritics
    expect(text).toContain('Đặc khu Lý Sơn');
    expect(text).toContain('Nhóm 2: từ 70% đến dưới 80%');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Trang 1/${pages.length}`);
    expect(text).toContain(`Trang ${pages.length}/${pages.length}`);
    // The running header (unit, year, basis) from page 2 on, not on the first page.
    const [first, second] = text.split('\f');
    expect(second).toContain('Sở Nội vụ tỉnh Thử Nghiệm · Chỉ số CCHC năm 2026 · theo chỉ số thẩm định');
    expect(first).not.toContain('· Chỉ số CCHC năm 2026 ·');
    // Every font the page uses is embedded (the glyphs print on any machine).
    const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/u);
  });

  it('prints seed 000 (22 units, 2016) with the recomputed figures', { timeout: 120_000 }, async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'seed-000.pdf');
    await writeReportPdf(headlessChromiumPrinter(), buildReport(seed000(), { year: 2016 }), file, { unitName: 'Phòng Nội vụ huyện Thăng Bình' });
    for (const f of readdirSync(OUT)) if (f.startsWith('seed-000-') && f.endsWith('.png')) rmSync(join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'seed-000')]);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    for (const s of ['76,01%', 'Bình Đào', '7,51 điểm %', '1,30 lần', 'Nhóm 1: từ 80% trở lên', 'Hà Lam']) expect(text).toContain(s);
  });
});
