import { afterEach, describe, expect, it } from 'vitest';
import { communeSetup, freshStore, parsedSetup } from '../../../test/helpers/context';
import { withRequired } from '../../../test/helpers/survey';
import { insertForm } from './forms-repo';
import { listAudit } from '../audit/audit-repo';
import { completeSetup } from '../setup/identity';
import { surveyResults } from './results';
import { activeSurvey, beginForm, deleteForm, getForm, listForms, saveForm, setAnswer } from './keying';
import { surveySnapshot } from './snapshot';
import { beginVerify, finishVerify, resolveDifference, surveyProgress } from './double-entry';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function store() {
  const s = freshStore();
  cleanups.push(s.cleanup);
  completeSetup(s.ctx, parsedSetup(communeSetup));
  return s;
}

type Ctx = ReturnType<typeof store>['ctx'];

/** Key and save a form: `answers`, and the first option of every required question not given. */
function keyForm(ctx: Ctx, formNo: string, answers: Record<string, string | number | null>, keyedBy = 'Hoa'): number {
  const begun = beginForm(ctx, { formNo, keyedBy });
  expect(begun.kind).toBe('new');
  for (const [code, value] of Object.entries(withRequired(answers))) setAnswer(ctx, { formId: begun.form.id, pass: 1, code, value });
  saveForm(ctx, begun.form.id);
  return begun.form.id;
}

describe('keying questionnaires', () => {
  it('autosaves each answer as a draft with an audit row, resumes the draft, then saves', () => {
    const { ctx, db } = store();
    const begun = beginForm(ctx, { formNo: '007', keyedBy: 'Hoa' });
    setAnswer(ctx, { formId: begun.form.id, pass: 1, code: 'A1', value: '2' });
    setAnswer(ctx, { formId: begun.form.id, pass: 1, code: 'A1', value: '1' });
    setAnswer(ctx, { formId: begun.form.id, pass: 1, code: 'TT5', value: '30/09/2026' });
    // A crash here loses nothing: the same number resumes the draft with its answers.
    const again = beginForm(ctx, { formNo: '7', keyedBy: 'Hoa' });
    expect(again.kind).toBe('resume');
    expect(again.form.answers).toEqual({ A1: '1', TT5: '2026-09-30' });
    const log = listAudit(ctx, { entity: 'survey_form' });
    expect(log.filter((r) => r.action === 'survey.answer').map((r) => [r.old, r.new])).toContainEqual([
      { formNo: '007', code: 'A1', value: '2' },
      { formNo: '007', code: 'A1', value: '1' },
    ]);
    for (const [code, value] of Object.entries(withRequired({ A1: '1', TT5: '2026-09-30' }))) setAnswer(ctx, { formId: begun.form.id, pass: 1, code, value });
    saveForm(ctx, begun.form.id);
    expect(getForm(ctx, begun.form.id).answers['C2']).toBeNull(); // never reached, not required: "no answer"
    // A saved number is caught and the existing form shown.
    const dup = beginForm(ctx, { formNo: '0007', keyedBy: 'Lan' });
    expect(dup.kind).toBe('exists');
    expect(dup.form.answers['A1']).toBe('1');
    expect(db.prepare('SELECT count(*) AS n FROM survey_forms').get()).toEqual({ n: 1 });
  });

  it('refuses an answer that is not an option, and writes nothing', () => {
    const { ctx } = store();
    const begun = beginForm(ctx, { formNo: '1', keyedBy: 'Hoa' });
    expect(() => setAnswer(ctx, { formId: begun.form.id, pass: 1, code: 'A1', value: '7' })).toThrowError(
      expect.objectContaining({ code: 'SURVEY_BAD_ANSWER' }) as Error,
    );
    expect(() => setAnswer(ctx, { formId: begun.form.id, pass: 1, code: 'TT5', value: '31/02/2026' })).toThrow();
    expect(getForm(ctx, begun.form.id).answers).toEqual({});
  });

  it('soft-deletes with a reason: excluded from the list and results, the number free again', () => {
    const { ctx, db } = store();
    const id = keyForm(ctx, '12', { A1: '1' });
    expect(() => deleteForm(ctx, { formId: id, reason: '  ' })).toThrow();
    deleteForm(ctx, { formId: id, reason: 'Phiếu của xã khác' });
    expect(listForms(ctx)).toEqual([]);
    expect(surveyResults(ctx).progress.saved).toBe(0);
    expect(db.prepare('SELECT delete_reason FROM survey_forms WHERE id = ?').get(id)).toEqual({ delete_reason: 'Phiếu của xã khác' });
    expect(beginForm(ctx, { formNo: '12', keyedBy: 'Hoa' }).kind).toBe('new');
    expect(listAudit(ctx).some((r) => r.action === 'survey.form.delete')).toBe(true);
  });

  it('lists forms in numeric order and finds them by number', () => {
    const { ctx } = store();
    for (const n of ['10', '2', '1']) keyForm(ctx, n, {});
    expect(listForms(ctx).map((f) => f.formNo)).toEqual(['1', '2', '10']);
    expect(listForms(ctx, { search: '10' }).map((f) => f.formNo)).toEqual(['10']);
  });
});

