import type { Page } from 'playwright-core';

/** "Gửi hồ sơ": export to a folder, the result, the email draft, the history. */
export class ExportPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('export-screen').waitFor();
    await this.page.getByTestId('export-run').waitFor();
  }
  async exportWith(keyPassphrase: string): Promise<void> {
    await this.page.getByTestId('input-exportKeyPassphrase').fill(keyPassphrase);
    await this.page.getByTestId('export-run').click();
  }
  async result(): Promise<{ path: string; sha256: string; revision: number }> {
    await this.page.getByTestId('export-result').waitFor();
    return {
      path: (await this.page.getByTestId('export-path').textContent()) ?? '',
      sha256: (await this.page.getByTestId('export-sha').textContent()) ?? '',
      revision: Number(await this.page.getByTestId('export-revision').textContent()),
    };
  }
  async email(): Promise<string> {
    await this.page.getByTestId('export-email').click();
    return (await this.page.getByTestId('export-email-done').textContent()) ?? '';
  }
  historyRows() {
    return this.page.getByTestId('export-history').locator('tbody tr');
  }
  error() {
    return this.page.getByTestId('error-notice');
  }
}
