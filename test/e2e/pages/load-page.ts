import type { Page } from 'playwright-core';

/**
 * "Nạp số liệu từ tệp…": opened from the menu, it shows the dialog at once, then what the file
 * would change; nothing is written before "Nạp N thay đổi".
 */
export class LoadPage {
  constructor(private readonly page: Page) {}

  async choose(): Promise<void> {
    await this.page.getByTestId('load-choose').click();
  }

  preview() {
    return this.page.getByTestId('load-preview');
  }

  counts() {
    return this.page.getByTestId('load-counts');
  }

  /** One item's row: data-change is new / changed / same. */
  row(code: string) {
    return this.page.getByTestId(`preview-${code}`);
  }

  /** "Mục 1.2"'s old → new, in the change log's words. */
  words(code: string) {
    return this.page.getByTestId(`preview-words-${code}`);
  }

  confirmButton() {
    return this.page.getByTestId('load-confirm');
  }

  /** "Nạp N thay đổi", then the report. */
  async confirm(): Promise<void> {
    await this.confirmButton().click();
    await this.report().waitFor();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('load-cancel').click();
    await this.page.getByTestId('load-cancelled').waitFor();
  }

  report() {
    return this.page.getByTestId('load-report');
  }

  error() {
    return this.page.getByTestId('error-notice');
  }

  async backToAssessment(): Promise<void> {
    await this.page.getByRole('link', { name: 'Về màn hình tự đánh giá' }).click();
  }
}
