import type { Page } from 'playwright-core';

/** The reviewer's "Nhận hồ sơ" screen: choose files or a folder, the dry-run table, the import. */
export class ReviewImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review-import').click();
    await this.page.getByTestId('import-choose-files').waitFor();
  }

  chooseFiles() {
    return this.page.getByTestId('import-choose-files').click();
  }

  chooseFolder() {
    return this.page.getByTestId('import-choose-folder').click();
  }

  counts() {
    return this.page.getByTestId('import-counts');
  }

  /** Drop files or folders (by name: the harness finds them under its dropRoot) on the screen. */
  async dropFiles(names: string[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((ns) => {
      const dt = new DataTransfer();
      for (const n of ns) dt.items.add(new File(['x'], n));
      return dt;
    }, names);
    await this.page.getByTestId('import-drop').dispatchEvent('dragover', { dataTransfer });
    await this.page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer });
  }

  /** The progress bar with its counts, time left and Stop button (only while a long check or import runs). */
  progress() {
    return this.page.getByTestId('import-progress');
  }

  progressBar() {
    return this.progress().locator('progress');
  }

  progressText() {
    return this.progress().locator('span').textContent();
  }

  stop() {
    return this.page.getByTestId('import-cancel');
  }

  /** "Đã dừng: N tệp chưa xử lý…" after a stopped import. */
  stopped() {
    return this.page.getByTestId('import-stopped');
  }

  runButton() {
    return this.page.getByTestId('import-run');
  }

  done() {
    return this.page.getByTestId('import-done');
  }

  /** A verdict filter button ("Tất cả (N)", "Bị từ chối (N)"…). */
  filter(outcome: 'all' | 'accepted' | 'duplicate' | 'refused') {
    return this.page.getByTestId('import-filter').locator(`[data-filter="${outcome}"]`);
  }

  /** "Đang hiện N/M dòng." with its "Hiện thêm" button, when rows are held back. */
  more() {
    return this.page.getByTestId('import-more');
  }

  /** Each row's cells as text: file, commune, revision, verdict. */
  async rows(): Promise<string[][]> {
    return this.page.getByTestId('import-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
    );
  }
}

/** "Tình hình nộp hồ sơ năm YYYY": one row per roster commune, filterable by state. */
export class BoardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review-board').click();
    await this.page.getByTestId('board-filter').waitFor();
  }

  deadline() {
    return this.page.getByTestId('board-deadline');
  }

  filter(state: 'all' | 'not-received' | 'received' | 'flagged') {
    return this.page.getByTestId('board-filter').locator(`[data-filter="${state}"]`);
  }

  /** code → the state cell's text, for the rows shown. */
  async rows(): Promise<Record<string, string>> {
    const pairs = await this.page.getByTestId('board-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-code') ?? '', (tr.querySelectorAll('td')[2]?.textContent ?? '').trim()] as [string, string]),
    );
    return Object.fromEntries(pairs);
  }
}
