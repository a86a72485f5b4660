import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { withRequired } from '../../../test/helpers/survey';
import { finaliseAssessment, reopenAssessment } from '../assessment/use-cases';
import { answerSurvey, beginSurveyForm, listSurveyForms, readSurveyResults, removeSurveyForm, saveSurveyForm } from './use-cases';

const apps: TestApp[] = [];
afterEach(() => {
  while (apps.length) apps.pop()!.cleanup();
});
function open(setup: typeof communeSetup | typeof provinceSetup): TestApp {
  const a = testApp(setup);
  apps.push(a);
  return a;
}

describe('survey policy', () => {
  it('keying is refused while the self-assessment is finalised, and allowed again once reopened; reading never is', async () => {
    const { app } = open(communeSetup);
    const first = await app.perform(beginSurveyForm, { formNo: '1', keyedBy: 'Hoa', pass: 1 });
    for (const [code, value] of Object.entries(withRequired())) await app.perform(answerSurvey, { formId: first.form.id, pass: 1, code, value });
    await app.perform(finaliseAssessment, undefined);
    expect(await refusal(app.perform(beginSurveyForm, { formNo: '2', keyedBy: 'Hoa', pass: 1 }))).toBe('ASSESSMENT_LOCKED');
    expect(await refusal(app.perform(saveSurveyForm, { formId: first.form.id }))).toBe('ASSESSMENT_LOCKED');
    expect(await refusal(app.perform(removeSurveyForm, { formId: first.form.id, reason: 'nhầm' }))).toBe('ASSESSMENT_LOCKED');
    expect(await app.perform(listSurveyForms, {})).toHaveLength(1);
    expect((await app.perform(readSurveyResults, undefined)).progress.saved).toBe(0);
    await app.perform(reopenAssessment, { reason: 'Nhập thêm phiếu điều tra' });
    expect(await app.perform(saveSurveyForm, { formId: first.form.id })).toMatchObject({ status: 'saved' });
  });

  it('a reviewing unit does not key a commune survey', async () => {
    const { app } = open(provinceSetup);
    expect(await refusal(app.perform(beginSurveyForm, { formNo: '1', keyedBy: 'Lan', pass: 1 }))).toBe('WRONG_ROLE');
  });
});
