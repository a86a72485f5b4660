import type { Page } from 'playwright-core';

/** The home screen of either role. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async waitFor(role: 'commune' | 'reviewer'): Promise<void> {
    await this.page.getByTestId(`home-${role}`).waitFor();
    await this.page.getByTestId('framework-overview').waitFor();
  }

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  facts() {
    return this.page.getByTestId('identity-facts');
  }

  frameworkTotal() {
    return this.page.getByTestId('framework-total');
  }

  unitChip() {
    return this.page.getByTestId('unit-chip');
  }
}
