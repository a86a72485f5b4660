import type { Page } from 'playwright-core';

/** "Xếp hạng, báo cáo" (reviewing unit): filters, figures, charts, the ranking, exports and last year's results. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review-report').click();
    await this.table().waitFor();
  }

  table() {
    return this.page.getByTestId('report-table');
  }

  /** [rank, code, name] of every row in order. */
  async ranking(): Promise<string[][]> {
    return this.table().locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')));
  }

  row(code: string) {
    return this.table().locator(`tr[data-code="${code}"]`);
  }

  figure(id: 'communes' | 'mean' | 'mean-change' | 'highest' | 'lowest' | 'ratio' | 'late' | 'pending' | 'groups') {
    return this.page.getByTestId(`fig-${id}`);
  }

  async filterType(type: 'all' | 'xa' | 'phuong' | 'dac-khu'): Promise<void> {
    await this.page.getByTestId('report-types').locator(`button[data-type="${type}"]`).click();
  }

  async basis(b: 'appraised' | 'self'): Promise<void> {
    await this.page.getByTestId('report-filters').locator(`button[data-basis="${b}"]`).click();
  }

  chart(name: 'ranked' | 'fields' | 'change') {
    return this.page.getByTestId(`chart-${name}`);
  }

  async exportXlsx(): Promise<void> {
    await this.page.getByTestId('report-xlsx').click();
    await this.page.getByTestId('report-exported').waitFor();
  }

  async exportPdf(): Promise<void> {
    await this.page.getByTestId('report-pdf').click();
    await this.page.getByTestId('report-exported').waitFor();
  }

  async chooseHistory(year: string): Promise<void> {
    await this.page.getByTestId('history-year').fill(year);
    await this.page.getByTestId('history-choose').click();
    await this.page.getByTestId('history-preview').waitFor();
  }

  historyCounts() {
    return this.page.getByTestId('history-counts');
  }

  historyConfirm() {
    return this.page.getByTestId('history-confirm');
  }
}
