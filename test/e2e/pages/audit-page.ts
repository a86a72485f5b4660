import type { Page } from 'playwright-core';

/** "Nhật ký thay đổi": every change, old → new. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.table().waitFor();
  }

  table() {
    return this.page.getByTestId('audit-table');
  }
}
