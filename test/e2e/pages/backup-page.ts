import type { Page } from 'playwright-core';

/** "Sao lưu và khôi phục" (Settings → link, either role) and the recovery screen shown instead of the app. */
export class BackupPage {
  constructor(private readonly page: Page) {}

  /** Through the settings screen, as a person reaches it. */
  async open(menu: (path: string) => Promise<void>): Promise<void> {
    await menu('/settings');
    await this.page.getByTestId('settings-backup').click();
    await this.page.getByTestId('backup-folder').waitFor();
  }

  create() {
    return this.page.getByTestId('backup-create');
  }

  rows() {
    return this.page.getByTestId('backup-table').locator('tbody tr');
  }

  row(kind: string) {
    return this.page.locator(`[data-testid="backup-table"] tbody tr[data-kind="${kind}"]`);
  }

  done() {
    return this.page.getByTestId('backup-done');
  }

  recovery() {
    return this.page.getByTestId('recovery');
  }

  lastGood() {
    return this.page.getByTestId('recovery-last-good');
  }

  loss() {
    return this.page.getByTestId('recovery-loss');
  }
}
