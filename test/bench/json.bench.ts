/**
 * JSON parsing of a large user file: can one parser serve both the user files (entries, survey,
 * framework, roster: a value plus the line of every path, line of a syntax error) and the package
 * verifier? The same ~4 MB entries-shaped file (integers only, so every candidate accepts it),
 * parsed the way loadEntriesText needs it (the value and a line per path), by:
 *
 *  - the current reader (baseline): jsonShapeProblem + JSON.parse + jsonLines;
 *  - the package's strict parser (parseStrictJson with the user-file depth) + jsonLines, since the
 *    strict parser gives positions only for faults, not a line per path;
 *  - jsonc-parser's parseTree (offsets for every node) + getNodeValue + a line per path from the
 *    node offsets.
 *
 * The decision and its figures are in docs/architecture.md ("JSON parsing").
 */
import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { jsonLines, jsonShapeProblem, USER_JSON_LIMITS } from '../../electron/kernel/files/json-lines';
import { parseStrictJson } from '../../shared/package/strict-json';
import { ms, ratio, report, sample } from './harness';

const SUITE = 'json';

/** An entries-shaped file: `items` of `count` items, each with a value, an explanation, evidence and sub-counts. */
function entriesText(count: number): string {
  const items: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    items[`I.${1 + (i % 9)}.${i}`] = {
      value: { kind: 'count', done: i % 97, total: 100 + (i % 13) },
      explanation: `Đã thực hiện theo kế hoạch số ${i}/KH-UBND, có báo cáo kèm theo "bản ${i % 7}".`,
      evidence: [`ev-${i}`, `ev-${i + 1}`],
      parts: [{ code: 'a', n: i % 5 }, { code: 'b', n: i % 3 }],
    };
  }
  return JSON.stringify({ format: 'chiso-entries', version: 1, unitCode: '26734', year: 2026, items }, null, 2);
}

/** The current reader, as loadEntriesText uses it. */
function current(text: string): number {
  if (jsonShapeProblem(text)) throw new Error('refused');
  JSON.parse(text);
  return jsonLines(text).size;
}

/** The strict package parser with the user-file depth, then the same line map. */
function strict(text: string): number {
  // The package's per-object and per-file member limits are lifted to the user files' value bound.
  const r = parseStrictJson(text, {
    maxDepth: USER_JSON_LIMITS.maxDepth,
    maxValues: USER_JSON_LIMITS.maxValues,
    maxObjectMembers: USER_JSON_LIMITS.maxValues,
    maxTotalMembers: USER_JSON_LIMITS.maxValues,
    maxArrayLength: USER_JSON_LIMITS.maxValues,
  });
  if (!r.ok) throw new Error(`refused: ${r.detail}`);
  return jsonLines(text).size;
}

/** jsonc-parser: one tree with offsets, the value from it, a line per path from the offsets. */
function jsonc(text: string): number {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!tree || errors.length > 0) throw new Error('refused');
  getNodeValue(tree);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lines = new Map<string, number>();
  const walk = (node: Node, path: string): void => {
    lines.set(path, lineOf(node.offset));
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children!;
        const child = path ? `${path}/${String(key!.value)}` : String(key!.value);
        if (value) walk(value, child);
        lines.set(child, lineOf(prop.offset));
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, n) => walk(c, path ? `${path}/${n}` : String(n)));
    }
  };
  walk(tree, '');
  return lines.size;
}

export async function jsonBench(): Promise<void> {
  const text = entriesText(10_000);
  const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
  // The three must agree on what they read before their times mean anything.
  const counts = [current(text), strict(text), jsonc(text)];
  if (new Set(counts).size !== 1) throw new Error(`the candidates disagree: ${counts.join(', ')}`);
  const base = await sample(() => current(text), 5, 2);
  report({ suite: SUITE, name: `user file ${size}, current (shape check + JSON.parse + jsonLines)`, figure: `p50 ${ms(base.p50)}` });
  const s = await sample(() => strict(text), 5, 2);
  report({ suite: SUITE, name: `user file ${size}, strict package parser + jsonLines`, figure: `p50 ${ms(s.p50)}`, baseline: ms(base.p50), ratio: ratio(s.p50, base.p50) });
  const j = await sample(() => jsonc(text), 5, 2);
  report({ suite: SUITE, name: `user file ${size}, jsonc-parser tree + value + lines`, figure: `p50 ${ms(j.p50)}`, baseline: ms(base.p50), ratio: ratio(j.p50, base.p50) });
  const parseOnly = await sample(() => JSON.parse(text), 5, 2);
  report({ suite: SUITE, name: `user file ${size}, JSON.parse alone (floor)`, figure: `p50 ${ms(parseOnly.p50)}`, baseline: ms(base.p50), ratio: ratio(parseOnly.p50, base.p50) });
}
