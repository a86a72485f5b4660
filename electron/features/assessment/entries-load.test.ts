import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { TestApp } from '../../../test/helpers/app';
import { refusal as refused, testApp } from '../../../test/helpers/app';
import { communeSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { listDocuments } from '../evidence/evidence';
import { activeFramework } from '../framework/active';
import { listEntries } from './assessment';
import { loadEntriesText, registerEntriesSection } from './entries-load';
import { jsonLines } from '../../kernel/files/json-lines';
import { assessmentSnapshot } from './snapshot';
import { finaliseAssessment, loadEntries } from './use-cases';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));

let s: TestApp;
beforeEach(() => {
  s = testApp(communeSetup);
});
const ref = () => activeFramework(s.ctx).ref;
afterEach(() => s.cleanup());

function refusal(text: string): { line: number; message: string }[] {
  try {
    loadEntriesText(s.ctx, text);
  } catch (err) {
    expect((err as AppError).code).toBe('ENTRIES_INVALID');
    return ((err as AppError).details?.['issues'] as { line: number; message: string }[]);
  }
  throw new Error('not refused');
}

describe('entries loader', () => {
  it('loads the documented example for the sample framework completely (keeps docs/examples valid)', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const report = loadEntriesText(s.ctx, text);
    expect(report.sections).toEqual([
      { name: 'items', label: 'tiêu chí thành phần', count: 41 },
      { name: 'adjustments', label: 'điểm thưởng/trừ', count: 2 },
      { name: 'survey', label: 'phiếu điều tra xã hội học', count: 24 },
    ]);
    const snap = assessmentSnapshot(s.ctx);
    const nonSurvey = snap.items.filter((i) => i.kind === 'item' && !i.code.startsWith('8.'));
    expect(nonSurvey.every((i) => i.status === 'scored' || i.status === 'na')).toBe(true);
    expect(snap.scores.total.errors).toBe(0);
    expect(listEntries(s.ctx, ref())['3.5']?.explanation).toMatch(/không phát sinh/u);
    // Loading twice changes nothing and duplicates no document.
    const docs = listDocuments(s.ctx, ref()).length;
    loadEntriesText(s.ctx, text);
    expect(listDocuments(s.ctx, ref()).length).toBe(docs);
  });

  it('refuses a bad file with the line and reason of each bad entry, and writes nothing', () => {
    const text = `{
  "format": "chiso-entries",
  "items": {
    "1.1": { "input": { "type": "binary", "done": true } },
    "1.2": { "input": { "type": "ratio", "numerator": 50, "denominator": 40 } },
    "3.3": { "input": { "type": "bands", "numerator": 10, "denominator": 12, "complement": 1 } },
    "8.1.1": { "input": { "type": "manual", "points": 100 } },
    "77.7": { "input": { "type": "binary", "done": true } },
    "1.4": { "input": { "type": "tiered", "level": "khong-co" }, "colour": "red" }
  },
  "surveyz": {}
}`;
    const issues = refusal(text);
    const lines = issues.map((i) => i.line);
    expect(lines).toEqual([5, 6, 7, 8, 9, 11]);
    expect(issues[0]?.message).toMatch(/lớn hơn/u);
    expect(issues[1]?.message).toMatch(/không bằng/u);
    expect(issues[2]?.message).toMatch(/phiếu khảo sát/u);
    expect(issues[3]?.message).toMatch(/không có mục mã "77.7"/u);
    expect(issues[4]?.message).toMatch(/colour/u);
    expect(issues[5]?.message).toMatch(/"surveyz" không được hỗ trợ/u);
    expect(listEntries(s.ctx, ref())).toEqual({});
    expect(listAudit(s.ctx, { entity: 'assessment_entry' })).toEqual([]);
  });

  it('reports the line of a JSON syntax error', () => {
    const issues = refusal('{\n  "items": {\n    "1.1": { "input": { "type": "binary", "done": tru } }\n  }\n}');
    expect(issues[0]?.line).toBe(3);
  });

  it('refuses to load into a finalised assessment', async () => {
    await s.app.perform(finaliseAssessment, undefined);
    const text = '{"items": {"1.1": {"input": {"type": "binary", "done": true}}}}';
    expect(await refused(s.app.perform(loadEntries, { file: 'e.json', text }))).toBe('ASSESSMENT_LOCKED');
    expect(listEntries(s.ctx, ref())).toEqual({});
  });

  it('lets another feature register a section with one call; its problems refuse the whole file', () => {
    const applied: unknown[] = [];
    registerEntriesSection('testsection', {
      label: 'thử',
      check: (value, env) => ({
        issues: Array.isArray(value) ? [] : [{ line: env.lineOf('testsection'), path: 'testsection', message: 'phải là mảng' }],
        apply: () => {
          applied.push(value);
          return 1;
        },
      }),
    });
    expect(refusal('{"items": {"1.1": {"input": {"type": "binary", "done": true}}},\n"testsection": 5}')[0]?.line).toBe(2);
    expect(listEntries(s.ctx, ref())).toEqual({});
    const report = loadEntriesText(s.ctx, '{"testsection": [1]}');
    expect(report.sections).toEqual([{ name: 'testsection', label: 'thử', count: 1 }]);
    expect(applied).toEqual([[1]]);
  });
});

describe('jsonLines', () => {
  it('maps every key path to its line', () => {
    const m = jsonLines('{\n "a": {\n  "b": [1,\n   {"c": "x\\"y"}]\n },\n "d": null\n}');
    expect(m.get('a')).toBe(2);
    expect(m.get('a/b')).toBe(3);
    expect(m.get('a/b/1/c')).toBe(4);
    expect(m.get('d')).toBe(6);
  });
});