describe('double entry', () => {
  it('keys the second pass blind, shows differences, resolves them and rates each person', () => {
    const { ctx } = store();
    const id = keyForm(ctx, '5', { A1: '1', A2: '2', B1: '3' }, 'Hoa');
    const second = beginVerify(ctx, { formNo: '5', keyedBy: 'Lan' });
    expect(second.kind).toBe('new');
    expect(second.form.answers).toEqual({}); // blind: nothing of the first pass
    for (const [code, value] of Object.entries(withRequired({ A1: '1', A2: '3', B1: '4' }))) setAnswer(ctx, { formId: id, pass: 2, code, value });
    const cmp = finishVerify(ctx, id);
    expect(cmp.verify).toBe('differences');
    expect(cmp.differences.map((d) => [d.code, d.first, d.second])).toEqual([['A2', '2', '3'], ['B1', '3', '4']]);
    expect(resolveDifference(ctx, { formId: id, code: 'A2', choice: 'second' }).verify).toBe('differences');
    const done = resolveDifference(ctx, { formId: id, code: 'B1', choice: 'typed', value: '5' });
    expect(done.verify).toBe('verified');
    expect(getForm(ctx, id).answers).toMatchObject({ A1: '1', A2: '3', B1: '5' });
    const progress = surveyProgress(ctx);
    expect(progress.verified).toBe(1);
    const hoa = progress.keyers.find((k) => k.name === 'Hoa');
    const lan = progress.keyers.find((k) => k.name === 'Lan');
    expect(hoa).toMatchObject({ disagreements: 2, answers: 29 });
    expect(lan).toMatchObject({ disagreements: 1, answers: 29 });
    expect(hoa?.ratePercent).toBe(Math.round((2 * 10000) / 29));
    expect(listAudit(ctx).filter((r) => r.action === 'survey.verify.resolve')).toHaveLength(2);
  });

  it('verifies at once when both passes agree; refuses to verify a draft', () => {
    const { ctx } = store();
    const id = keyForm(ctx, '1', { A1: '2' });
    beginVerify(ctx, { formNo: '1', keyedBy: 'Lan' });
    for (const [code, value] of Object.entries(withRequired({ A1: '2' }))) setAnswer(ctx, { formId: id, pass: 2, code, value });
    expect(finishVerify(ctx, id)).toEqual({ verify: 'verified', firstKeyedBy: 'Hoa', secondKeyedBy: 'Lan', differences: [] });
    beginForm(ctx, { formNo: '2', keyedBy: 'Hoa' });
    expect(() => beginVerify(ctx, { formNo: '2', keyedBy: 'Lan' })).toThrowError(expect.objectContaining({ code: 'SURVEY_FORM_NOT_SAVED' }) as Error);
  });
});

describe('results and snapshot', () => {
  it('survey points equal a hand computation', () => {
    const { ctx, db } = store();
    // Saved forms with blanks (imported before the required rule, or from a framework without it)
    // still score: written straight to the store, since keying now refuses a required blank.
    const ref = activeSurvey(ctx).ref;
    const saved = (formNo: string, answers: Record<string, string | null>) =>
      insertForm(db, { ref, formNo, source: 'keyed', status: 'saved', answers, keyedBy: 'Hoa', at: '2026-09-30T08:00:00.000Z' });
    // Item 8.1.1 (max 3,75) is fed by A1 and A2 (likert 100/75/50/25/0%).
    saved('1', { A1: '1', A2: '2', A8: '2' }); // 100 + 75
    saved('2', { A1: '3', A2: null, A8: '1' }); // 50, blank not counted
    saved('3', { A1: '4', A2: '1', A6: '5', A9: '1' }); // 25 + 100
    const draft = beginForm(ctx, { formNo: '4', keyedBy: 'Hoa' }); // drafts never count
    setAnswer(ctx, { formId: draft.form.id, pass: 1, code: 'A1', value: '5' });
    const r = surveyResults(ctx);
    // 8.1.1: 3.75 × (100+75+50+25+100)/5 % = 3.75 × 0.70 = 2.625 → 2.63 (half up).
    expect(r.items.find((i) => i.code === '8.1.1')?.points).toBe(263);
    // 8.1.3: A6 {0}, A8 {50, 100}, A9 {100} → 3.75 × 250/400 = 2.34375 → 2.34.
    expect(r.items.find((i) => i.code === '8.1.3')?.points).toBe(234);
    expect(r.items.find((i) => i.code === '8.2.1')?.points).toBeNull();
    expect(r.survey).toEqual({ points: 263 + 234, max: 3000 });
    expect(r.tally.questions['A1']?.counts).toEqual({ '1': 1, '2': 0, '3': 1, '4': 1, '5': 0 });
    expect(r.progress).toMatchObject({ saved: 3, drafts: 1, target: 20 });
    expect(r.selfAssessment.max).toBe(7000);

    const snap = surveySnapshot(ctx);
    expect(snap.forms.map((f) => f.formNo)).toEqual(['1', '2', '3']);
    expect(snap.forms[0]).toMatchObject({ keyedBy: 'Hoa', source: 'keyed', verified: { state: 'none', differences: 0 } });
    expect(snap.tally.forms).toBe(3);
    expect(snap.points).toBe(497);
    expect(snap.progress).toEqual({ saved: 3, verified: 0, drafts: 1 });
    expect(snap.items).toHaveLength(8);
  });
});
