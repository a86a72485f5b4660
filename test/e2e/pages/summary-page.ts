import type { Page } from 'playwright-core';

/** "Bảng tổng hợp": fields, totals, index, group; written as PDF and xlsx. */
export class SummaryPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('summary-table').waitFor();
  }

  total() {
    return this.page.getByTestId('summary-total');
  }

  /** Writes where the (stubbed) save dialog answers; resolves once the screen says so. */
  async writePdf(): Promise<void> {
    await this.page.getByTestId('export-pdf').click();
    await this.page.getByTestId('export-written').waitFor();
  }

  async writeXlsx(): Promise<void> {
    await this.page.getByTestId('export-xlsx').click();
  }
}
