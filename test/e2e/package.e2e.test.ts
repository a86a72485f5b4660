/**
 * Keys, enrolment and the signed export in Chromium: a commune creates its key from the home card,
 * makes the enrolment request and the printed form (PDF rendered to PNG to be looked at), pins the
 * reviewing unit's key from its approval, exports to a "USB stick", verifies, writes an .eml draft,
 * exports again (higher revision), backs up the key and previews a restore.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { approveEnrolmentRequest, registryResolver } from '../../electron/features/enrolment/enrolment';
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
    await app.shot('approval-preview');
    await keys.acceptApproval();
    expect(await keys.pinned().textContent()).toContain('Sở Nội vụ tỉnh Quảng Nam');
    await app.shot('enrolled');

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

    rdb.close();
    await app.close();
  }, 120_000);
});
