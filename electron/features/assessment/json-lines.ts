/**
 * The line of every value in a JSON text, by path ("items/1.2" → 14), so a loader can say
 * which line of the user's file is wrong. A small scanner over already-valid JSON: run it
 * after JSON.parse succeeded; it never decides validity itself.
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
 * A strict recursive-descent check; only called after JSON.parse has already failed.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
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
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
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
          return;
        } else fail();
      }
    } else if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
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
