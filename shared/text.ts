/** Vietnamese text arrives NFC or NFD depending on the keyboard tool: store NFC. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * A name as typed or loaded (one line): NFC, every white space (tab, CR, LF included) folded to
 * one space, trimmed, and the characters a name may not hold (controls, invisible and bidi
 * characters: NOT_IN_NAME below) removed, so what is stored always fits a package.
 */
export function normaliseName(s: string): string {
  return stripNotInName(nfc(s).replace(/\s+/gu, ' ')).trim().replace(/ {2,}/gu, ' ');
}

/**
 * Prose as typed or loaded (an explanation, a survey answer, a document's summary): NFC, CRLF and
 * lone CR to LF, a tab to a space, every other control (C0, C1, line/paragraph separators, bidi
 * overrides and isolates) removed. Line feeds stay. What PROSE_TEXT_PATTERN refuses never remains.
 */
export function normaliseProse(s: string): string {
  return nfc(s).replace(/\r\n?/gu, '\n').replace(/\t/gu, ' ').replace(NOT_PROSE_ALL, '');
}

/** Compare names the Vietnamese way (ă after a, đ after d, tones secondary). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

// ---------------------------------------------------------------- text a person will read

/**
 * What a terminal acts on or a person cannot see: C0 and C1 controls (ESC, CR, BEL, CSI…), line
 * and paragraph separators, format characters (bidi marks, overrides and isolates, zero-width
 * characters, BOM, soft hyphen, tags), every other default-ignorable (invisible) code point, and
 * lone surrogates.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|\p{Cs}/gu;

function visibleEscape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16);
  if (cp < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${hex.padStart(4, '0')}`;
  return `\\u{${hex}}`;
}

/**
 * Text from a file, a package, a request or the file system, made safe to print or show: every
 * character a terminal would act on (so a name could rewrite the line the officer reads) or that
 * hides or reorders text is shown as a visible escape (`\x1b`, `\u202e`, `\u{e0041}`). Everything
 * else, Vietnamese in NFC or NFD included, is left as it is. Use it on every untrusted string a
 * person reads, even text that passed a schema: old packages, error details, file names.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, visibleEscape);
}

/** As UNPRINTABLE, for JSON text: ASCII controls are already escaped by JSON.stringify. */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|\p{Cs}/gu;

/**
 * JSON text (from JSON.stringify) safe to print: the characters JSON.stringify leaves raw that a
 * terminal would act on or a person could not see (C1 controls, bidi controls, invisible
 * characters) become JSON escapes, so the text parses to exactly the same value.
 */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE_IN_JSON, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

// ---------------------------------------------------------------- what a payload may contain

/**
 * Code units a name (one line: a commune, an officer, a title, a file name, a code) may not
 * contain: C0 and C1 controls; line and paragraph separators; every BMP format or
 * default-ignorable (invisible) character: soft hyphen, combining grapheme joiner, Arabic number
 * signs and letter mark, Hangul fillers, Khmer inherent vowels, Mongolian variation selectors,
 * zero-width space/joiners, bidi marks, overrides and isolates, word joiner and invisible
 * operators, variation selectors, BOM, interlinear annotation; and the high surrogates of the
 * supplementary blocks that hold format characters (Brahmi–Kaithi, Egyptian hieroglyph controls,
 * Duployan shorthand controls, musical symbols, tags and variation selectors supplement), none of
 * which a Vietnamese name needs.
 *
 * Written as UTF-16 code units without the `u` flag, so JSON Schema (docs/schemas) carries the
 * same pattern; a validator that compiles patterns with `u` applies the BMP part only.
 */
const NOT_IN_NAME =
  '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u115f\\u1160' +
  '\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0' +
  '\\ufff0-\\ufffb\\ud804\\ud80d\\ud82f\\ud834\\udb40-\\udb43';

/** A name: at least one character, no leading or trailing white space, nothing of NOT_IN_NAME. */
// eslint-disable-next-line no-misleading-character-class -- the class lists joiners and variation selectors on purpose, to refuse them
export const NAME_TEXT_PATTERN = new RegExp(`^[^\\s${NOT_IN_NAME}](?:[^${NOT_IN_NAME}]*[^\\s${NOT_IN_NAME}])?$`);

/** A code or label: nothing of NOT_IN_NAME (length and trimming are the schema's business). */
// eslint-disable-next-line no-misleading-character-class -- as NAME_TEXT_PATTERN
export const NAME_CHARS_PATTERN = new RegExp(`^[^${NOT_IN_NAME}]*$`);

/**
 * Prose (an explanation, a document's summary, a survey answer): line feeds allowed, no other
 * C0 or C1 control (no CR, no tab, no ESC), no line/paragraph separator, no bidi override or
 * isolate (U+202A–202E, U+2066–2069). Other invisible characters are tolerated in prose (text
 * pasted from a web page or a word processor carries them) and escaped when shown.
 */
// eslint-disable-next-line no-control-regex -- the class lists control characters on purpose, to refuse them
export const PROSE_TEXT_PATTERN = /^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]*$/;

/** Quick test of one string against PROSE_TEXT_PATTERN (for loops over many strings). */
// eslint-disable-next-line no-control-regex -- as PROSE_TEXT_PATTERN
const NOT_PROSE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- as PROSE_TEXT_PATTERN
const NOT_PROSE_ALL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/gu;
export function isProse(s: string): boolean {
  return !NOT_PROSE.test(s);
}
// eslint-disable-next-line no-misleading-character-class -- as NAME_TEXT_PATTERN
const NOT_NAME = new RegExp(`[${NOT_IN_NAME}]`);
export function isNameChars(s: string): boolean {
  return !NOT_NAME.test(s);
}

/** Removes every code point NOT_IN_NAME covers (whole code points: a supplementary one goes with both halves). */
function stripNotInName(s: string): string {
  if (!NOT_NAME.test(s)) return s;
  let out = '';
  for (const ch of s) if (!NOT_NAME.test(ch)) out += ch;
  return out;
}
