import { describe, expect, it } from 'vitest';
import { sampleFramework } from '@shared/framework/sample';
import type { FrameworkItem } from '@shared/framework/schema';
import type { ItemChange } from '@shared/ipc/assessment';
import { changeWords } from './entries-change';

const item = (code: string): FrameworkItem => sampleFramework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items)).find((i) => i.code === code)!;
const change = (c: Partial<ItemChange>): ItemChange => ({ code: '1.1', change: 'changed', before: null, after: null, explanation: false, documents: 0, ...c });

describe('an entries-file change in the change log\'s words', () => {
  it('old → new for a changed and a new item, tier labels by name, in either language', () => {
    expect(changeWords(change({ before: { input: { type: 'binary', done: true } }, after: { input: { type: 'binary', done: false } } }), item('1.1'), 'vi')).toBe('đạt → chưa đạt');
    expect(changeWords(change({ before: { input: { type: 'binary', done: true } }, after: { input: { type: 'binary', done: false } } }), item('1.1'), 'en')).toBe('achieved → not achieved');
    expect(changeWords(change({ code: '1.4', change: 'new', after: { input: { type: 'tiered', level: 'khong' } } }), item('1.4'), 'vi')).toBe('(trống) → “Không tự kiểm tra”');
    expect(changeWords(change({ code: '1.2', after: { notApplicable: true }, before: { input: { type: 'ratio', numerator: 4, denominator: 5 } } }), item('1.2'), 'vi')).toBe('4/5 → không áp dụng');
  });

  it('nothing to say when only the explanation or evidence changes (the row says that instead)', () => {
    expect(changeWords(change({ explanation: true, documents: 1 }), item('1.1'), 'vi')).toBeNull();
  });
});
