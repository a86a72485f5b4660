/**
 * The two catalogues have the same keys, and English counts right. The compiler already holds
 * English to Vietnamese's keys (renderer/src/i18n/plural.ts); this checks what it cannot see:
 * English's only extra keys are the singular `<key>_one` of a sentence that counts ({{count}}),
 * Vietnamese has no plural suffix (i18next never asks for one: 'vi' has only "other"), every
 * English sentence that puts {{count}} before a noun has its singular, and no English sentence
 * puts another number before a plural noun (it passes `count` instead, or names the number
 * with a colon). Then i18next itself renders a sample with count 1 and 2 in both languages.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { vi } from '../../renderer/src/i18n/vi';

type Tree = { [key: string]: string | Tree };

/** Every string of a catalogue by its dotted path. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [p, s] of flatten(v, `${prefix}${k}.`)) out.set(p, s);
  }
  return out;
}

/** What is wrong between the Vietnamese and the English catalogue, as sentences (none: they agree). */
export function keyProblems(viTree: Tree, enTree: Tree): string[] {
  const v = flatten(viTree);
  const e = flatten(enTree);
  const problems: string[] = [];
  for (const key of v.keys()) {
    if (/_(zero|one|two|few|many|other)$/u.test(key)) problems.push(`vi ${key}: Vietnamese has one form, keep the plain key`);
    if (!e.has(key)) problems.push(`en lacks ${key}`);
  }
  for (const [key, text] of e) {
    if (v.has(key)) continue;
    const base = key.endsWith('_one') ? key.slice(0, -'_one'.length) : null;
    if (base === null || !v.has(base)) problems.push(`en ${key}: not a key of vi (nor the singular of one)`);
    else if (!text.includes('{{count}}') || !e.get(base)!.includes('{{count}}')) problems.push(`en ${key}: a singular beside a sentence without {{count}}`);
  }
  return problems;
}

/**
 * English sentences with {{count}} whose words do not change with the number: the count is not
 * followed by a noun it governs.
 */
const COUNT_WITHOUT_NOUN = new Set(['checklist.precheck.more', 'assessment.evidence.title', 'assessment.load.section', 'survey.target.beyond']);

/** Placeholders that hold a formatted measure (points, ratios), plural in English for any value. */
const MEASURES = new Set(['points', 'max', 'gap', 'self', 'appraised', 'per', 'floor', 'lost']);

/** Words after a number that are not a noun it counts. */
const NOT_A_NOUN = /^(is|has|was|does|scores|with|of|in|to|at|for|on|from|by|as)$/u;

/** What in English counts wrongly: a {{count}} noun without a singular, another number before a plural noun. */
export function countingProblems(enTree: Tree): string[] {
  const e = flatten(enTree);
  const problems: string[] = [];
  for (const [key, text] of e) {
    if (key.endsWith('_one')) continue;
    if (/\{\{count\}\} \p{L}/u.test(text) && !e.has(`${key}_one`) && !COUNT_WITHOUT_NOUN.has(key)) problems.push(`en ${key}: "${text}" has no singular (${key}_one)`);
    // "{{done}}/{{total}} items" reads plural whatever the numbers: only a number on its own counts.
    for (const m of text.matchAll(/(?<!\/ ?)\{\{(\w+)\}\} (?:([\p{L}-]+) )?(\p{L}+s)\b/gu)) {
      if (m[2] !== undefined && NOT_A_NOUN.test(m[2])) continue;
      if (NOT_A_NOUN.test(m[3]!)) continue;
      if (m[1] !== 'count' && !MEASURES.has(m[1]!)) problems.push(`en ${key}: {{${m[1]}}} before "${m[3]}" (pass count, or write "${m[3]}: {{${m[1]}}}")`);
    }
  }
  return problems;
}

const viTree = vi as unknown as Tree;
const enTree = en as unknown as Tree;

