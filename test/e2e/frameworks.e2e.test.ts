/**
 * Frameworks as signed data in Chromium. The reviewing unit downloads the spreadsheet template,
 * imports a workbook with one deliberate error (shown by sheet, row and column), then the fixed
 * one; reviews it, compares it with the sample, publishes it signed. The commune, enrolled with
 * that unit, refuses a tampered copy with its sentence and applies the signed file. Screenshots
 * at 1280 px and at 1093×614.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptEnrolmentApproval, prepareEnrolmentRequest, recordEnrolmentRequest } from '../../electron/features/enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../../electron/features/enrolment/reviewer-enrolment';
import { frameworkWorkbookBytes } from '../../electron/features/framework/xlsx';
import { createKey, unlockKey } from '../../electron/features/keys/keys';
import { completeSetup } from '../../electron/features/setup/identity';
import { sampleFramework } from '../../shared/framework/sample';
import type { Framework } from '../../shared/framework/schema';
import { parseFramework } from '../../shared/framework/validate';
import { communeSetup, parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { Harness, SCREENSHOTS } from './harness';
import { HomePage } from './pages/home-page';
import { FrameworksPage, SignedFrameworkPage } from './pages/frameworks-page';

const PASS = 'mật khẩu thử nghiệm 2026';

async function smallScreen(page: Page, testId: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'frameworks', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

function quangNam(): Framework {
  const r = parseFramework({
    ...structuredClone(sampleFramework), id: 'quang-nam-cap-xa-2026', sample: false, title: 'Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026',
    province: { code: '49', name: 'Quảng Nam' }, year: 2026, issuedBy: 'UBND tỉnh Quảng Nam',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  // The province renumbers criterion 1.8 as 1.9: something to compare, an entry left behind.
  const fw = r.framework;
  const c18 = fw.fields[0]!.criteria.find((c) => c.code === '1.8')!;
  c18.code = '1.9';
  c18.items[0]!.code = '1.9';
  return fw;
}

describe('frameworks: author, review, publish (reviewer); import signed (commune)', () => {
  const h = new Harness('frameworks');
  let so: AppSession;
  let xa: AppSession;
  beforeAll(() => h.start());
  afterAll(async () => {
    await so?.close();
    await xa?.close();
    await h.stop();
  });

  it('authors from the spreadsheet, reviews, compares, publishes; the commune imports it', async () => {
    so = await h.open();
    const soCtx = so.runtime.app.ctx;
    completeSetup(soCtx, parsedSetup(provinceSetup));
    await createKey(soCtx, so.runtime.app.keys, PASS);
    const qn = quangNam();
    const bad = structuredClone(qn);
    bad.fields[0]!.maxPoints = 950;
    writeFileSync(join(h.dataDir, 'qn-loi.xlsx'), await frameworkWorkbookBytes(bad));
    writeFileSync(join(h.dataDir, 'qn.xlsx'), await frameworkWorkbookBytes(qn));
    const out = join(h.dataDir, 'usb');
    mkdirSync(out);

    await so.page.reload();
    await new HomePage(so.page).waitFor('reviewer');
    const screen = new FrameworksPage(so.page);
    await screen.open();

    const template = join(h.dataDir, 'mau.xlsx');
    so.dialogs.saveAnswers.push(template);
    await screen.downloadTemplate();
    await screen.notice().waitFor();
    expect(await screen.notice().textContent()).toContain('Đã lưu bảng tính mẫu');
    expect(existsSync(template)).toBe(true);

    so.dialogs.openAnswers.push(join(h.dataDir, 'qn-loi.xlsx'));
    await screen.chooseFile();
    await screen.problems().waitFor();
    expect(await screen.problems().getByRole('alert').textContent()).toContain('1 lỗi trong qn-loi.xlsx');
    expect(await screen.problemRows()).toEqual([['Cấu trúc, dòng 2, cột E (Điểm tối đa)', 'Lĩnh vực 1 khai điểm tối đa 9,50 nhưng tổng các tiêu chí là 9,00.']]);
    await so.shot('problems');
    await smallScreen(so.page, 'fw-problems', 'problems-1093x614');

    so.dialogs.openAnswers.push(join(h.dataDir, 'qn.xlsx'));
    await screen.chooseFile();
    await screen.valid().waitFor();
    await screen.install();
    await screen.notice().waitFor();
    expect(await screen.notice().textContent()).toBe('Đã thêm “Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026” phiên bản 1.0.');
    await screen.review().waitFor();
    expect(await so.page.getByTestId('framework-tree').locator('tr[data-code="3.3"]').textContent()).toContain('theo khoảng tỷ lệ');
    await screen.compareWith('mau-tham-khao-cap-xa', '1.0');
    expect(await screen.compareSummary().textContent()).toBe('1 mới · 1 bỏ · 0 chuyển chỗ · 0 thay đổi · 52 giữ nguyên');
    expect(await screen.compareRows('added')).toEqual(['1.9']);
    expect(await screen.compareRows('removed')).toEqual(['1.8']);
    await so.shot('review-compare');
    await smallScreen(so.page, 'fw-review', 'review-1093x614');

    so.dialogs.folderAnswers.push(out);
    await screen.publish(PASS);
    await screen.published().waitFor();
    expect(await screen.published().textContent()).toContain('CCHC-FRAMEWORK-49-2026-quang-nam-cap-xa-2026-v1.0.json');
    const file = join(out, 'CCHC-FRAMEWORK-49-2026-quang-nam-cap-xa-2026-v1.0.json');
    expect(existsSync(file)).toBe(true);
    await so.shot('published');
    await smallScreen(so.page, 'fw-publish', 'published-1093x614');

    // The commune, enrolled with this reviewing unit (its key pinned after the paper check).
    xa = await h.open({ dbPath: join(h.dataDir, 'xa.sqlite') });
    const xaCtx = xa.runtime.app.ctx;
    completeSetup(xaCtx, parsedSetup(communeSetup));
    await createKey(xaCtx, xa.runtime.app.keys, PASS);
    const { record } = prepareEnrolmentRequest(xaCtx, await unlockKey(xa.runtime.app.keys, PASS), { appVersion: '0.1.0' });
    recordEnrolmentRequest(xaCtx, record);
    const { approvalText } = approveEnrolmentRequest(soCtx, record.text, await unlockKey(so.runtime.app.keys, PASS));
    acceptEnrolmentApproval(xaCtx, approvalText, { fingerprint: so.runtime.app.keys.status()!.fingerprint });

    const ref = (xaCtx.db.prepare('SELECT framework_ref AS ref FROM identity').get() as { ref: number }).ref;
    for (const code of ['1.1', '1.8']) {
      xaCtx.db.prepare(`INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by) VALUES (?, ?, '{"input":{"type":"binary","done":true}}', NULL, 'now', 'tester')`).run(ref, code);
    }
    await xa.page.reload();
    await new HomePage(xa.page).waitFor('commune');
    const signed = new SignedFrameworkPage(xa.page);
    await signed.open();
    const tampered = join(out, 'sua.json');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('Quảng Nam năm 2026', 'Quảng Nam năm 2025'));
    xa.dialogs.openAnswers.push(tampered);
    await signed.choose();
    await signed.alert().waitFor();
    expect(await signed.alert().textContent()).toContain('Tệp bộ tiêu chí có chữ ký bị hỏng hoặc đã bị sửa sau khi ký nên không được nạp.');
    await xa.shot('commune-refused');
    await smallScreen(xa.page, 'signed-import', 'commune-refused-1093x614');

    xa.dialogs.openAnswers.push(file);
    await signed.choose();
    await signed.preview().waitFor();
    expect(await signed.preview().textContent()).toContain('Ký bởi Sở Nội vụ tỉnh Quảng Nam (49)');
    expect(await signed.preview().textContent()).toContain('Số liệu của 1 tiêu chí sẽ được chuyển sang.');
    expect(await xa.page.getByTestId('signed-dropped').textContent()).toBe('1.8 không còn trong bộ mới');
    expect(await signed.preview().getByTestId('compare-summary').textContent()).toBe('1 mới · 1 bỏ · 0 chuyển chỗ · 0 thay đổi · 52 giữ nguyên');
    await xa.shot('commune-preview');
    await smallScreen(xa.page, 'signed-preview', 'commune-preview-1093x614');
    await signed.apply();
    await signed.done().waitFor();
    expect(await signed.done().textContent()).toBe('Đã áp dụng “Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026” phiên bản 1.0: chuyển 1 tiêu chí; 1 tiêu chí giữ lại ở bộ cũ.');
    // Nothing is lost: the entry for 1.8 stays with the earlier framework.
    expect(xaCtx.db.prepare('SELECT item_code FROM assessment_entries WHERE framework_ref = ? ORDER BY item_code').all(ref)).toEqual([{ item_code: '1.1' }, { item_code: '1.8' }]);
    await xa.shot('commune-applied');
  }, 180_000);
});
