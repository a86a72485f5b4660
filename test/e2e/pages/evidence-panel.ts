import type { Locator } from 'playwright-core';

/** The evidence part of one item card: documents (a form) and attached files. */
export class EvidencePanel {
  constructor(private readonly item: Locator) {}

  async open(): Promise<void> {
    const body = this.item.getByTestId('evidence-body');
    if (!(await body.isVisible())) await this.item.getByTestId('evidence-toggle').click();
    await body.waitFor();
  }

  /** "Đính kèm tệp…": main shows the (stubbed) dialog. */
  async attach(): Promise<void> {
    await this.item.getByTestId('attach').click();
  }

  files() {
    return this.item.getByTestId('evidence-files');
  }

  async previewFile(): Promise<void> {
    await this.item.getByTestId('file-preview').click();
  }

  /** Shown for a PDF, which the CSP keeps out of frames. */
  pdfPreviewNote() {
    return this.item.getByTestId('pdf-preview-note');
  }

  previewImage() {
    return this.item.getByTestId('evidence-preview').locator('img');
  }

  /** "Mở": main opens a copy with the system viewer. */
  async openFile(): Promise<void> {
    await this.item.getByTestId('file-open').click();
  }

  documents() {
    return this.item.getByTestId('evidence-docs');
  }

  field(name: 'number' | 'date' | 'issuer' | 'summary' | 'locator') {
    return this.item.getByTestId(`doc-${name}`);
  }

  /** "Thêm" or "Cập nhật", whichever the form shows. */
  async submitDocument(): Promise<void> {
    await this.item.getByTestId('doc-add').click();
  }

  async editLastDocument(): Promise<void> {
    await this.item.getByTestId('doc-edit').last().click();
  }

  text(value: string) {
    return this.item.getByText(value);
  }
}
