import type { Page } from 'playwright-core';

export interface CommuneDetails {
  unitCode: string;
  unitName: string;
  provinceCode: string;
  reviewerCode: string;
  officerName?: string;
  officerTitle?: string;
  year: string;
  /** Left out: the clerk forgot to choose (the form asks for it). */
  unitType?: 'xa' | 'phuong' | 'dac-khu' | 'thi-tran';
}

export interface ReviewerDetails {
  level: 'province' | 'district';
  unitCode: string;
  unitName: string;
  provinceCode: string;
  year: string;
}

/** The first-run setup wizard. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async chooseRole(role: 'commune' | 'district'): Promise<void> {
    await this.page.getByTestId(`role-${role}`).click();
    await this.page.getByTestId('setup-form').waitFor();
  }

  async fill(name: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`input-${name}`);
    await input.fill(value);
    await input.blur();
  }

  async fillCommune(d: CommuneDetails): Promise<void> {
    await this.fill('unitCode', d.unitCode);
    await this.fill('provinceCode', d.provinceCode);
    await this.fill('unitName', d.unitName);
    await this.fill('reviewerCode', d.reviewerCode);
    if (d.officerName) await this.fill('officerName', d.officerName);
    if (d.officerTitle) await this.fill('officerTitle', d.officerTitle);
    await this.fill('year', d.year);
    if (d.unitType) await this.page.getByTestId(`unit-type-${d.unitType}`).check();
  }

  unitTypeError() {
    return this.page.getByTestId('unit-type-error');
  }

  async fillReviewer(d: ReviewerDetails): Promise<void> {
    await this.page.locator(`input[name="level"][value="${d.level}"]`).check();
    await this.fill('unitCode', d.unitCode);
    await this.fill('provinceCode', d.provinceCode);
    await this.fill('unitName', d.unitName);
    await this.fill('year', d.year);
  }

  fieldError(name: string) {
    return this.page.locator(`#f-${name}-err`);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('setup-submit').click();
  }

  async chooseFrameworkFile(): Promise<void> {
    await this.page.getByTestId('choose-framework').click();
  }
}
