import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createFileLogger, LOG_FILE, readLogFiles } from './logger';
import { REDACTED } from './redact';

const fixedNow = () => new Date('2026-03-01T08:00:00.000Z');

function freshDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'chiso-log-')), 'logs');
}

function allText(dir: string): string {
  return readLogFiles(dir).map((f) => f.text).join('');
}

describe('rotating log', () => {
  it('writes one JSON object a line', () => {
    const dir = freshDir();
    const log = createFileLogger({ dir, now: fixedNow });
    log.info('app.start', { version: '1.2.3' });
    log.error('ipc.internal', { channel: 'setup:get', error: new Error('boom') });
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ t: '2026-03-01T08:00:00.000Z', level: 'info', event: 'app.start', version: '1.2.3' });
    expect(lines[1]).toMatchObject({ level: 'error', event: 'ipc.internal', channel: 'setup:get', error: { name: 'Error', message: 'boom' } });
  });

  it('rotates by size and keeps maxFiles files, the oldest dropped', () => {
    const dir = freshDir();
    const log = createFileLogger({ dir, maxBytes: 1000, maxFiles: 3, now: fixedNow });
    for (let i = 0; i < 200; i++) log.info('entry', { i, pad: 'x'.repeat(30) });
    expect(readdirSync(dir).sort()).toEqual(['chiso.1.log', 'chiso.2.log', 'chiso.log']);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(1000);
    const kept = allText(dir).trimEnd().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
    // Oldest first, contiguous, ending with the last entry written.
    expect(kept.at(-1)).toBe(199);
    expect(kept).toEqual(kept.map((_, k) => kept[0]! + k));
    expect(kept[0]).toBeGreaterThan(0);
  });

  it('never throws: an unwritable folder loses the line, not the action', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chiso-log-')), 'a-file');
    writeFileSync(file, 'x');
    // The log folder's parent is a file: mkdir fails (ENOTDIR).
    expect(() => createFileLogger({ dir: join(file, 'logs') }).error('lost')).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('redaction: no keys, passphrases or respondents reach the log', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const jwk = privateKey.export({ format: 'jwk' }) as { d: string; x: string };
  const rawHex = randomBytes(32).toString('hex');
  const passphrase = 'Hoa sen nở giữa đầm 2026!';
  const secrets = [pem.split('\n')[1]!, jwk.d, rawHex, passphrase, 'Nguyễn Thị Lan', '0912 345 678', '+84912345678', 'lan.nguyen@example.vn', 'Tổ 3, thôn Đông'];

  it('cuts secrets and personal details out of every line, whatever field or text carries them', () => {
    const dir = freshDir();
    const log = createFileLogger({ dir, now: fixedNow });
    log.addSecret(passphrase);
    log.error('keys.unlock.failed', { passphrase, privateKey: pem, keyFile: { d: jwk.d, x: jwk.x, sealed: rawHex } });
    log.error('cli.error', { argv: ['keys', 'show', '--passphrase', passphrase], note: `dùng mật khẩu ${passphrase} cho khóa ${jwk.d}` });
    log.error('survey.save.failed', {
      form: { formNo: '0007', respondent: { fullName: 'Nguyễn Thị Lan', phone: '0912 345 678', address: 'Tổ 3, thôn Đông' }, answers: { q1: 'Nguyễn Thị Lan' }, keyedBy: 'Nguyễn Thị Lan' },
    });
    log.error('setup.failed', { officer: { name: 'Nguyễn Thị Lan', title: 'Công chức' }, contact: 'gọi +84912345678 hoặc lan.nguyen@example.vn' });
    log.error('import.failed', { error: new AppError('INTERNAL', `sealed ${rawHex} key ${pem}`, { passphrase, hint: jwk.d }) });
    const err = new Error(`unlock failed for ${passphrase}`);
    (err as Error & { cause: unknown }).cause = { token: 'x', privateKey: jwk.d };
    log.error('cause', { error: err });
    const text = allText(dir);
    for (const s of secrets) expect(text, s).not.toContain(s);
    expect(text).not.toContain('BEGIN PRIVATE KEY');
    expect(text).toContain(REDACTED);
    // What support needs stays: events, codes, form numbers.
    expect(text).toContain('"event":"survey.save.failed"');
    expect(text).toContain('"formNo":"0007"');
    expect(text).toContain('"code":"INTERNAL"');
  });

  it('keeps ordinary details', () => {
    const dir = freshDir();
    const log = createFileLogger({ dir, now: fixedNow });
    log.info('import.done', { accepted: 3, refused: 1, codes: ['SIGNATURE_INVALID'], unit: '26734', year: 2026 });
    expect(allText(dir)).toContain('"accepted":3,"refused":1,"codes":["SIGNATURE_INVALID"],"unit":"26734","year":2026');
  });
});
