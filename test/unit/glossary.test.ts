/**
 * One word for each thing (docs/glossary.md): the glossary's "Không dùng" column lists the
 * Vietnamese words not used for a thing, its "Not used (English)" column the English ones (such
 * as "package" for the dossier a commune sends), and no catalogue of what the app says (the
 * screens' i18n files, the error and refusal sentences, the application menu) may contain one.
 *
 * ALLOWED names a catalogue being reworded, for the time it takes; today every catalogue follows
 * the glossary and it is empty.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

const ALLOWED = new Set<string>([]);

/** The words not used, by the term they stand for: Vietnamese from the fourth column, English from the fifth. */
export function avoidedTerms(markdown: string): { term: string; avoid: string }[] {
  const rows = markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Tiếng Việt') && !l.startsWith('| ---'));
  return rows.flatMap((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    const words = (cell: string | undefined, term: string) => [...(cell ?? '').matchAll(/«([^»]+)»/gu)].map((m) => ({ term, avoid: m[1]! }));
    return [...words(cells[3], cells[0]!), ...words(cells[4], cells[1]!)];
  });
}

/** Every catalogue: the i18n files under renderer/src, the error sentences and the menu. */
function catalogues(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(i18n|vi|en)\.ts$/u.test(name) && !name.endsWith('.test.ts')) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'renderer/src'));
  return [...found, 'shared/i18n/errors.ts', 'shared/package/report-refusals.ts', 'electron/main/menu.ts'].sort();
}

/** The string literals of a source file, without its comments. */
function strings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/^\s*\/\/.*$/gmu, '');
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\\n]|\\.)*)"/gu)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** A word or phrase as a whole (not inside a longer word), whatever its case. */
function containsWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

function violations(file: string, avoided: { term: string; avoid: string }[]): string[] {
  return violationsIn(file, strings(readFileSync(join(ROOT, file), 'utf8')), avoided);
}

function violationsIn(file: string, texts: string[], avoided: { term: string; avoid: string }[]): string[] {
  const found: string[] = [];
  for (const s of texts) {
    for (const { term, avoid } of avoided) if (containsWord(s, avoid)) found.push(`${file}: «${avoid}» (dùng «${term}»): ${s.slice(0, 120)}`);
  }
  return found;
}

const AVOIDED = avoidedTerms(readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8'));

describe('the glossary is used by every catalogue', () => {
  it('reads the words not to use from the glossary', () => {
    expect(AVOIDED.length).toBeGreaterThan(15);
    expect(AVOIDED).toContainEqual({ term: 'tài liệu kiểm chứng', avoid: 'minh chứng' });
    expect(AVOIDED).toContainEqual({ term: 'nạp (tệp)', avoid: 'nhập tệp' });
  });

  it('reads the English words not to use, by the English term', () => {
    expect(AVOIDED).toContainEqual({ term: 'dossier', avoid: 'next package' });
    expect(AVOIDED).toContainEqual({ term: 'revision', avoid: 'submission number' });
    expect(AVOIDED).toContainEqual({ term: 'load (a file)', avoid: 'import all data' });
    // "package" alone is the signed package of any kind, so it is not banned; "submission deadline" neither.
    expect(AVOIDED.map((a) => a.avoid)).not.toContain('package');
    expect(violationsIn('x', ['The package is signed by a key that is not enrolled.', 'Submission deadline 2026'], AVOIDED)).toEqual([]);
  });

  it('finds a banned English variant in an English sentence', () => {
    const found = violationsIn('en.ts', ['Saved. The next package carries the new values.', 'Choose "Import all data" there.', 'Compare submissions'], AVOIDED);
    expect(found).toEqual([
      'en.ts: «next package» (dùng «dossier»): Saved. The next package carries the new values.',
      'en.ts: «import all data» (dùng «load (a file)»): Choose "Import all data" there.',
      'en.ts: «compare submissions» (dùng «revision»): Compare submissions',
    ]);
  });

  it('finds a word to avoid as a whole word in any case, and only there', () => {
    expect(containsWord('Nhập tệp bộ tiêu chí…', 'nhập tệp')).toBe(true);
    expect(containsWord('Phiếu khảo sát: 12 câu', 'khảo sát')).toBe(true);
    expect(containsWord('Nhập tệp', 'nhập tệ')).toBe(false);
    expect(strings("const a = { x: 'it\\'s', y: `b ${1}` };\n// 'comment'\n/* 'block' */")).toEqual(["it\\'s", 'b ${1}']);
  });

  it('finds every catalogue, the allow-listed ones included', () => {
    const all = catalogues();
    for (const f of ALLOWED) expect(all).toContain(f);
    expect(all).toEqual(expect.arrayContaining(['renderer/src/i18n/vi.ts', 'renderer/src/features/review/report/i18n.ts', 'shared/i18n/errors.ts', 'shared/package/report-refusals.ts', 'electron/main/menu.ts']));
  });

  it('no catalogue uses a word the glossary says not to use', () => {
    const found = catalogues().filter((f) => !ALLOWED.has(f)).flatMap((f) => violations(f, AVOIDED));
    expect(found).toEqual([]);
  });
});
