/**
 * Bounds for the JSON files a person loads (entries, survey forms, a criteria framework): far
 * above any honest file (a framework nests 6 levels, an entries file 5), low enough that no
 * recursive walk over the parsed value (zod, jsonLines, the loaders) can exhaust the stack and
 * that a file of millions of tiny values is refused before JSON.parse builds them.
 */
export const USER_JSON_LIMITS = { maxDepth: 64, maxValues: 1_000_000 } as const;

export type JsonShapeProblem = { reason: 'depth' | 'values'; offset: number };

/**
 * The first place a JSON text nests deeper than `maxDepth` or holds more than `maxValues` values
 * (counted as containers opened plus separators: every value but the first follows a comma or
 * opens a container), or null. A loop over the text that skips strings, run BEFORE JSON.parse and
 * any recursive walk; it does not judge the syntax (JSON.parse does, on a text known shallow).
 */
export function jsonShapeProblem(text: string, limits: { maxDepth: number; maxValues: number } = USER_JSON_LIMITS): JsonShapeProblem | null {
  let depth = 0;
  let values = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: a backslash escapes the next character.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return { reason: 'depth', offset: i };
      if (++values > limits.maxValues) return { reason: 'values', offset: i };
    } else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) depth--;
    } else if (c === 0x2c && ++values > limits.maxValues) return { reason: 'values', offset: i };
  }
  return null;
}

/** A user's JSON file: its shape bounded (jsonShapeProblem), then JSON.parse. */
export function parseUserJson(text: string): { ok: true; value: unknown } | { ok: false; details: Record<string, unknown> } {
  const problem = jsonShapeProblem(text);
  if (problem) {
    const limit = problem.reason === 'depth' ? { maxDepth: USER_JSON_LIMITS.maxDepth } : { maxValues: USER_JSON_LIMITS.maxValues };
    return { ok: false, details: { problem: problem.reason, line: lineAt(text, problem.offset), ...limit } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const offset = syntaxErrorOffset(text);
    return { ok: false, details: offset >= 0 ? { line: lineAt(text, offset) } : {} };
  }
}

/**
 * The line of every value in a JSON text, by path ("items/1.2" → 14), so a loader can say
 * which line of the user's file is wrong. A small scanner over already-valid JSON: run it
 * after JSON.parse succeeded on a text jsonShapeProblem passed (so its recursion is bounded);
 * it never decides validity itself.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = (): void => {
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\n') line += 1;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\uFEFF') return;
      i += 1;
    }
  };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    lines.set(path, line);
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        const keyLine = line;
        const key = str();
        const child = path ? `${path}/${key}` : key;
        ws();
        i += 1; // ':'
        value(child);
        lines.set(child, keyLine);
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (let n = 0; ; n += 1) {
        value(path ? `${path}/${n}` : String(n));
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    while (i < text.length && !/[,\]}\s]/u.test(text[i] ?? '')) i += 1;
  };
  value('');
  return lines;
}

/** Line and column of a character offset (for JSON.parse's "at position N"). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k += 1) if (text[k] === '\n') line += 1;
  return line;
}

/**
 * The offset of the first JSON syntax error (V8's messages do not always give one), or -1.
 * A strict recursive-descent check; only called after JSON.parse has already failed. Nesting
 * deeper than USER_JSON_LIMITS.maxDepth is reported as the error (where it gets too deep), so
 * the recursion stays bounded whatever the text.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  let depth = 0;
  class Bad extends Error {}
  const fail = (): never => {
    throw new Bad();
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i] ?? '')) i += 1;
  };
  const lit = (word: string): void => {
    if (text.slice(i, i + word.length) !== word) fail();
    i += word.length;
  };
  const str = (): void => {
    if (text[i] !== '"') fail();
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (text[i] !== '"') fail();
    i += 1;
  };
  const num = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/u.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if ((ch === '{' || ch === '[') && depth >= USER_JSON_LIMITS.maxDepth) fail();
    if (ch === '{') {
      depth += 1;
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          depth -= 1;
          return;
        } else fail();
      }
    } else if (ch === '[') {
      depth += 1;
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          depth -= 1;
          return;
        } else fail();
      }
    } else if (ch === '"') str();
    else if (ch === 't') lit('true');
    else if (ch === 'f') lit('false');
    else if (ch === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (err) {
    if (err instanceof Bad) return i;
    throw err;
  }
}
