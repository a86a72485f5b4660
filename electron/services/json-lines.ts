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
