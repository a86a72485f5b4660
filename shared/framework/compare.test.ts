import { describe, expect, it } from 'vitest';
import { compareFrameworks } from './compare';
import { sampleFramework } from './sample';
import type { Framework } from './schema';

describe('compareFrameworks', () => {
  it('finds what is new, gone, moved and changed, matched by code', () => {
    const before = sampleFramework;
    const after = structuredClone(sampleFramework) as Framework;
    const f1 = after.fields[0]!;
    const gone = f1.criteria.find((c) => c.code === '1.8')!;
    f1.criteria = f1.criteria.filter((c) => c.code !== '1.8');
    after.fields[1]!.criteria.push({ ...gone, code: '2.9', items: gone.items.map((i) => ({ ...i, code: '2.9' })) });
    const moved = f1.criteria.find((c) => c.code === '1.7')!;
    f1.criteria = f1.criteria.filter((c) => c.code !== '1.7');
    after.fields[2]!.criteria.push(moved);
    f1.criteria.find((c) => c.code === '1.3')!.items[0]!.rule = { type: 'binary' };
    const d = compareFrameworks(before, after);
    expect(d.removed.map((i) => i.code)).toEqual(['1.8']);
    expect(d.added.map((i) => i.code)).toEqual(['2.9']);
    expect(d.moved).toEqual([{ code: '1.7', title: moved.items[0]!.title, from: '1 / 1.7', to: '3 / 1.7' }]);
    expect(d.changed).toEqual([expect.objectContaining({ code: '1.3', aspects: ['rule'] })]);
    expect(compareFrameworks(before, before)).toMatchObject({ added: [], removed: [], moved: [], changed: [] });
  });
});
