import { describe, expect, it } from 'vitest';
import { jsonLines, jsonShapeProblem, parseUserJson, syntaxErrorOffset, USER_JSON_LIMITS } from './json-lines';

const deep = (levels: number, open = '[', close = ']'): string => open.repeat(levels) + close.repeat(levels);

describe('user JSON files: shape bounded before JSON.parse and every recursive walk', () => {
  it('finds nesting beyond the limit, on the text, at the bracket that goes too deep', () => {
    const limit = USER_JSON_LIMITS.maxDepth;
    expect(jsonShapeProblem(deep(limit))).toBeNull();
    expect(jsonShapeProblem(deep(limit + 1))).toEqual({ reason: 'depth', offset: limit });
    expect(jsonShapeProblem(`{"a":"${'['.repeat(1000)}"}`)).toBeNull(); // brackets inside a string do not count
    expect(jsonShapeProblem(`{"a":"\\"${'['.repeat(1000)}"}`)).toBeNull();
    expect(jsonShapeProblem('{"a":' + '{"b":'.repeat(1_000_000))).toMatchObject({ reason: 'depth' });
  });
  it('counts values and refuses a file of millions of them', () => {
    expect(jsonShapeProblem(`[${'0,'.repeat(10)}0]`, { maxDepth: 64, maxValues: 11 })).toMatchObject({ reason: 'values' });
    expect(jsonShapeProblem(`[${'0,'.repeat(9)}0]`, { maxDepth: 64, maxValues: 11 })).toBeNull();
    expect(jsonShapeProblem(`[${'{},'.repeat(2_000_000)}{}]`)).toMatchObject({ reason: 'values' });
  });
  it('parseUserJson: refuses too deep with its line, parses the rest like JSON.parse', () => {
    expect(parseUserJson(`{\n"a":\n${deep(100_000)}}`)).toEqual({ ok: false, details: { problem: 'depth', line: 3, maxDepth: USER_JSON_LIMITS.maxDepth } });
    expect(parseUserJson('{"a":[1.5,{"b":null}]}')).toEqual({ ok: true, value: { a: [1.5, { b: null }] } });
    expect(parseUserJson('{"a":\n[1,]}')).toEqual({ ok: false, details: { line: 2 } });
  });
  it('syntaxErrorOffset never recurses past the limit, whatever the text', () => {
    for (const text of [deep(1_000_000).slice(0, -1), '['.repeat(1_000_000), '{"a":'.repeat(500_000)]) {
      expect(syntaxErrorOffset(text)).toBe(USER_JSON_LIMITS.maxDepth * (text.startsWith('{') ? 5 : 1));
    }
    expect(syntaxErrorOffset('[1,2')).toBe(4);
  });
  it('jsonLines still maps paths to lines on a file within the limit', () => {
    expect(jsonLines('{\n "a": [\n  1,\n  {"b": 2}\n ]\n}')).toEqual(new Map([['', 1], ['a', 2], ['a/0', 3], ['a/1', 4], ['a/1/b', 4]]));
  });
});
