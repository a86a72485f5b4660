import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64Url, isBase64UrlOfLength, toBase64Url } from './base64url';
import { groupsOfFour, toCrockfordBase32 } from './base32';
import { PUBLIC_KEY_PATTERN, SIGNATURE_PATTERN } from './envelope';

describe('base64url', () => {
  it('matches Node and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
  it('refuses padding, foreign characters and non-canonical trailing bits', () => {
    for (const bad of ['AA==', 'A', 'AB+/', 'AB C', 'AB', 'AAB']) expect(fromBase64Url(bad), bad).toBeUndefined();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
  it('agrees with the JSON Schema patterns for 32- and 64-byte values', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (k, s) => {
        expect(PUBLIC_KEY_PATTERN.test(toBase64Url(k))).toBe(true);
        expect(SIGNATURE_PATTERN.test(toBase64Url(s))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 43, maxLength: 43 }), (t) => {
        expect(PUBLIC_KEY_PATTERN.test(t)).toBe(isBase64UrlOfLength(t, 32));
      }),
    );
  });
});

describe('Crockford base32', () => {
  it('encodes a known value', () => {
    // 0x00 0x44 0x32 0x14 0xC7 → 00000 00001 00010 00011 00100 00101 00110 00111
    expect(toCrockfordBase32(Uint8Array.from([0x00, 0x44, 0x32, 0x14, 0xc7]))).toBe('01234567');
    expect(toCrockfordBase32(Uint8Array.from([0xff]))).toBe('ZW');
  });
  it('has ceil(8n/5) characters from the unambiguous alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const t = toCrockfordBase32(b);
        expect(t.length).toBe(Math.ceil((b.length * 8) / 5));
        expect(t).toMatch(/^[0-9A-HJKMNP-TV-Z]*$/u);
      }),
    );
  });
  it('groups by four', () => expect(groupsOfFour('ABCDEFGHJK')).toBe('ABCD-EFGH-JK'));
});
