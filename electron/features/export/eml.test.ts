import { describe, expect, it } from 'vitest';
import { buildEml, encodeWord } from './eml';

describe('.eml draft', () => {
  const bytes = Buffer.from('{"format":"chiso-cchc/commune-report"}\n');
  const eml = buildEml({ subject: 'Hồ sơ Chỉ số CCHC năm 2026 — Xã Bình Đào (26734), lần gửi 3', body: 'Kính gửi Sở Nội vụ,\nTệp đính kèm.', attachment: { name: 'CCHC-2026-26734-r3.json', mediaType: 'application/json', bytes }, date: new Date('2026-11-22T08:00:00Z') });
  it('is an unsent MIME draft with CRLF lines, no To when unknown, and the package attached byte for byte', () => {
    expect(eml).toMatch(/^X-Unsent: 1\r$/mu);
    expect(eml).not.toMatch(/^To:/mu);
    expect(eml).toContain('Date: Sun, 22 Nov 2026 08:00:00 +0000\r\n');
    expect(eml.split('\r\n').every((l) => l.length <= 998 && !l.includes('\n'))).toBe(true);
    const boundary = /boundary="([^"]+)"/u.exec(eml)![1]!;
    const parts = eml.split(`--${boundary}`);
    expect(parts).toHaveLength(4); // preamble, text, attachment, epilogue
    const att = parts[2]!.split('\r\n\r\n');
    expect(att[0]).toContain('Content-Disposition: attachment; filename="CCHC-2026-26734-r3.json"');
    expect(Buffer.from(att[1]!.replace(/\r\n/gu, ''), 'base64').equals(bytes)).toBe(true);
    expect(Buffer.from(parts[1]!.split('\r\n\r\n')[1]!.replace(/\r\n/gu, ''), 'base64').toString('utf8')).toBe('Kính gửi Sở Nội vụ,\r\nTệp đính kèm.');
  });
  it('encodes a Vietnamese subject as UTF-8 encoded words of at most 75 characters that decode back', () => {
    const subject = /^Subject: ((?:.*\r\n )*.*)\r$/mu.exec(eml)![1]!;
    const words = subject.split('\r\n ');
    expect(words.every((w) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/u.test(w) && w.length <= 75)).toBe(true);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe('Hồ sơ Chỉ số CCHC năm 2026 — Xã Bình Đào (26734), lần gửi 3');
    expect(encodeWord('ASCII only')).toBe('ASCII only');
  });
});
