import type { Page } from 'playwright-core';

/** "Khóa và đăng ký": key facts, create/backup/restore, enrolment (commune). */
export class KeysPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('keys-screen').waitFor();
    await this.page.getByTestId('restore-card').waitFor();
  }
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  async createKey(passphrase: string, confirm = passphrase): Promise<void> {
    await this.page.getByTestId('input-newPassphrase').fill(passphrase);
    await this.page.getByTestId('input-newPassphraseConfirm').fill(confirm);
    await this.page.getByTestId('create-key-submit').click();
  }
  fieldErrors() {
    return this.page.getByTestId('create-key').locator('.error');
  }
  keyId() {
    return this.page.getByTestId('key-id');
  }
  async fingerprint(testId = 'fingerprint'): Promise<string> {
    return (await this.page.getByTestId(testId).getAttribute('data-value')) ?? '';
  }
  protection() {
    return this.page.getByTestId('key-protection');
  }
  async requestEnrolment(keyPassphrase: string): Promise<void> {
    await this.page.getByTestId('input-enrolKeyPassphrase').fill(keyPassphrase);
    await this.page.getByTestId('enrol-request').click();
    await this.page.getByTestId('enrol-written').waitFor();
  }
  async chooseApproval(): Promise<void> {
    await this.page.getByTestId('enrol-choose-approval').click();
    await this.page.getByTestId('approval-preview').waitFor();
  }
  /** Types the reviewing unit's fingerprint as read from its letter. */
  async typeReviewerFingerprint(fingerprint: string): Promise<void> {
    await this.page.getByTestId('input-reviewerFingerprint').fill(fingerprint);
  }
  acceptButton() {
    return this.page.getByTestId('enrol-accept');
  }
  /** empty | partial | match | differs */
  async fingerprintState(): Promise<string> {
    return (await this.page.getByTestId('fingerprint-state').getAttribute('data-state')) ?? '';
  }
  /** data-match of each of the 13 groups shown: "true", "false" or null (not typed yet). */
  async groupMatches(testId = 'approval-fingerprint'): Promise<(string | null)[]> {
    return this.page.getByTestId(testId).locator('span').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-match')));
  }
  async acceptApproval(): Promise<void> {
    await this.acceptButton().click();
    await this.page.getByTestId('enrolment-pinned').waitFor();
  }
  pinned() {
    return this.page.getByTestId('enrolment-pinned');
  }
  async backup(keyPassphrase: string, backupPassphrase: string): Promise<void> {
    await this.page.getByTestId('input-backupKeyPassphrase').fill(keyPassphrase);
    await this.page.getByTestId('input-backupPassphrase').fill(backupPassphrase);
    await this.page.getByTestId('input-backupPassphraseConfirm').fill(backupPassphrase);
    await this.page.getByTestId('backup-submit').click();
    await this.page.getByTestId('backup-done').waitFor();
  }
  async chooseBackup(): Promise<void> {
    await this.page.getByTestId('restore-choose').click();
    await this.page.getByTestId('restore-preview').waitFor();
  }
  error() {
    return this.page.getByTestId('error-notice');
  }
  rotationCard() {
    return this.page.getByTestId('rotation-card');
  }
  /** Starts a key rotation: current key passphrase, the new key's passphrase twice. */
  async startRotation(keyPassphrase: string, newPassphrase: string): Promise<void> {
    await this.page.getByTestId('input-rotateKeyPassphrase').fill(keyPassphrase);
    await this.page.getByTestId('input-rotateNewPassphrase').fill(newPassphrase);
    await this.page.getByTestId('input-rotateNewPassphraseConfirm').fill(newPassphrase);
    await this.page.getByTestId('rotation-submit').click();
    await this.page.getByTestId('rotation-written').waitFor();
  }
  async chooseRotationApproval(): Promise<void> {
    await this.page.getByTestId('rotation-choose-approval').click();
    await this.page.getByTestId('rotation-approval-preview').waitFor();
  }
  async acceptRotation(): Promise<void> {
    await this.page.getByTestId('rotation-accept').click();
    await this.page.getByTestId('rotation-switched').waitFor();
  }
}
