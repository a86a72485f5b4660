import type { Page } from 'playwright-core';
import type { SurveyDefinition } from '../../../shared/framework/schema';
import type { SurveyAnswer } from '../../../shared/scoring/survey';
import { formatSurveyDate } from '../../../shared/scoring/survey-answer';
import { isOptionQuestion, keyingOrder } from '../../../renderer/src/features/commune/survey/keying-model';

/**
 * The survey screens, driven by the keyboard alone. Every key sent goes through press()
 * or type(), which count keystrokes (a typed string counts one per character).
 */
export class SurveyPage {
  keystrokes = 0;
  constructor(private readonly page: Page, private readonly def: SurveyDefinition) {}

  async press(key: string): Promise<void> {
    this.keystrokes += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.keystrokes += [...text].length;
    await this.page.keyboard.type(text);
  }

  formNo() {
    return this.page.getByTestId('form-no');
  }

  notice() {
    return this.page.getByTestId('keying-notice');
  }

  /** Follow a survey tab with the keyboard (focus, Enter). */
  async tab(name: string): Promise<void> {
    const link = this.page.locator('.survey-tabs').getByRole('link', { name, exact: true });
    await link.focus();
    await this.page.keyboard.press('Enter');
  }

  private async focused(testId: string): Promise<void> {
    await this.page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
  }

  /** Type a form number and Enter; waits for the form (or the duplicate notice). */
  async open(formNo: string): Promise<void> {
    await this.focused('form-no');
    await this.type(formNo);
    await this.press('Enter');
    // Not the notice alone: one may still be on screen from the previous form.
    await this.page.waitForFunction(() => document.querySelector('[data-testid="keying"], [data-testid="existing-form"], [data-testid="resolve"], [data-testid="error-notice"]'));
  }

  /** Wait until the highlight is on question `index` (the save step is index = count). */
  async at(index: number): Promise<void> {
    try {
      await this.page.locator(`[data-testid="keying"][data-index="${index}"]`).waitFor({ timeout: 10_000 });
    } catch (err) {
      const now = await this.page.getByTestId('keying').getAttribute('data-index');
      const hint = await this.page.getByTestId('keying-hint').textContent({ timeout: 100 }).catch(() => null);
      throw new Error(`expected question ${index}, highlight on ${now} (hint: ${hint})`, { cause: err });
    }
  }

  /** Key every answer in paper order: one key per option question, typed text + Enter otherwise. */
  async keyAnswers(answers: Record<string, SurveyAnswer>): Promise<void> {
    await this.page.getByTestId('keying').waitFor();
    for (const [i, q] of keyingOrder(this.def).entries()) {
      await this.at(i);
      const a = answers[q.code] ?? null;
      if (isOptionQuestion(q)) {
        await this.focused('keying');
        await this.press(a === null ? '0' : String(a));
      } else {
        await this.focused('typed-answer');
        if (a !== null) await this.type(q.type === 'date' ? formatSurveyDate(String(a)) : String(a));
        await this.press('Enter');
      }
    }
    await this.at(keyingOrder(this.def).length);
  }

  /** Enter on the last step: save (pass 1) or compare (pass 2). */
  async save(): Promise<void> {
    await this.focused('keying');
    await this.press('Enter');
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="keying"]'));
  }

  async keyForm(formNo: string, answers: Record<string, SurveyAnswer>): Promise<void> {
    await this.open(formNo);
    await this.keyAnswers(answers);
    await this.save();
  }
}
