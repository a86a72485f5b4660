import type { Page } from 'playwright-core';

/** The reviewer's appraisal screen of one commune: the keyboard list, the item, the actions. */
export class AppraisalPage {
  constructor(private readonly page: Page) {}

  /** Through the navigation: "Thẩm định", then the commune's row. */
  async open(code: string): Promise<void> {
    await this.page.getByTestId('nav-review-appraisal').click();
    await this.page.getByTestId(`appraise-${code}`).click();
    await this.summary().waitFor();
  }

  summary() {
    return this.page.getByTestId('appraisal-summary');
  }

  list() {
    return this.page.getByTestId('appraisal-list');
  }

  /** The code of the selected item (the one the detail shows). */
  selected(): Promise<string | null> {
    return this.page.getByTestId('appraisal-detail').getAttribute('data-code');
  }

  /** Each visible row's code and appraised points ("—" when not appraised). */
  async rows(): Promise<[string, string][]> {
    return this.list().locator('[role="option"]').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-code') ?? '', (e.querySelector('[data-testid="row-appraised"]')?.textContent ?? '').trim()] as [string, string]),
    );
  }

  async press(...keys: string[]): Promise<void> {
    await this.list().focus();
    for (const k of keys) await this.page.keyboard.press(k);
  }

  filter(name: string) {
    return this.page.getByTestId('appraisal-filter').locator(`[data-filter="${name}"]`);
  }
}
