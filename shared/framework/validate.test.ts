import { describe, expect, it } from 'vitest';
import type { Framework } from './schema';
import { parseFramework } from './validate';
import { sampleFramework } from './sample';

/** A deep, mutable copy to break on purpose. */
function copy(): Framework {
  return structuredClone(sampleFramework);
}

function issuesOf(json: unknown): { path: string; message: string }[] {
  const r = parseFramework(json);
  if (r.ok) throw new Error('expected the framework to be refused');
  return r.issues;
}

describe('parseFramework', () => {
  it('accepts the sample framework unchanged', () => {
    const r = parseFramework(sampleFramework);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(r.ok && r.framework).toEqual(sampleFramework);
  });

  it('accepts it after a JSON round trip, filling defaults', () => {
    const json = JSON.parse(JSON.stringify(sampleFramework)) as Record<string, unknown>;
    const fields = json.fields as { criteria: { items: { required?: boolean }[] }[] }[];
    delete fields[0]!.criteria[0]!.items[0]!.required;
    const r = parseFramework(json);
    expect(r.ok).toBe(true);
    expect(r.ok && r.framework.fields[0]!.criteria[0]!.items[0]!.required).toBe(true);
  });

  it('normalises NFD text to NFC', () => {
    const fw = copy();
    fw.title = fw.title.normalize('NFD');
    const r = parseFramework(fw);
    expect(r.ok && r.framework.title).toBe(sampleFramework.title);
  });

  it('refuses a shape error with a Vietnamese message and a path', () => {
    const fw = copy() as unknown as Record<string, unknown>;
    fw.totalMax = '100';
    delete fw.groups;
    fw.extra = true;
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({ path: 'totalMax', message: 'Sai kiểu dữ liệu: cần số.' });
    expect(issues).toContainEqual({ path: 'groups', message: 'Thiếu giá trị bắt buộc.' });
    expect(issues.some((i) => i.message.includes('extra'))).toBe(true);
  });

  it('refuses a duplicate item code', () => {
    const fw = copy();
    fw.fields[2]!.criteria[2]!.items[0]!.code = '3.2';
    fw.fields[2]!.criteria[2]!.code = '3.2';
    const issues = issuesOf(fw);
    expect(issues.some((i) => i.path === 'fields[2].criteria[2].items[0].code' && i.message.includes('3.2') && i.message.includes('trùng'))).toBe(true);
  });

  it('refuses an adjustment reusing an item code', () => {
    const fw = copy();
    fw.adjustments![0]!.code = '1.1';
    expect(issuesOf(fw).some((i) => i.path === 'adjustments[0].code')).toBe(true);
  });

  it('refuses field sums that do not add up to totalMax', () => {
    const fw = copy();
    fw.fields[0]!.criteria[0]!.items[0]!.maxPoints = 75;
    const issues = issuesOf(fw);
    expect(issues).toContainEqual({
      path: 'fields[0].maxPoints',
      message: 'Lĩnh vực 1 khai điểm tối đa 9,00 nhưng tổng các tiêu chí là 9,25.',
    });
    expect(issues).toContainEqual({
      path: 'totalMax',
      message: 'Tổng điểm tối đa khai là 100,00 nhưng tổng các lĩnh vực là 100,25.',
    });
  });

  it('refuses a declared criterion maximum that differs from its items', () => {
    const fw = copy();
    fw.fields[7]!.criteria[0]!.maxPoints = 1400;
    expect(issuesOf(fw).map((i) => i.path)).toContain('fields[7].criteria[0].maxPoints');
  });

  it('refuses bands out of order, over the maximum, or never reaching it', () => {
    const fw = copy();
    const rule = fw.fields[2]!.criteria[2]!.items[0]!.rule;
    if (rule.type !== 'bands') throw new Error('3.3 is a bands rule');
    rule.bands = [
      { minPercent: 9800, points: 300 },
      { minPercent: 10000, points: 500 },
    ];
    const issues = issuesOf(fw);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('fields[2].criteria[2].items[0].rule.bands[1].minPercent');
    expect(paths).toContain('fields[2].criteria[2].items[0].rule.bands[1].points');
    expect(paths).toContain('fields[2].criteria[2].items[0].rule.bands[0].points');
    expect(issues.find((i) => i.path.endsWith('bands[1].minPercent'))!.message).toMatch(/giảm dần/u);
  });

  it('refuses a tier above the maximum and levels with the same id', () => {
    const fw = copy();
    const rule = fw.fields[0]!.criteria[3]!.items[0]!.rule;
    if (rule.type !== 'tiered') throw new Error('1.4 is tiered');
    rule.levels[1] = { id: 'dat-du', label: 'Quá mức', points: 150 };
    const paths = issuesOf(fw).map((i) => i.path);
    expect(paths).toContain('fields[0].criteria[3].items[0].rule.levels[1].id');
    expect(paths).toContain('fields[0].criteria[3].items[0].rule.levels[1].points');
  });

  it('refuses groups not sorted descending or not ending at 0', () => {
    const fw = copy();
    fw.groups = [
      { code: 'a', label: 'A', minPercent: 7000 },
      { code: 'b', label: 'B', minPercent: 8000 },
    ];
    const paths = issuesOf(fw).map((i) => i.path);
    expect(paths).toEqual(['groups[1].minPercent', 'groups[1].minPercent']);
  });

  it('refuses a manual step that does not divide the maximum, and a deduction floor at the maximum', () => {
    const fw = copy();
    fw.adjustments![0]!.rule = { type: 'manual', step: 40 };
    const d = fw.fields[0]!.criteria[2]!.items[0]!;
    if (d.rule.type !== 'deduction') throw new Error('1.3 is a deduction');
    d.rule.floor = 100;
    const paths = issuesOf(fw).map((i) => i.path);
    expect(paths).toContain('adjustments[0].cap');
    expect(paths).toContain('fields[0].criteria[2].items[0].rule.floor');
  });

  it('refuses an adjustment whose cap exceeds the shared cap', () => {
    const fw = copy();
    fw.adjustmentCaps = { bonus: 200, penalty: 500 };
    expect(issuesOf(fw).map((i) => i.path)).toEqual(['adjustments[0].cap']);
  });

  it('refuses survey questions feeding a missing or non-survey item, and unfed survey items', () => {
    const fw = copy();
    const questions = fw.survey!.sections[0]!.questions;
    questions[0]!.feeds = '3.3';
    questions[1]!.feeds = '8.9.9';
    const issues = issuesOf(fw);
    expect(issues.map((i) => i.path)).toEqual([
      'survey.sections[0].questions[0].feeds',
      'survey.sections[0].questions[1].feeds',
      'survey',
    ]);
    expect(issues[2]!.message).toContain('8.1.1');
  });

  it('refuses bad survey options', () => {
    const fw = copy();
    const q = fw.survey!.sections[0]!.questions[0]!;
    q.options = [...q.options!.slice(0, 4), { value: '1', label: 'Trùng', weight: 12000 }];
    fw.survey!.respondentFacts[0]!.feeds = '8.1.1';
    const issues = issuesOf(fw);
    // weight 12000 is a shape error: reported before semantic checks run
    expect(issues.some((i) => i.path === 'survey.sections[0].questions[0].options[4].weight')).toBe(true);
    q.options[4]!.weight = 0;
    const paths = issuesOf(fw).map((i) => i.path);
    expect(paths).toContain('survey.sections[0].questions[0].options[4].value');
    expect(paths).toContain('survey.respondentFacts[0].feeds');
  });

  it('refuses a survey item when the framework has no survey', () => {
    const fw = copy();
    delete fw.survey;
    // and the policy on questionnaires has nothing left to act on
    expect(issuesOf(fw).map((i) => i.path).sort()).toEqual(['survey', 'surveyPolicy.belowMinimum']);
  });

  it('refuses weights on a question that scores nothing', () => {
    const fw = copy();
    const q = fw.survey!.sections[2]!.questions[0]!;
    q.options![0]!.weight = 10000;
    expect(issuesOf(fw).map((i) => i.path)).toEqual(['survey.sections[2].questions[0].options']);
  });
});
