/**
 * Text typed by people used as a key must never reach an object's prototype: a free-text answer
 * "constructor", a question or item code "toString", an entries file keyed "__proto__", a formula
 * input named "valueOf". Compared with an oracle that keys everything by Map.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SurveyDefinition } from '../framework/schema';
import { computeScores } from './engine';
import { framework, leaf } from './policy-helpers';
import { surveyItemPoints, tallySurvey, validateSurveyForms } from './survey';
import { item } from './test-helpers';
import type { SurveyForm } from './survey';

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'];
const arbText = fc.oneof(fc.constantFrom(...BUILT_INS), fc.constantFrom('1', '2', '9', '', ' '), fc.string({ maxLength: 6 }));

const LIKERT = ['1', '2', '3', '4', '5'].map((value, i) => ({ value, label: `Mức ${value}`, weight: 10000 - i * 2500 }));
// Question codes that are built-in names: valid codes ("constructor" matches the code pattern).
const def: SurveyDefinition = {
  targetForms: 3,
  minForms: 1,
  respondentFacts: [{ code: 'toString', text: 'Ghi chú', type: 'text', required: false }],
  sections: [
    {
      code: 'A',
      title: 'A',
      questions: [
        { code: 'constructor', text: 'Hài lòng?', type: 'likert5', options: LIKERT, feeds: 'valueOf', required: true },
        { code: 'hasOwnProperty', text: 'Ý kiến', type: 'text', required: false },
        { code: 'Q2', text: 'Số lần', type: 'number', required: false },
      ],
    },
  ],
};
const questionCodes = ['toString', 'constructor', 'hasOwnProperty', 'Q2'];

/** Forms as a spreadsheet or JSON import makes them: JSON.parse keeps "__proto__" as an own key. */
const arbForms: fc.Arbitrary<SurveyForm[]> = fc
  .array(fc.array(fc.tuple(fc.constantFrom(...questionCodes, ...BUILT_INS), arbText), { maxLength: 6 }), { maxLength: 12 })
  .map((rows) => rows.map((pairs, i) => ({ formNo: String(i + 1), answers: JSON.parse(JSON.stringify(Object.fromEntries(pairs))) as SurveyForm['answers'] })));

function oracle(forms: SurveyForm[]): Map<string, { answered: number; blank: number; invalid: number; counts: Map<string, number> }> {
  const out = new Map<string, { answered: number; blank: number; invalid: number; counts: Map<string, number> }>();
  for (const q of [...def.respondentFacts, ...def.sections.flatMap((s) => s.questions)]) {
    const t = { answered: 0, blank: 0, invalid: 0, counts: new Map((q.options ?? []).map((o) => [o.value, 0])) };
    for (const f of forms) {
      const own = new Map(Object.entries(f.answers));
      const raw = own.get(q.code);
      const text = raw === undefined || raw === null ? '' : String(raw).trim();
      if (text === '') t.blank += 1;
      else if (q.type === 'text') t.answered += 1;
      else if (q.type === 'number') {
        if (/^-?\d+(?:[.,]\d+)?$/u.test(text)) t.answered += 1;
        else t.invalid += 1;
      } else if (t.counts.has(text)) {
        t.answered += 1;
        t.counts.set(text, t.counts.get(text)! + 1);
      } else t.invalid += 1;
    }
    out.set(q.code, t);
  }
  return out;
}

describe('keys typed by people never reach a prototype', () => {
  it('the survey tally equals a Map-keyed oracle, counts stay numbers, and it survives JSON (what an export does)', () => {
    fc.assert(
      fc.property(arbForms, (forms) => {
        const t = tallySurvey(def, forms);
        const want = oracle(forms);
        expect(Object.keys(t.questions).sort()).toEqual([...want.keys()].sort());
        for (const [code, w] of want) {
          const got = Object.entries(t.questions).find(([k]) => k === code)![1];
          expect([got.answered, got.blank, got.invalid]).toEqual([w.answered, w.blank, w.invalid]);
          expect(Object.entries(got.counts)).toEqual([...w.counts]);
          for (const v of Object.values(got.counts)) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        }
        expect(JSON.parse(JSON.stringify(t))).toEqual(t);
        const p = surveyItemPoints(def, item({ type: 'survey' }, 375, { code: 'valueOf' }), t);
        if (p !== null) expect(p >= 0 && p <= 375).toBe(true);
        for (const issue of validateSurveyForms(def, forms)) expect(typeof issue.message).toBe('string');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 400 },
    );
  });

  it('entries keyed by built-in names score the items with those codes, and nothing else', () => {
    const fw = framework([
      {
        code: 'L',
        title: 'L',
        criteria: [
          {
            code: 'C',
            title: 'C',
            notApplicable: 'full',
            items: [
              leaf('constructor', 100, { type: 'binary' }),
              leaf('toString', 100, { type: 'formula', inputs: [{ name: 'valueof', label: 'A' }, { name: 'constructor', label: 'B' }], expression: 'valueof + constructor' }),
              leaf('hasOwnProperty', 100, { type: 'increment', perUnit: 25, unitLabel: 'Số lần' }),
            ],
          },
        ],
      },
    ]);
    fc.assert(
      fc.property(
        fc.subarray(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'C'] as const),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (keys, a, b) => {
          const entry: Record<string, unknown> = {
            constructor: { input: { type: 'binary', done: true } },
            toString: { input: { type: 'formula', values: { valueof: a, constructor: b } } },
            hasOwnProperty: { input: { type: 'increment', units: 3 } },
            valueOf: { input: { type: 'binary', done: true } },
            __proto__: { notApplicable: true },
            C: { notApplicable: true },
          };
          const text = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(entry[k])}`).join(',')}}`;
          const entries = JSON.parse(text) as Parameters<typeof computeScores>[1];
          const s = computeScores(fw, entries);
          const has = (k: string): boolean => (keys as readonly string[]).includes(k);
          if (has('C')) {
            expect(s.total.points).toBe(300);
            return;
          }
          expect(s.items['constructor']).toMatchObject(has('constructor') ? { status: 'scored', points: 100 } : { status: 'empty', points: 0 });
          expect(s.items['toString']).toMatchObject(has('toString') ? { status: 'scored', points: Math.min(100, (a + b) * 100) } : { status: 'empty' });
          expect(s.items['hasOwnProperty']).toMatchObject(has('hasOwnProperty') ? { status: 'scored', points: 75 } : { status: 'empty' });
          expect(s.total.errors).toBe(0);
          expect(JSON.parse(JSON.stringify(s.items))).toEqual(s.items);
        },
      ),
      { numRuns: 200 },
    );
  });
});
