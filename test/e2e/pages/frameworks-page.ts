import type { Page } from 'playwright-core';

/** "Soạn, phát hành bộ tiêu chí" (reviewing unit): template, import with problems, review, compare, publish. */
export class FrameworksPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review-frameworks').click();
    await this.page.getByTestId('frameworks-screen').waitFor();
  }

  /** The stubbed save dialog answers with the path queued by the test. */
  async downloadTemplate(): Promise<void> {
    await this.page.getByTestId('fw-template').click();
  }

  /** The stubbed open dialog answers with the file queued by the test. */
  async chooseFile(): Promise<void> {
    await this.page.getByTestId('fw-choose').click();
  }

  problems() {
    return this.page.getByTestId('fw-problems');
  }

  async problemRows(): Promise<string[][]> {
    return this.problems().locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((c) => c.textContent ?? '')));
  }

  valid() {
    return this.page.getByTestId('fw-valid');
  }

  async install(): Promise<void> {
    await this.page.getByTestId('fw-install').click();
  }

  notice() {
    return this.page.getByTestId('fw-notice');
  }

  review() {
    return this.page.getByTestId('fw-review');
  }

  async view(id: string, version: string): Promise<void> {
    await this.page.getByTestId(`fw-view-${id}@${version}`).click();
    await this.review().waitFor();
  }

  async compareWith(id: string, version: string): Promise<void> {
    await this.page.getByTestId('fw-compare').selectOption(`${id}@${version}`);
    await this.page.getByTestId('framework-compare').waitFor();
  }

  compareSummary() {
    return this.page.getByTestId('compare-summary');
  }

  async compareRows(kind: 'added' | 'removed' | 'moved' | 'changed'): Promise<string[]> {
    return this.page.getByTestId('framework-compare').locator(`tr[data-kind="${kind}"] td:nth-child(2)`).allTextContents();
  }

  published() {
    return this.page.getByTestId('fw-published');
  }

  async publish(passphrase: string): Promise<void> {
    await this.page.getByTestId('input-fw-passphrase').fill(passphrase);
    await this.page.getByTestId('fw-publish-button').click();
  }
}

/** The commune's "Nhận bộ tiêu chí có chữ ký" on the framework screen. */
export class SignedFrameworkPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
    await this.page.getByTestId('signed-import').waitFor();
  }

  async choose(): Promise<void> {
    await this.page.getByTestId('signed-choose').click();
  }

  preview() {
    return this.page.getByTestId('signed-preview');
  }

  async apply(): Promise<void> {
    await this.page.getByTestId('signed-apply').click();
  }

  done() {
    return this.page.getByTestId('signed-done');
  }

  alert() {
    return this.page.getByTestId('signed-import').getByRole('alert').first();
  }
}
