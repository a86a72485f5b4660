import type { Page } from 'playwright-core';

/** "Nạp số liệu từ tệp…": opened from the menu, it shows the dialog at once. */
export class LoadPage {
  constructor(private readonly page: Page) {}

  async choose(): Promise<void> {
    await this.page.getByTestId('load-choose').click();
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