describe('the Vietnamese and English catalogues', () => {
  it('have the same keys; English adds only the singular of a sentence that counts', () => {
    expect(keyProblems(viTree, enTree)).toEqual([]);
  });

  it('refuse a key of one language only, a Vietnamese plural suffix and a singular of a sentence that does not count', () => {
    const viT = { a: { days: 'còn {{count}} ngày', name: 'Tên' }, b: 'x' };
    const enT = { a: { days: '{{count}} days left', days_one: '{{count}} day left', name: 'Name', name_one: 'Name', extra: 'Extra' } };
    expect(keyProblems(viT, enT)).toEqual(['en lacks b', 'en a.name_one: a singular beside a sentence without {{count}}', 'en a.extra: not a key of vi (nor the singular of one)']);
    expect(keyProblems({ a_one: 'x', a: 'y' }, { a_one: 'x', a: 'y' })).toEqual(['vi a_one: Vietnamese has one form, keep the plain key']);
  });

  it('count in English: every sentence that counts a noun has its singular, no other number precedes a plural noun', () => {
    expect(countingProblems(enTree)).toEqual([]);
    expect(countingProblems({ a: '{{count}} days left', b: 'Checked {{files}} files', c: '{{points}} points', d: 'and {{count}} more' } as Tree)).toEqual([
      'en a: "{{count}} days left" has no singular (a_one)',
      'en b: {{files}} before "files" (pass count, or write "files: {{files}}")',
      'en d: "and {{count}} more" has no singular (d_one)',
    ]);
  });
});

describe('i18next renders the number right in both languages', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ initAsync: false, lng: 'en', fallbackLng: 'vi', resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
  const say = (lng: 'vi' | 'en', key: string, count: number, more: Record<string, unknown> = {}): string => i18n.getFixedT(lng)(key, { count, ...more });

  const SAMPLE: { key: string; more?: Record<string, unknown>; en: [string, string]; vi: [string, string] }[] = [
    { key: 'checklist.daysLeft', en: ['1 day left', '2 days left'], vi: ['còn 1 ngày', 'còn 2 ngày'] },
    { key: 'checklist.overdue', en: ['1 day overdue', '2 days overdue'], vi: ['quá hạn 1 ngày', 'quá hạn 2 ngày'] },
    { key: 'framework.carried', en: ['Entries of 1 item will move over.', 'Entries of 2 items will move over.'], vi: ['Số liệu của 1 tiêu chí sẽ được chuyển sang.', 'Số liệu của 2 tiêu chí sẽ được chuyển sang.'] },
    { key: 'roster.total', en: ['1 commune, ward or special zone', '2 communes, wards and special zones'], vi: ['1 xã, phường, đặc khu', '2 xã, phường, đặc khu'] },
    { key: 'reviewImport.import.run', en: ['Receive 1 dossier', 'Receive 2 dossiers'], vi: ['Nhận 1 hồ sơ', 'Nhận 2 hồ sơ'] },
    { key: 'assessment.load.confirm', en: ['Load 1 change', 'Load 2 changes'], vi: ['Nạp 1 thay đổi', 'Nạp 2 thay đổi'] },
    { key: 'survey.blankRequiredLead', en: ['1 required question left blank (click to go to it):', '2 required questions left blank (click one to go to it):'], vi: ['Còn 1 câu bắt buộc để trống (bấm để đến câu đó):', 'Còn 2 câu bắt buộc để trống (bấm để đến câu đó):'] },
    { key: 'appraisal.screen.skipped', more: { codes: '1.2' }, en: ['1 item flagged at import skipped: look at it (1.2).', '2 items flagged at import skipped: look at each (1.2).'], vi: ['Bỏ qua 1 tiêu chí lệch khi tính lại: cần xem từng tiêu chí (1.2).', 'Bỏ qua 2 tiêu chí lệch khi tính lại: cần xem từng tiêu chí (1.2).'] },
  ];

  for (const s of SAMPLE) {
    it(`${s.key} with 1 and 2`, () => {
      expect([say('en', s.key, 1, s.more), say('en', s.key, 2, s.more)]).toEqual(s.en);
      expect([say('vi', s.key, 1, s.more), say('vi', s.key, 2, s.more)]).toEqual(s.vi);
    });
  }
});
