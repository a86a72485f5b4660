import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allQuestions } from '../../../shared/scoring/survey';
import { sampleSurvey } from '../../../shared/framework/sample-survey';
import { captureIO } from '../../../test/helpers/cli-io';
import { communeSetup, freshStore, parsedSetup } from '../../../test/helpers/context';
import { withRequired } from '../../../test/helpers/survey';
import { runCli } from '../../app/cli/chiso';
import { listAudit } from '../audit/audit-repo';
import { completeSetup } from '../setup/identity';
import { beginVerify, finishVerify, resolveDifference, surveyProgress } from './double-entry';
import { beginForm, deleteForm, getForm, listForms, saveForm, setAnswer } from './keying';
import { surveyResults } from './results';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function store(setup: Record<string, unknown> = communeSetup) {
  const s = freshStore();
  cleanups.push(s.cleanup);
  completeSetup(s.ctx, parsedSetup(setup));
  return s;
}
type Ctx = ReturnType<typeof store>['ctx'];

function key(ctx: Ctx, formNo: string, answers: Record<string, string | number | null>): number {
  const { form } = beginForm(ctx, { formNo, keyedBy: 'Hoa' });
  for (const [code, value] of Object.entries(answers)) setAnswer(ctx, { formId: form.id, pass: 1, code, value });
  return form.id;
}

const refusal = (f: () => unknown): { code: string; details: Record<string, unknown> } => {
  try {
    f();
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

describe('a required question left blank stops the save', () => {
  it('refuses the save naming the first blank required question, and changes nothing', () => {
    const { ctx } = store();
    const answers = withRequired();
    delete answers['A5'];
    answers['B2'] = null; // keyed as "Không trả lời"
    const id = key(ctx, '001', answers);
    const before = listAudit(ctx).length;
    const err = refusal(() => saveForm(ctx, id));
    expect(err.code).toBe('SURVEY_REQUIRED_BLANK');
    expect(err.details['questionCode']).toBe('A5');
    expect(err.details['questions']).toEqual(['A5', 'B2']);
    const issues = err.details['issues'] as { path: string; message: string }[];
    expect(issues[0]).toEqual({
      path: 'phiếu 001',
      message: 'Câu A5 (Hồ sơ của Ông/Bà có được tiếp nhận đúng thành phần như đã…) là bắt buộc: hãy chọn một câu trả lời theo phiếu giấy.',
    });
    expect(getForm(ctx, id).status).toBe('draft');
    expect(listAudit(ctx)).toHaveLength(before);
    // Answered from the paper: saved; the questions left that are not required become "no answer".
    setAnswer(ctx, { formId: id, pass: 1, code: 'A5', value: '1' });
    setAnswer(ctx, { formId: id, pass: 1, code: 'B2', value: '2' });
    expect(saveForm(ctx, id).status).toBe('saved');
    expect(getForm(ctx, id).answers['C3']).toBeNull();
  });

  it('a typed required question is named with "nhập", and a correction that blanks one is refused too', () => {
    const { ctx } = store();
    const id = key(ctx, '2', withRequired());
    saveForm(ctx, id);
    setAnswer(ctx, { formId: id, pass: 1, code: 'A1', value: null });
    expect(refusal(() => saveForm(ctx, id)).details['questionCode']).toBe('A1');
    const date = { ...sampleSurvey.respondentFacts.find((q) => q.code === 'TT5')!, required: true };
    const def = { ...sampleSurvey, respondentFacts: sampleSurvey.respondentFacts.map((q) => (q.code === 'TT5' ? date : q)) };
    expect(allQuestions(def).filter((q) => q.required)).toContain(date);
    return import('../../../shared/survey/required').then(({ requiredSentence }) => {
      expect(requiredSentence(date)).toBe('Câu TT5 (Ngày thực hiện thủ tục (ghi trên phiếu)) là bắt buộc: hãy nhập câu trả lời theo phiếu giấy.');
    });
  });

  it('double entry still verifies; a difference resolved to a blank on a required question is refused', () => {
    const { ctx } = store();
    const id = key(ctx, '5', withRequired({ A1: '2' }));
    saveForm(ctx, id);
    beginVerify(ctx, { formNo: '5', keyedBy: 'Lan' });
    for (const [code, value] of Object.entries(withRequired({ A1: null }))) setAnswer(ctx, { formId: id, pass: 2, code, value });
    expect(finishVerify(ctx, id).differences.map((d) => d.code)).toEqual(['A1']);
    expect(refusal(() => resolveDifference(ctx, { formId: id, code: 'A1', choice: 'second' })).code).toBe('SURVEY_REQUIRED_BLANK');
    expect(resolveDifference(ctx, { formId: id, code: 'A1', choice: 'first' }).verify).toBe('verified');
    expect(getForm(ctx, id).answers['A1']).toBe('2');
  });

  it('the CLI refuses a file with a required blank, with the code and the sentence', async () => {
    const { dir } = store();
    const { io, err } = captureIO(dir);
    expect(await runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'], io)).toBe(0);
    const codes = allQuestions(sampleSurvey).map((q) => q.code);
    const row = (no: string, blank?: string) => [no, ...codes.map((c) => (c === blank ? '' : String(withRequired()[c] ?? '')))].join(',');
    writeFileSync(join(dir, 'phieu.csv'), `${['so_phieu', ...codes].join(',')}\n${row('1')}\n${row('2', 'B3')}\n`);
    expect(await runCli(['survey', 'import', '--db', 'x.sqlite', 'phieu.csv'], io)).toBe(1);
    expect(err[0]).toMatch(/^Lỗi \[SURVEY_IMPORT_INVALID\]: /u);
    expect(err.join('\n')).toContain('dòng 3: thiếu câu trả lời bắt buộc: B3 (Câu B3 (');
    expect(err.join('\n')).toContain(') là bắt buộc: hãy chọn một câu trả lời theo phiếu giấy.)');
  });
});

describe('the target', () => {
  it('flags the forms saved beyond the target, counts them all, and a deletion moves the line', () => {
    const { ctx } = store();
    const ids: number[] = [];
    for (let n = 1; n <= 22; n++) {
      const id = key(ctx, String(n).padStart(3, '0'), withRequired());
      saveForm(ctx, id);
      ids.push(id);
    }
    key(ctx, '023', {}); // a draft is never beyond: it does not count
    const beyond = () => listForms(ctx).filter((f) => f.beyondTarget).map((f) => f.formNo);
    expect(beyond()).toEqual(['021', '022']);
    expect(surveyProgress(ctx)).toMatchObject({ target: 20, saved: 22, drafts: 1 });
    // Nothing is dropped: every saved form is in the tally.
    expect(surveyResults(ctx).tally.forms).toBe(22);
    deleteForm(ctx, { formId: ids[0]!, reason: 'Phiếu của xã khác' });
    expect(beyond()).toEqual(['022']);
  });

  it('a phường counts against its own target (the survey variant for its unit type)', () => {
    const { ctx } = store({ ...communeSetup, unitName: 'Phường Bình Đào', unitType: 'phuong' });
    expect(surveyProgress(ctx)).toMatchObject({ target: 30, min: 30 });
  });
});
