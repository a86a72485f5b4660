/**
 * The reviewing unit enrols communes on screen in Chromium: a folder of request files opened (one
 * commune on the roster, one not, one broken file), the first approved only once the fingerprint
 * typed from the paper form matches (the signed approval written to the folder chosen), the
 * second rejected with a reason (who and when shown), then the enrolled key revoked from a date.
 * Screenshots at 1280 px and at 1093×614.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareEnrolmentRequest } from '../../electron/features/enrolment/commune-enrolment';
import { createKey } from '../../electron/features/keys/keys';
import { completeSetup } from '../../electron/features/setup/identity';
import { addToRoster, makeCommune, type Commune } from '../fixtures/reviewer-imports';
import { parsedSetup, provinceSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { HomePage } from './pages/home-page';
import { ReviewEnrolmentPage } from './pages/review-enrolment-page';

const PASS = 'mật khẩu của Sở 2026';

async function smallScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'review-enrolment', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('enrolling communes on screen (reviewer)', () => {
  const h = new Harness('review-enrolment');
  const communes: Commune[] = [];
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    for (const c of communes) c.store.cleanup();
    return h.stop();
  });

  it('opens a folder of requests, approves one with the typed fingerprint, rejects the other, revokes the key', async () => {
    const app = await h.open();
    const ctx = app.runtime.app.ctx;
    completeSetup(ctx, parsedSetup(provinceSetup));
    await createKey(ctx, app.runtime.app.keys, PASS);
    addToRoster({ ctx }, '26734', 'Xã Bình Đào');
    const a = makeCommune('26734', 'commune');
    const b = makeCommune('26735', 'stranger');
    communes.push(a, b);
    const inbox = join(h.dataDir, 'enrol-inbox');
    mkdirSync(inbox);
    const requestOf = (c: Commune) => prepareEnrolmentRequest(c.store.ctx, c.key, { appVersion: '0.1.0' }).record.text;
    writeFileSync(join(inbox, 'CCHC-ENROL-26734.json'), requestOf(a));
    writeFileSync(join(inbox, 'CCHC-ENROL-26735.json'), requestOf(b));
    writeFileSync(join(inbox, 'hong.json'), '{"format":');
    const usb = join(h.dataDir, 'enrol-usb');
    mkdirSync(usb);

    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    const screen = new ReviewEnrolmentPage(app.page);
    await screen.open();
    app.dialogs.folderAnswers.push(inbox);
    await screen.chooseFolder();
    await screen.detail().waitFor();
    const rows = await screen.rows();
    expect(rows.map((r) => r[0])).toEqual(['CCHC-ENROL-26734.json', 'CCHC-ENROL-26735.json', 'hong.json']);
    expect(rows[0]!.slice(1)).toEqual(['26734 · Xã Bình Đào', expect.any(String), 'Chờ duyệt']);
    expect(rows[1]![1]).toBe('26735 · Xã Thử 26735không có trong danh sách');
    expect(rows[2]![3]).toMatch(/^Tệp không hợp lệ.{20,}/u);

    // The first request is open: its full fingerprint, matched group by group as it is typed.
    expect(await screen.detail().locator('h2').textContent()).toBe('26734 · Xã Bình Đào');
    const fp = await screen.shownFingerprint();
    expect(fp).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/u);
    expect(await screen.approveButton().isDisabled()).toBe(true);
    const groups = fp.split('-');
    await screen.typeFingerprint(groups.slice(0, 4).join(' ').toLowerCase());
    expect(await screen.fingerprintState()).toBe('partial');
    await screen.typeFingerprint([...groups.slice(0, 12), groups[12] === 'AAAA' ? 'BBBB' : 'AAAA'].join('-'));
    expect(await screen.fingerprintState()).toBe('differs');
    expect(await screen.approveButton().isDisabled()).toBe(true);
    await app.shot('fingerprint-differs');
    await smallScreen(app.page, 'fingerprint-differs-1093x614');
    await screen.typeFingerprint(fp);
    expect(await screen.fingerprintState()).toBe('match');
    await screen.passphrase(PASS);
    app.dialogs.folderAnswers.push(usb);
    await screen.approveButton().click();
    await screen.notice().waitFor();
    expect(await screen.notice().textContent()).toMatch(/^Đã duyệt\. Tệp duyệt gửi cho xã: .*CCHC-APPROVAL-26734/u);
    expect(readdirSync(usb)).toHaveLength(1);
    expect(await screen.row('26734').getAttribute('data-state')).toBe('approved');
    await expect.poll(() => screen.keys()).toEqual({ [a.key.keyId]: 'active' });

    // The second: a commune not on the roster, rejected with a reason; who and when shown.
    await screen.openRow('26735');
    expect(await screen.detail().getByTestId('enrol-roster').textContent()).toMatch(/^không có trong danh sách/u);
    await screen.reject('Xã không thuộc tỉnh');
    await screen.rejection().waitFor();
    expect(await screen.rejection().textContent()).toBe('Từ chối bởi Sở Nội vụ tỉnh Quảng Nam lúc 15:00 22/11/2026: Xã không thuộc tỉnh');
    expect(await screen.row('26735').getAttribute('data-state')).toBe('rejected');
    await app.shot('decided');
    await smallScreen(app.page, 'decided-1093x614');

    // Revoke the enrolled key from a day.
    await screen.revoke(a.key.keyId, '01/11/2026');
    await expect.poll(() => screen.keys()).toEqual({ [a.key.keyId]: 'revoked' });
    expect(await screen.keyRow(a.key.keyId).locator('td').nth(3).textContent()).toBe('Thu hồi từ 01/11/2026');
    await app.shot('revoked');
    await smallScreen(app.page, 'revoked-1093x614');
    expect(existsSync(join(usb, readdirSync(usb)[0]!))).toBe(true);
    await app.close();
  });
});
