import type { Page } from 'playwright-core';

/** The reviewer's "Đăng ký khóa của xã" screen: the inbox, one request's detail, the keys, the rotations. */
export class ReviewEnrolmentPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review-enrolment').click();
    await this.page.getByTestId('enrol-inbox-folder').waitFor();
  }

  chooseFolder() {
    return this.page.getByTestId('enrol-inbox-folder').click();
  }

  /** Each inbox row: [file, commune cell, officer, state cell]. */
  async rows(): Promise<string[][]> {
    return this.page.getByTestId('enrol-inbox').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 4).map((td) => (td.textContent ?? '').trim())),
    );
  }

  row(code: string) {
    return this.page.getByTestId('enrol-inbox').locator(`tbody tr[data-code="${code}"]`);
  }

  openRow(code: string) {
    return this.row(code).getByTestId('enrol-open').click();
  }

  detail() {
    return this.page.getByTestId('enrol-detail');
  }

  typeFingerprint(text: string) {
    return this.page.getByTestId('input-requestFingerprint').fill(text);
  }

  fingerprintState() {
    return this.page.getByTestId('requestFingerprint-state').getAttribute('data-state');
  }

  /** The fingerprint groups shown, as the page shows them. */
  async shownFingerprint(): Promise<string> {
    return (await this.page.getByTestId('requestFingerprint-fingerprint').getAttribute('data-value')) ?? '';
  }

  passphrase(text: string) {
    return this.page.getByTestId('input-reviewerKeyPassphrase').fill(text);
  }

  approveButton() {
    return this.page.getByTestId('enrol-approve');
  }

  async reject(reason: string): Promise<void> {
    await this.page.getByTestId('input-rejectReason').fill(reason);
    await this.page.getByTestId('enrol-reject').click();
  }

  notice() {
    return this.page.getByTestId('enrol-notice');
  }

  rejection() {
    return this.page.getByTestId('enrol-rejection');
  }

  /** keyId → status attribute of the enrolled keys table. */
  async keys(): Promise<Record<string, string>> {
    const pairs = await this.page.getByTestId('enrolled-keys').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-key') ?? '', tr.getAttribute('data-status') ?? ''] as [string, string]),
    );
    return Object.fromEntries(pairs);
  }

  async revoke(keyId: string, ddmmyyyy: string): Promise<void> {
    const row = this.page.getByTestId('enrolled-keys').locator(`tbody tr[data-key="${keyId}"]`);
    await row.getByTestId('key-revoke').click();
    await row.getByTestId('input-revokeFrom').fill(ddmmyyyy);
    await row.getByTestId('key-revoke-confirm').click();
  }

  keyRow(keyId: string) {
    return this.page.getByTestId('enrolled-keys').locator(`tbody tr[data-key="${keyId}"]`);
  }
}
