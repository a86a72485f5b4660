import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNameChars, isProse, NAME_TEXT_PATTERN, normaliseName, normaliseProse, printable, printableJson } from './text';

/** What must never reach a terminal or a screen as itself: controls, separators, invisible format characters. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|\p{Cs}/u;

describe('printable: text from a file or a package, safe to show', () => {
  it('shows terminal controls as visible escapes', () => {
    expect(printable('Xã \u001b[2J\u001b]0;HỢP LỆ\u0007')).toBe('Xã \\x1b[2J\\x1b]0;HỢP LỆ\\x07');
    expect(printable('a\rHỢP LỆ\nb\tc')).toBe('a\\x0dHỢP LỆ\\x0ab\\x09c');
    expect(printable('\u009b31m \u007f \u0000')).toBe('\\x9b31m \\x7f \\x00');
  });

  it('shows bidi overrides, isolates and invisible characters', () => {
    expect(printable('hoso\u202Efdp.exe')).toBe('hoso\\u202efdp.exe');
    expect(printable('\u2066a\u2069 \u200b\u200e\u200f\u061c\ufeff\u00ad\u2028\u2029')).toBe('\\u2066a\\u2069 \\u200b\\u200e\\u200f\\u061c\\ufeff\\xad\\u2028\\u2029');
    // Tag characters (invisible "ASCII" outside the BMP) and a lone surrogate.
    expect(printable('ok\u{E0041}\u{E007F}')).toBe('ok\\u{e0041}\\u{e007f}');
    expect(printable('x\ud800y')).toBe('x\\ud800y');
  });

  it('leaves Vietnamese, in NFC or NFD, and ordinary punctuation alone', () => {
    for (const s of ['Xã Bình Đào', 'Nguyễn Thị Hường', 'Xã Bình Đào'.normalize('NFD'), 'C:\\Users\\xa\\CCHC-2026-26734-r1.json', '“Kế hoạch” – 50 % · ₫', '𠀋 chữ Nôm']) {
      expect(printable(s)).toBe(s);
    }
  });

  it('leaves nothing hidden, and changes nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const shown = printable(s);
        expect(HIDDEN.test(shown)).toBe(false);
        // Without the hidden characters both sides are the same text.
        const visible = [...s].filter((c) => !HIDDEN.test(c)).join('');
        expect(shown.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\u\{[0-9a-f]+\}/gu, '')).toBe(visible.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\u\{[0-9a-f]+\}/gu, ''));
      }),
    );
  });
});

describe('printableJson: JSON text a terminal can show, parsing to the same value', () => {
  it('escapes C1 controls, bidi and invisible characters that JSON.stringify leaves raw', () => {
    const value = { name: 'a\u009b2J\u202Eb\u2066\u200b\u{E0041}', file: 'x\u001by' };
    const text = printableJson(JSON.stringify(value, null, 2));
    expect(HIDDEN.test(text.replace(/\n/gu, ''))).toBe(false);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\udb40\\udc41');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('parses to the same value for any string (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const text = printableJson(JSON.stringify(value, null, 2));
        expect(HIDDEN.test(text.replace(/\n/gu, ''))).toBe(false);
        expect(JSON.parse(text)).toEqual(value);
      }),
    );
  });
});

describe('normalising text at entry, so a package never refuses it', () => {
  it('prose: CRLF and CR become LF, a tab a space, other controls and bidi overrides go; Vietnamese stays', () => {
    expect(normaliseProse('Dòng 1\r\nDòng 2\rDòng 3\n\tthụt lề')).toBe('Dòng 1\nDòng 2\nDòng 3\n thụt lề');
    expect(normaliseProse('a\u0000b\u001bc\u0085d\u2028e\u202ef\u2066g')).toBe('abcdefg');
    expect(normaliseProse('Xã Bình Đào'.normalize('NFD'))).toBe('Xã Bình Đào');
  });

  it('names: one trimmed line without controls or invisible characters', () => {
    expect(normaliseName('  Xã\tBình\r\nĐào  ')).toBe('Xã Bình Đào');
    expect(normaliseName('Quyết\u200b định \u202e số\u0007 12 \u{E0041}')).toBe('Quyết định số 12');
  });

  it('whatever is typed, the result passes the package patterns (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(isProse(normaliseProse(s))).toBe(true);
        const name = normaliseName(s);
        expect(isNameChars(name)).toBe(true);
        if (name !== '') expect(NAME_TEXT_PATTERN.test(name)).toBe(true);
      }),
    );
  });
});
