import type { Page } from 'playwright-core';

/** "Danh sách xã" (reviewing unit): the roster, its import preview and the deadline per year. */
export class RosterPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-roster').click();
    await this.page.getByTestId('roster-screen').waitFor();
  }

  /** The file is answered by the stubbed dialog queued by the test. */
  async chooseFile(): Promise<void> {
    await this.page.getByTestId('roster-choose').click();
    await this.preview().waitFor();
  }

  preview() {
    return this.page.getByTestId('roster-preview');
  }

  counts() {
    return this.page.getByTestId('roster-counts');
  }

  previewRows(status: 'new' | 'changed' | 'refused') {
    return this.preview().locator(`tr[data-status="${status}"]`);
  }

  confirmButton() {
    return this.page.getByTestId('roster-confirm');
  }

  table() {
    return this.page.getByTestId('roster-table');
  }

  notice() {
    return this.page.getByTestId('roster-notice');
  }

  async setDeadline(year: string, date: string): Promise<void> {
    await this.page.getByTestId('deadline-year').fill(year);
    await this.page.getByTestId('deadline-date').fill(date);
    await this.page.getByTestId('deadline-save').click();
  }

  async add(code: string, name: string, type: string): Promise<void> {
    await this.page.getByTestId('input-addCode').fill(code);
    await this.page.getByTestId('input-addName').fill(name);
    await this.page.getByTestId('input-addType').selectOption(type);
    await this.page.getByTestId('roster-add').click();
  }

  row(code: string) {
    return this.table().locator(`tbody tr[data-code="${code}"]`);
  }

  async edit(code: string, name: string, type: string): Promise<void> {
    await this.row(code).getByTestId('roster-edit').click();
    await this.row(code).getByTestId('input-editName').fill(name);
    await this.row(code).getByTestId('input-editType').selectOption(type);
    await this.row(code).getByTestId('roster-save').click();
  }

  remove(code: string) {
    return this.row(code).getByTestId('roster-remove').click();
  }
}
