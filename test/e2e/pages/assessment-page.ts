import type { Page } from 'playwright-core';
import { EvidencePanel } from './evidence-panel';

/** The criteria screen (Tự đánh giá). */
export class AssessmentPage {
  constructor(private readonly page: Page) {}

  /** From the side navigation. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-assessment').click();
    await this.waitFor();
  }

  navLink() {
    return this.page.getByTestId('nav-assessment');
  }

  async waitFor(): Promise<void> {
    await this.page.locator('[data-testid="assessment-tree"][data-ready="yes"]').waitFor();
  }

  item(code: string) {
    return this.page.getByTestId(`item-${code}`);
  }

  input(code: string, name: string) {
    return this.item(code).getByTestId(`in-${name}`);
  }

  explanation(code: string) {
    return this.input(code, 'explanation');
  }

  evidence(code: string): EvidencePanel {
    return new EvidencePanel(this.item(code));
  }

  points(code: string) {
    return this.page.getByTestId(`points-${code}`);
  }

  total() {
    return this.page.getByTestId('total-points');
  }

  index() {
    return this.page.getByTestId('total-index');
  }

  group() {
    return this.page.getByTestId('total-group');
  }

  saveState() {
    return this.page.getByTestId('save-state');
  }

  /** The outline's button for an item (data-mark: empty / entered / error / noEvidence / na). */
  outlineLink(code: string) {
    return this.page.getByTestId(`outline-${code}`);
  }

  /** A field's count in the outline ("2/8": entered of all; under a filter, how many it shows). */
  outlineCount(field: string) {
    return this.page.getByTestId(`outline-count-${field}`);
  }

  async filter(name: 'all' | 'empty' | 'error' | 'noEvidence'): Promise<void> {
    await this.page.getByTestId(`filter-${name}`).click();
    await this.page.locator(`[data-testid="filter-${name}"][aria-pressed="true"]`).waitFor();
  }

  filterCount(name: 'all' | 'empty' | 'error' | 'noEvidence') {
    return this.page.getByTestId(`filter-count-${name}`);
  }

  progress(field: string) {
    return this.page.getByTestId(`progress-${field}`);
  }

  /** The code of the item holding the keyboard focus. */
  async focusedItem(): Promise<string | null> {
    return this.page.evaluate(() => (document.activeElement?.closest('[data-item-code]') as HTMLElement | null)?.dataset['itemCode'] ?? null);
  }

  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  async openChecks(): Promise<void> {
    if ((await this.page.getByTestId('check-toggle').getAttribute('aria-expanded')) !== 'true') await this.page.getByTestId('check-toggle').click();
    await this.page.getByTestId('check-panel').waitFor();
  }

  /** Esc closes the drawer; the cursor is back on the bar's button. */
  async closeChecks(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('check-drawer').waitFor({ state: 'detached' });
  }

  checkDrawer() {
    return this.page.getByTestId('check-drawer');
  }

  checkRows() {
    return this.page.getByTestId('check-row');
  }

  /** "Đến mục …" on the first check-list row of an item. */
  async jumpTo(code: string): Promise<void> {
    await this.page.getByTestId(`jump-${code}`).first().click();
  }

  async openEvidence(code: string): Promise<void> {
    await this.evidence(code).open();
  }

  finaliseButton() {
    return this.page.getByTestId('finalise');
  }

  lockState() {
    return this.page.getByTestId('lock-state');
  }

  reopenedNote() {
    return this.page.getByTestId('reopened');
  }

  async finalise(): Promise<void> {
    await this.page.getByTestId('finalise').click();
    await this.page.getByTestId('finalise-confirm').click();
    await this.page.getByTestId('lock-state').waitFor();
  }

  async reopen(reason: string): Promise<void> {
    await this.page.getByTestId('reopen').click();
    await this.page.getByTestId('reopen-reason').fill(reason);
    await this.page.getByTestId('reopen-confirm').click();
    await this.page.getByTestId('finalise').waitFor();
  }
}
