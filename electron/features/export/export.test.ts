import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { goldenSources, setUpCommune } from '../../../test/fixtures/commune-report';
import { exportReport, lastExport, listExports } from './export';
import { nodeFileOps, type FileOps } from '../../kernel/files/package-file';
import { verifyPackageBytes } from '../verify/verify';
import { listAudit } from '../audit/audit-repo';
import { refusal, testApp } from '../../../test/helpers/app';
import { provinceSetup } from '../../../test/helpers/context';
import { exportPackage } from './use-cases';

const commune = testKey('commune');
let s: TestStore;
let out: string;
beforeEach(() => {
  s = freshStore();
  setUpCommune(s.ctx);
  out = join(s.dir, 'usb');
  mkdirSync(out);
});
afterEach(() => s.cleanup());

const exportTo = (folder = out, fileOps?: FileOps) =>
  exportReport(s.ctx, { folder, signer: commune, sources: goldenSources(), appVersion: '0.1.0', ...(fileOps ? { fileOps } : {}) });

function failing(at: keyof FileOps, code: string): FileOps {
  return {
    ...nodeFileOps,
    [at]: () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  };
}

describe('exportReport', () => {
  it('writes a verifiable package named CCHC-<year>-<commune>-r<revision>.json and records it', () => {
    const r = exportTo();
    expect(r.fileName).toBe('CCHC-2026-26734-r1.json');
    expect(readdirSync(out)).toEqual(['CCHC-2026-26734-r1.json']);
    const bytes = readFileSync(r.path);
    const v = verifyPackageBytes(bytes, { kind: 'self' });
    expect(v).toMatchObject({ ok: true, code: null, revision: 1, communeCode: '26734', enrolmentChecked: false, sha256: r.sha256 });
    expect(lastExport(s.ctx)).toMatchObject({ revision: 1, sha256: r.sha256, supersedes: null });
    expect(listAudit(s.ctx, { entity: 'package' })[0]).toMatchObject({ action: 'package.export', entityKey: r.packageId });
    expect(bytes.subarray(0, 1).toString()).toBe('{'); // no BOM
  });

  it('grows the revision with every export and points at the package it supersedes', () => {
    const a = exportTo();
    const b = exportTo();
    const c = exportTo();
    expect([a.revision, b.revision, c.revision]).toEqual([1, 2, 3]);
    const payload = (JSON.parse(readFileSync(c.path, 'utf8')) as { payload: { supersedes: unknown } }).payload;
    expect(payload.supersedes).toEqual({ packageId: b.packageId, sha256: b.sha256 });
    expect(listExports(s.ctx).map((e) => e.revision)).toEqual([3, 2, 1]);
  });

  it('a flipped character in any value of the file is refused with SIGNATURE_INVALID', () => {
    const r = exportTo();
    const text = readFileSync(r.path, 'utf8');
    const end = text.indexOf('"signatures"');
    // Every value token in the payload: strings not followed by ':' (keys) and numbers.
    const payloadAt = text.indexOf('"payload"');
    const values = [...text.slice(0, end).matchAll(/"(?:[^"\\]|\\.)*"|-?\d+/gu)].filter(
      (m) => m.index > payloadAt && !/^\s*:/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)),
    );
    expect(values.length).toBeGreaterThan(200);
    for (let n = 0; n < values.length; n += Math.ceil(values.length / 150)) {
      const m = values[n]!;
      const inner = m[0].startsWith('"') ? 1 : 0;
      if (m[0].length - 2 * inner === 0) continue;
      // Numbers: the last digit (a leading zero would not be JSON); strings: any character.
      const at = inner ? m.index + 1 + ((n * 7) % (m[0].length - 2)) : m.index + m[0].length - 1;
      const ch = text[at]!;
      const flipped = /\d/u.test(ch) ? String((Number(ch) + 1) % 10) : ch === 'a' ? 'b' : 'a';
      const v = verifyPackageBytes(Buffer.from(text.slice(0, at) + flipped + text.slice(at + 1)), { kind: 'self' });
      expect(v.code, `flip at ${at} in ${m[0].slice(0, 40)}`).toBe('SIGNATURE_INVALID');
    }
  });

  for (const [at, errno, code] of [
    ['writeSync', 'ENOSPC', 'EXPORT_DISK_FULL'],
    ['openSync', 'EROFS', 'EXPORT_WRITE_PROTECTED'],
    ['fsyncSync', 'EIO', 'EXPORT_WRITE_FAILED'],
    ['renameSync', 'EPERM', 'EXPORT_WRITE_PROTECTED'],
  ] as const) {
    it(`${errno} in ${at}: ${code}, no file left, revision unchanged`, () => {
      exportTo();
      expect(() => exportTo(out, failing(at, errno))).toThrowError(expect.objectContaining({ code }) as Error);
      expect(readdirSync(out)).toEqual(['CCHC-2026-26734-r1.json']);
      expect(lastExport(s.ctx)?.revision).toBe(1);
      expect(listAudit(s.ctx, { entity: 'package' })).toHaveLength(1);
      expect(exportTo().revision).toBe(2);
    });
  }

  it('a read-back that does not verify removes the final file too (EXPORT_VERIFY_FAILED)', () => {
    const corrupt: FileOps = { ...nodeFileOps, readFileSync: (p) => Buffer.from(nodeFileOps.readFileSync(p).toString('utf8').replace(/"revision": ?1\b/u, '"revision":7')) };
    expect(() => exportTo(out, corrupt)).toThrowError(expect.objectContaining({ code: 'EXPORT_VERIFY_FAILED' }) as Error);
    expect(readdirSync(out)).toEqual([]);
    expect(lastExport(s.ctx)).toBeNull();
  });

  it('a missing folder (USB stick removed) says so', () => {
    expect(() => exportTo(join(out, 'gone'))).toThrowError(expect.objectContaining({ code: 'EXPORT_FOLDER_MISSING' }) as Error);
  });

  it.skipIf(process.getuid?.() === 0)('a real read-only folder gives EXPORT_WRITE_PROTECTED (non-root only: root ignores modes)', () => {
    chmodSync(out, 0o555);
    try {
      expect(() => exportTo()).toThrowError(expect.objectContaining({ code: 'EXPORT_WRITE_PROTECTED' }) as Error);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it('removes temporary files a killed export left behind', () => {
    writeFileSync(join(out, '.CCHC-2026-26734-r1.json.0badf00d.part'), 'half');
    writeFileSync(join(out, 'notes.txt'), 'kept');
    exportTo();
    expect(readdirSync(out).sort()).toEqual(['CCHC-2026-26734-r1.json', 'notes.txt']);
  });

  it('refuses on a reviewing unit installation (the policy of the export), before asking for a folder', async () => {
    const r = testApp(provinceSetup);
    let asked = false;
    try {
      const folder = async () => {
        asked = true;
        return out;
      };
      expect(await refusal(r.app.perform(exportPackage, { folder }))).toBe('WRONG_ROLE');
      expect(asked).toBe(false);
      expect(existsSync(join(out, 'CCHC-2026-49-r1.json'))).toBe(false);
    } finally {
      r.cleanup();
    }
  });

  it('refuses evidence whose bytes no longer match its SHA-256', () => {
    const src = goldenSources();
    const files = src.evidenceFiles(s.ctx).map((f) => ({ ...f, read: () => Buffer.from('changed') }));
    expect(() => exportReport(s.ctx, { folder: out, signer: commune, sources: { ...src, evidenceFiles: () => files }, appVersion: '0.1.0' })).toThrowError(
      expect.objectContaining({ code: 'EVIDENCE_CHANGED' }) as Error,
    );
    expect(readdirSync(out)).toEqual([]);
  });
});
