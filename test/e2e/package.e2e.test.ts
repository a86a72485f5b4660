/**
 * Keys, enrolment and the signed export in Chromium: a commune creates its key from the home card,
 * makes the enrolment request and the printed form (PDF rendered to PNG to be looked at), pins the
 * reviewing unit's key from its approval once its fingerprint is typed from the unit's letter, exports to a "USB stick", verifies, writes an .eml draft,
 * exports again (higher revision), backs up the key and previews a restore, then rotates its key
 * (printed rotation form, the reviewing unit's approval after the paper check, the switch).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { loadEntriesText } from '../../electron/features/assessment/entries-load';
import { finalise } from '../../electron/features/assessment/assessment';
import { activeFramework } from '../../electron/features/framework/active';
import { approveEnrolmentRequest, registryResolver } from '../../electron/features/enrolment/reviewer-enrolment';

import { approveKeyRotation, receiveKeyRotation } from '../../electron/features/enrolment/rotation-service';
import { createKey, unlockKey } from '../../electron/features/keys/keys';
import { KeyStore, keyPathFor } from '../../electron/kernel/signing/key-store';
import { verifyPackageBytes } from '../../electron/features/verify/verify';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeSetup, fixedClock, provinceSetup, parsedSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';
import { ExportPage } from './pages/export-page';
import { HomePage } from './pages/home-page';
import { KeysPage } from './pages/keys-page';

const PASS = 'mật khẩu khóa xã 2026';

/** What a person sees on a 1093×614 screen (a common office laptop) with `testId` scrolled into view. */
async function smallScreen(page: Page, testId: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, 'package', `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 860 });
}
const scrypt = { N: 2 ** 12, r: 8, p: 1 };

describe('keys, enrolment and the signed export (commune)', () => {
  const h = new Harness('package');
  let usb: string;
  let reviewerDb: string;
  beforeAll(async () => {
    await h.start();
    usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    reviewerDb = join(h.dataDir, 'so-noi-vu.sqlite');
  });
  afterAll(() => h.stop());

  it('from the home card to a verified export, an email draft and a higher revision', async () => {
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(communeSetup));
    await app.page.reload();
    const home = new HomePage(app.page);
    await home.waitFor('commune');
    await app.page.getByTestId('no-key-card').waitFor();
    await app.shot('home-no-key');

    // Create the key (no OS secret storage here: passphrase + confirmation).
    await app.page.getByTestId('no-key-create').click();
    const keys = new KeysPage(app.page);
    await keys.waitFor();
    expect(await keys.heading().textContent()).toBe('Khóa và đăng ký');
    await keys.createKey('ngắn', 'ngắn');
    await expect.poll(() => keys.fieldErrors().allTextContents()).toEqual(['Mật khẩu cần ít nhất 8 ký tự.']);
    await keys.createKey(PASS, `${PASS}x`);
    await expect.poll(() => keys.fieldErrors().allTextContents()).toEqual(['Hai lần nhập mật khẩu không giống nhau.']);
    await keys.createKey(PASS);
    await keys.keyId().waitFor();
    const fingerprint = await keys.fingerprint();
    expect(fingerprint).toMatch(/^(?:[0-9A-Z]{4}-){12}[0-9A-Z]{4}$/u);
    expect(fingerprint.replace(/-/gu, '').startsWith((await keys.keyId().textContent()) ?? '?')).toBe(true);
    expect(await keys.protection().textContent()).toBe('Mật khẩu');
    const keyFile = JSON.parse(readFileSync(keyPathFor(h.dbPath), 'utf8')) as Record<string, unknown>;
    expect(keyFile['kind']).toBe('chiso-cchc/private-key');
    expect(JSON.stringify(app.runtime.db.prepare('SELECT * FROM audit_log').all())).not.toContain(String(keyFile['ciphertext']));
    await app.shot('key-created');

    // Enrolment request + printed form.
    app.dialogs.folderAnswers.push(usb);
    await keys.requestEnrolment(PASS);
    const form = app.dialogs.opened.find((p) => p.endsWith('.pdf'))!;
    expect(form).toMatch(/CCHC-ENROL-26734-[0-9A-Z]{16}\.pdf$/u);
    expect(readFileSync(form).subarray(0, 5).toString()).toBe('%PDF-');
    const png = join(SCREENSHOTS, 'package', 'enrolment-form');
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', form, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    await app.shot('enrolment-written');

    // The reviewing unit approves (its own database and key), the commune pins its key.
    const rdb = openDatabase(reviewerDb);
    const rctx = { db: rdb, clock: fixedClock(), actor: () => 'so' };
    completeSetup(rctx, parsedSetup(provinceSetup));
    const rkeys = new KeyStore(keyPathFor(reviewerDb), { scrypt });
    const rkey = await createKey(rctx, rkeys, 'mật khẩu của Sở 2026');
    const requestFile = form.replace(/\.pdf$/u, '.json');
    const { approvalText } = approveEnrolmentRequest(rctx, readFileSync(requestFile), await unlockKey(rkeys, 'mật khẩu của Sở 2026'));
    const approvalPath = join(usb, 'CCHC-APPROVAL.json');
    writeFileSync(approvalPath, approvalText);
    app.dialogs.openAnswers.push(approvalPath);
    await keys.chooseApproval();
    expect(await keys.fingerprint('approval-fingerprint')).toBe(rkey.fingerprint);
    // Pinning needs the fingerprint from the reviewing unit's letter, typed: the button stays shut until all 13 groups match.
    expect(await keys.acceptButton().isDisabled()).toBe(true);
    expect(await keys.fingerprintState()).toBe('empty');
    await app.shot('approval-preview');
    const groups = rkey.fingerprint.split('-');
    await keys.typeReviewerFingerprint(groups.slice(0, 3).join(' ').toLowerCase());
    await expect.poll(() => keys.fingerprintState()).toBe('partial');
    expect((await keys.groupMatches()).slice(0, 4)).toEqual(['true', 'true', 'true', null]);
    const wrong = [...groups.slice(0, 5), groups[5]!.replace(/^./u, (c) => (c === 'A' ? 'B' : 'A')), ...groups.slice(6)].join('-');
    await keys.typeReviewerFingerprint(wrong);
    await expect.poll(() => keys.fingerprintState()).toBe('differs');
    expect((await keys.groupMatches())[5]).toBe('false');
    expect(await keys.acceptButton().isDisabled()).toBe(true);
    await app.shot('approval-fingerprint-differs');
    await keys.typeReviewerFingerprint(rkey.fingerprint);
    await expect.poll(() => keys.fingerprintState()).toBe('match');
    expect(await keys.acceptButton().isDisabled()).toBe(false);
    await app.shot('approval-fingerprint-match');
    await smallScreen(app.page, 'approval-preview', 'approval-fingerprint-match-1093x614');
    await keys.acceptApproval();
    expect(await keys.pinned().textContent()).toContain('Sở Nội vụ tỉnh Quảng Nam');
    await app.shot('enrolled');

    // Ready to export: the documented entries loaded and finalised (the pre-export check passes but for the sample framework).
    loadEntriesText(app.runtime.app.ctx, readFileSync(new URL('../../docs/examples/sample-entries.json', import.meta.url), 'utf8'));
    finalise(app.runtime.app.ctx, activeFramework(app.runtime.app.ctx));
    // Export from the nav.
    await app.page.getByTestId('nav-package').click();
    const exp = new ExportPage(app.page);
    await exp.waitFor();
    app.dialogs.folderAnswers.push(usb);
    await exp.exportWith(PASS);
    const first = await exp.result();
    expect(first.path).toBe(join(usb, 'CCHC-2026-26734-r1.json'));
    expect(first.revision).toBe(1);
    const bytes = readFileSync(first.path);
    const registry = { kind: 'registry' as const, lookup: registryResolver(rctx) };
    expect(verifyPackageBytes(bytes, registry)).toMatchObject({ ok: true, sha256: first.sha256, communeCode: '26734', enrolmentChecked: true });
    const flipped = bytes.toString('utf8').replace(/"revision": ?1\b/u, '"revision":9');
    expect(flipped).not.toBe(bytes.toString('utf8'));
    expect(verifyPackageBytes(Buffer.from(flipped), registry).code).toBe('SIGNATURE_INVALID');
    await app.shot('exported');

    // The email draft beside the package, opened with the system's mail program.
    const done = await exp.email();
    const eml = join(usb, 'CCHC-2026-26734-r1.eml');
    expect(done).toContain(eml);
    expect(app.dialogs.opened).toContain(eml);
    const draft = readFileSync(eml, 'utf8');
    expect(draft).toMatch(/^X-Unsent: 1\r$/mu);
    expect(draft).toMatch(/^Subject: =\?UTF-8\?B\?/mu);
    expect(draft).toContain('Content-Disposition: attachment; filename="CCHC-2026-26734-r1.json"');
    const attached = /filename="CCHC-2026-26734-r1\.json"\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/u.exec(draft)![1]!;
    expect(Buffer.from(attached.replace(/\r\n/gu, ''), 'base64').equals(bytes)).toBe(true);
    await app.shot('email-draft');

    // Export again: the revision is higher.
    app.dialogs.folderAnswers.push(usb);
    await exp.exportWith(PASS);
    await expect.poll(async () => (await exp.result()).revision).toBe(2);
    await expect.poll(() => exp.historyRows().count()).toBe(2);
    await app.shot('exported-again');

    // A wrong passphrase: a clear message, nothing written, revision unchanged.
    app.dialogs.folderAnswers.push(usb);
    await exp.exportWith('không phải mật khẩu');
    await expect.poll(() => exp.error().getAttribute('data-code')).toBe('PASSPHRASE_WRONG');
    expect(existsSync(join(usb, 'CCHC-2026-26734-r3.json'))).toBe(false);
    await app.shot('wrong-passphrase');

    // Back up the key; a restore shows the backup's fingerprint before anything is replaced.
    await app.page.getByTestId('nav-keys').click();
    await keys.waitFor();
    app.dialogs.folderAnswers.push(usb);
    await keys.backup(PASS, 'mật khẩu sao lưu 2026');
    const backup = join(usb, `CCHC-KEY-26734-${(await keys.keyId().textContent()) ?? ''}.json`);
    expect(existsSync(backup)).toBe(true);
    expect(readFileSync(backup, 'utf8')).not.toContain(PASS);
    app.dialogs.openAnswers.push(backup);
    await keys.chooseBackup();
    expect(await keys.fingerprint('restore-fingerprint')).toBe(fingerprint);
    await app.shot('restore-preview');

    // Key rotation: a new key kept aside, the statement and the printed form; the old key signs until approval.
    const NEW_PASS = 'mật khẩu khóa mới 2027';
    const rotateDir = join(h.dataDir, 'rotate');
    mkdirSync(rotateDir);
    app.dialogs.folderAnswers.push(rotateDir);
    await keys.startRotation(PASS, NEW_PASS);
    const rotationForm = app.dialogs.opened[app.dialogs.opened.length - 1]!;
    expect(rotationForm).toMatch(/CCHC-ROTATE-26734-[0-9A-Z]{16}\.pdf$/u);
    const newFingerprint = await keys.fingerprint('rotation-new-fingerprint');
    expect(newFingerprint).not.toBe(fingerprint);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', rotationForm, join(SCREENSHOTS, 'package', 'rotation-form')]);
    const formText = execFileSync('pdftotext', [rotationForm, '-']).toString();
    expect(formText.replace(/\s+/gu, '')).toContain(newFingerprint.replace(/-/gu, '')); // the NEW key's fingerprint, on paper
    expect(formText).toContain('PHIẾU ĐỔI KHÓA KÝ SỐ');
    await app.shot('rotation-pending');
    await smallScreen(app.page, 'rotation-card', 'rotation-pending-1093x614');
    expect(await keys.keyId().textContent()).toBe(fingerprint.replace(/-/gu, '').slice(0, 16));

    // The reviewing unit holds the statement, compares the fingerprint with the stamped form, approves.
    const statement = readFileSync(rotationForm.replace(/\.pdf$/u, '.json'));
    receiveKeyRotation(rctx, statement);
    const rotationApproval = approveKeyRotation(rctx, statement, { fingerprint: newFingerprint }, await unlockKey(rkeys, 'mật khẩu của Sở 2026'));
    const rotationApprovalPath = join(usb, 'CCHC-ROTATE-APPROVAL.json');
    writeFileSync(rotationApprovalPath, rotationApproval.approvalText);
    app.dialogs.openAnswers.push(rotationApprovalPath);
    await keys.chooseRotationApproval();
    expect(await keys.fingerprint('rotation-approved-fingerprint')).toBe(newFingerprint);
    await app.shot('rotation-approval-preview');
    await keys.acceptRotation();
    await expect.poll(() => keys.fingerprint()).toBe(newFingerprint);
    await app.shot('rotation-switched');

    // The next export is signed with the new key and verifies against the reviewing unit's registry.
    await app.page.getByTestId('nav-package').click();
    await exp.waitFor();
    app.dialogs.folderAnswers.push(usb);
    await exp.exportWith(NEW_PASS);
    const third = await exp.result();
    expect(verifyPackageBytes(readFileSync(third.path), registry)).toMatchObject({ ok: true, keyId: newFingerprint.replace(/-/gu, '').slice(0, 16) });

    rdb.close();
    await app.close();
  }, 120_000);
});
