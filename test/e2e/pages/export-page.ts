import type { Page } from 'playwright-core';

/** "Gửi hồ sơ": export to a folder, the result, the email draft, the history. */
export class ExportPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('export-screen').waitFor();
    await this.page.getByTestId('export-run').waitFor();
  }
  /** With the sample framework the pre-check warns: the reason is typed when the field is shown. */
  async exportWith(keyPassphrase: string, reason = 'Thử với bộ tiêu chí mẫu'): Promise<void> {
    if ((await this.page.getByTestId('export-reason').count()) > 0) await this.page.getByTestId('export-reason').fill(reason);
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
  precheck() {
    return this.page.getByTestId('export-precheck');
  }
  stops() {
    return this.page.getByTestId('precheck-stops').locator('li');
  }
  warnings() {
    return this.page.getByTestId('precheck-warnings').locator('li');
  }
  runButton() {
    return this.page.getByTestId('export-run');
  }
  historyRows() {
    return this.page.getByTestId('export-history').locator('tbody tr');
  }
  error() {
    return this.page.getByTestId('error-notice');
  }
}
