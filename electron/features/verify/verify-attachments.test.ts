import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64Url } from '../../../shared/package/base64url';
import { base64UrlDigest } from './report-checks';

const digest = (bytes: Uint8Array) => ({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

describe('base64UrlDigest (step 8: one spelling per attachment, hashed without a second copy)', () => {
  const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .'.split(''));
  it('accepts exactly what the strict decoder accepts, with the size and hash of those bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 20 }), fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url'))), (text) => {
        const strict = fromBase64Url(text);
        expect(base64UrlDigest(text)).toEqual(strict === undefined ? undefined : digest(strict));
      }),
      { numRuns: 5000 },
    );
  });
  it('across the chunk boundary: long attachments, with a bad last group or a bad character anywhere', () => {
    for (const size of [3 * 1024 * 1024 - 1, 3 * 1024 * 1024, 3 * 1024 * 1024 + 1, 3 * 1024 * 1024 + 2, 7 * 1024 * 1024 + 5]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7919) & 0xff;
      const text = bytes.toString('base64url');
      expect(base64UrlDigest(text)).toEqual(digest(bytes));
      // 'B' (value 1) sets a bit the last partial group may not use.
      if (text.length % 4 !== 0) expect(base64UrlDigest(`${text.slice(0, -1)}B`)).toBeUndefined();
      expect(base64UrlDigest(`${text.slice(0, 4 * 1024 * 1024 - 2)}!${text.slice(4 * 1024 * 1024 - 1)}`)).toBeUndefined();
    }
  });
  it('refuses a non-zero trailing bit and a dangling character', () => {
    expect(base64UrlDigest('AB')).toBeUndefined();
    expect(base64UrlDigest('AAAAA')).toBeUndefined();
    expect(base64UrlDigest('AA')).toEqual(digest(Buffer.from([0])));
    expect(base64UrlDigest('')).toEqual(digest(Buffer.alloc(0)));
  });
});
