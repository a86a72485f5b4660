import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { communeStore, writeTinyPdf } from '../../../test/helpers/assessment';
import type { TestStore } from '../../../test/helpers/context';
import { finalise } from '../assessment/assessment';
import { assessmentSnapshot } from '../assessment/snapshot';
import { listAudit } from '../../kernel/audit';
import type { EvidenceFs } from './blob-store';
import { nodeFs } from './blob-store';
import { addDocument, attachFiles, listDocuments, listFiles, readStoredFile, removeDocument, removeFile, updateDocument } from './evidence';

let s: TestStore;
let src: string;
let data: string;
beforeEach(() => {
  s = communeStore();
  src = join(s.dir, 'chosen');
  data = join(s.dir, 'data');
  mkdirSync(src);
  mkdirSync(data);
});
afterEach(() => s.cleanup());

function caught(fn: () => unknown): AppError | undefined {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  return undefined;
}

const doc = { number: '15/KH-UBND', date: '2026-01-10', issuer: 'UBND xã Bình Đào', summary: 'Kế hoạch CCHC năm 2026', locator: 'Mục II, trang 3' };

describe('evidence documents', () => {
  it('adds, updates and removes documents with audit rows; refuses a missing number with the field', () => {
    const d = addDocument(s.ctx, '1.1', doc);
    expect(listDocuments(s.ctx)).toEqual([{ id: d.id, itemCode: '1.1', ...doc }]);
    updateDocument(s.ctx, d.id, { ...doc, locator: 'Trang 4' });
    expect(listDocuments(s.ctx)[0]?.locator).toBe('Trang 4');
    expect(caught(() => addDocument(s.ctx, '1.1', { ...doc, number: ' ' }))?.details).toEqual({ fields: { number: 'REQUIRED' } });
    expect(caught(() => addDocument(s.ctx, '1.1', { ...doc, date: '10/01/2026' }))?.code).toBe('INVALID_INPUT');
    removeDocument(s.ctx, d.id);
    expect(listDocuments(s.ctx)).toEqual([]);
    expect(listAudit(s.ctx, { entity: 'evidence_document' }).map((a) => a.action)).toEqual([
      'evidence.document.remove', 'evidence.document.update', 'evidence.document.add',
    ]);
    expect(caught(() => removeDocument(s.ctx, d.id))?.code).toBe('EVIDENCE_NOT_FOUND');
  });
});

describe('evidence files', () => {
  it('copies a file into dataDir/evidence/<sha256> with size and hash, and reads it back', () => {
    const pdf = writeTinyPdf(src);
    const { added, duplicates } = attachFiles(s.ctx, data, '1.1', [pdf]);
    expect(duplicates).toEqual([]);
    const f = added[0]!;
    expect(f).toMatchObject({ name: 'bien-ban.pdf', mediaType: 'application/pdf', size: readFileSync(pdf).length });
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(readFileSync(join(data, 'evidence', f.sha256))).toEqual(readFileSync(pdf));
    expect(readdirSync(join(data, 'evidence'))).toEqual([f.sha256]);
    expect(readStoredFile(s.ctx, data, f.id).bytes).toEqual(readFileSync(pdf));
    expect(assessmentSnapshot(s.ctx).items.find((i) => i.code === '1.1')?.files).toEqual([
      { name: 'bien-ban.pdf', mediaType: 'application/pdf', size: f.size, sha256: f.sha256, storagePath: `evidence/${f.sha256}` },
    ]);
  });

  it('skips a duplicate on the same item, shares the bytes with another item', () => {
    const pdf = writeTinyPdf(src);
    const copy = writeTinyPdf(src, 'ban-sao.pdf');
    attachFiles(s.ctx, data, '1.1', [pdf]);
    expect(caught(() => attachFiles(s.ctx, data, '1.1', [copy]))?.code).toBe('EVIDENCE_DUPLICATE');
    const other = writeTinyPdf(src, 'khac.pdf', 'Khac');
    expect(attachFiles(s.ctx, data, '1.1', [copy, other])).toMatchObject({ duplicates: ['ban-sao.pdf'], added: [{ name: 'khac.pdf' }] });
    attachFiles(s.ctx, data, '1.2', [pdf]);
    expect(listFiles(s.ctx)).toHaveLength(3);
    expect(readdirSync(join(data, 'evidence'))).toHaveLength(2);
  });

  it('refuses a missing file, an unreadable file and a wrong type, writing nothing', () => {
    const good = writeTinyPdf(src);
    expect(caught(() => attachFiles(s.ctx, data, '1.1', [good, join(src, 'gone.pdf')]))?.code).toBe('FILE_NOT_FOUND');
    const locked = writeTinyPdf(src, 'khoa.pdf', 'Khoa');
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0;
    const unreadable = asRoot ? { ...nodeFs, readUserFile: (p: string, max: number) => { if (p === locked) throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); return nodeFs.readUserFile(p, max); } } : nodeFs;
    expect(caught(() => attachFiles(s.ctx, data, '1.1', [good, locked], unreadable))?.code).toBe('FILE_UNREADABLE');
    writeFileSync(join(src, 'virus.exe'), 'MZ');
    expect(caught(() => attachFiles(s.ctx, data, '1.1', [join(src, 'virus.exe')]))?.code).toBe('EVIDENCE_TYPE');
    expect(listFiles(s.ctx)).toEqual([]);
    expect(existsSync(join(data, 'evidence'))).toBe(false);
  });

  it('disk full during the copy: nothing is left behind (no temp file, no blob, no row)', () => {
    const a = writeTinyPdf(src, 'a.pdf', 'A');
    const b = writeTinyPdf(src, 'b.pdf', 'B');
    let writes = 0;
    const full: EvidenceFs = {
      ...nodeFs,
      writeFileSync: (p, d) => {
        writes += 1;
        if (writes === 2) {
          // A real partial write first, then ENOSPC, as a full disk does.
          writeFileSync(p, d.subarray(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        nodeFs.writeFileSync(p, d);
      },
    };
    const err = caught(() => attachFiles(s.ctx, data, '1.1', [a, b], full));
    expect(err?.code).toBe('FILE_WRITE_FAILED');
    expect(err?.details).toMatchObject({ reason: 'ENOSPC' });
    expect(readdirSync(join(data, 'evidence'))).toEqual([]);
    expect(listFiles(s.ctx)).toEqual([]);
    expect(listAudit(s.ctx, { entity: 'evidence_file' })).toEqual([]);
  });

  it('a stored file that went missing or was damaged is reported, not served', () => {
    const { added } = attachFiles(s.ctx, data, '1.1', [writeTinyPdf(src)]);
    const f = added[0]!;
    writeFileSync(join(data, 'evidence', f.sha256), 'tampered');
    expect(caught(() => readStoredFile(s.ctx, data, f.id))?.code).toBe('FILE_UNREADABLE');
    removeFile(s.ctx, f.id);
    expect(caught(() => readStoredFile(s.ctx, data, f.id))?.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('is refused while the assessment is finalised', () => {
    finalise(s.ctx);
    expect(caught(() => attachFiles(s.ctx, data, '1.1', [writeTinyPdf(src)]))?.code).toBe('ASSESSMENT_LOCKED');
    expect(caught(() => addDocument(s.ctx, '1.1', doc))?.code).toBe('ASSESSMENT_LOCKED');
    expect(existsSync(join(data, 'evidence'))).toBe(false);
  });
});
