import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { evidenceDocumentSchema } from '../../../shared/assessment/evidence';
import { writeTinyPdf } from '../../../test/helpers/assessment';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup } from '../../../test/helpers/context';
import type { FileOps } from '../../kernel/files/package-file';
import type { EvidenceReader } from './blob-store';
import { boundedEvidenceRead } from './blob-store';
import { nodeFileOps } from '../../kernel/files/package-file';
import { finaliseAssessment } from '../assessment/use-cases';
import { assessmentSnapshot } from '../assessment/snapshot';
import { listAudit } from '../audit/audit-repo';
import { activeFramework } from '../framework/active';
import { addDocument as addDocumentTo, attachFiles as attachFilesTo, listDocuments as documentsOf, listFiles as filesOf, readStoredFile as readStored, removeDocument as removeDocumentOf, removeFile as removeFileOf, updateDocument as updateDocumentOf } from './evidence';
import { addEvidenceDocument, attachEvidence } from './use-cases';

let s: TestApp;
let src: string;
let data: string;
beforeEach(() => {
  s = testApp(communeSetup, { isTrustedSender: () => true });
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

// The services take the framework in use and documents as the contract parsed them.
const active = () => activeFramework(s.ctx);
const typed = (d: typeof doc) => evidenceDocumentSchema.parse(d);
const addDocument = (code: string, d: typeof doc) => addDocumentTo(s.ctx, active(), code, typed(d));
const updateDocument = (id: number, d: typeof doc) => updateDocumentOf(s.ctx, active(), id, typed(d));
const removeDocument = (id: number) => removeDocumentOf(s.ctx, active(), id);
const attachFiles = (dataDir: string, code: string, paths: string[], ops?: FileOps, read?: EvidenceReader) => attachFilesTo(s.ctx, dataDir, active(), code, paths, ops, read);
const readStoredFile = (dataDir: string, id: number) => readStored(s.ctx, dataDir, active(), id);
const removeFile = (id: number) => removeFileOf(s.ctx, active(), id);
const listDocuments = () => documentsOf(s.ctx, active().ref);
const listFiles = () => filesOf(s.ctx, active().ref);

describe('evidence documents', () => {
  it('adds, updates and removes documents with audit rows; the channel refuses a missing number with the field', async () => {
    const d = addDocument('1.1', doc);
    expect(listDocuments()).toEqual([{ id: d.id, itemCode: '1.1', ...doc }]);
    updateDocument(d.id, { ...doc, locator: 'Trang 4' });
    expect(listDocuments()[0]?.locator).toBe('Trang 4');
    const sender = { url: 'app://chiso/index.html' };
    expect(await s.runtime.route('evidence:addDocument', { code: '1.1', document: { ...doc, number: ' ' } }, sender)).toMatchObject({
      ok: false, error: { code: 'INVALID_INPUT', details: { fields: { 'document.number': 'REQUIRED' } } },
    });
    expect(await s.runtime.route('evidence:addDocument', { code: '1.1', document: { ...doc, date: '10/01/2026' } }, sender)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    removeDocument(d.id);
    expect(listDocuments()).toEqual([]);
    expect(listAudit(s.ctx, { entity: 'evidence_document' }).map((a) => a.action)).toEqual([
      'evidence.document.remove', 'evidence.document.update', 'evidence.document.add',
    ]);
    expect(caught(() => removeDocument(d.id))?.code).toBe('EVIDENCE_NOT_FOUND');
  });
});

describe('evidence files', () => {
  it('copies a file into dataDir/evidence/<sha256> with size and hash, and reads it back', () => {
    const pdf = writeTinyPdf(src);
    const { added, duplicates } = attachFiles(data, '1.1', [pdf]);
    expect(duplicates).toEqual([]);
    const f = added[0]!;
    expect(f).toMatchObject({ name: 'bien-ban.pdf', mediaType: 'application/pdf', size: readFileSync(pdf).length });
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(readFileSync(join(data, 'evidence', f.sha256))).toEqual(readFileSync(pdf));
    expect(readdirSync(join(data, 'evidence'))).toEqual([f.sha256]);
    expect(readStoredFile(data, f.id).bytes).toEqual(readFileSync(pdf));
    expect(assessmentSnapshot(s.ctx).items.find((i) => i.code === '1.1')?.files).toEqual([
      { name: 'bien-ban.pdf', mediaType: 'application/pdf', size: f.size, sha256: f.sha256, storagePath: `evidence/${f.sha256}` },
    ]);
  });

  it('skips a duplicate on the same item, shares the bytes with another item', () => {
    const pdf = writeTinyPdf(src);
    const copy = writeTinyPdf(src, 'ban-sao.pdf');
    attachFiles(data, '1.1', [pdf]);
    expect(caught(() => attachFiles(data, '1.1', [copy]))?.code).toBe('EVIDENCE_DUPLICATE');
    const other = writeTinyPdf(src, 'khac.pdf', 'Khac');
    expect(attachFiles(data, '1.1', [copy, other])).toMatchObject({ duplicates: ['ban-sao.pdf'], added: [{ name: 'khac.pdf' }] });
    attachFiles(data, '1.2', [pdf]);
    expect(listFiles()).toHaveLength(3);
    expect(readdirSync(join(data, 'evidence'))).toHaveLength(2);
  });

  it('refuses a missing file, an unreadable file and a wrong type, writing nothing', () => {
    const good = writeTinyPdf(src);
    expect(caught(() => attachFiles(data, '1.1', [good, join(src, 'gone.pdf')]))?.code).toBe('FILE_NOT_FOUND');
    const locked = writeTinyPdf(src, 'khoa.pdf', 'Khoa');
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0;
    const unreadable: EvidenceReader = asRoot ? (p, max) => { if (p === locked) throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); return boundedEvidenceRead(p, max); } : boundedEvidenceRead;
    expect(caught(() => attachFiles(data, '1.1', [good, locked], undefined, unreadable))?.code).toBe('FILE_UNREADABLE');
    writeFileSync(join(src, 'virus.exe'), 'MZ');
    expect(caught(() => attachFiles(data, '1.1', [join(src, 'virus.exe')]))?.code).toBe('EVIDENCE_TYPE');
    expect(listFiles()).toEqual([]);
    expect(existsSync(join(data, 'evidence'))).toBe(false);
  });

  it('disk full during the copy: nothing is left behind (no temp file, no blob, no row)', () => {
    const a = writeTinyPdf(src, 'a.pdf', 'A');
    const b = writeTinyPdf(src, 'b.pdf', 'B');
    let opened = 0;
    const full: FileOps = {
      ...nodeFileOps,
      writeSync: (fd, buffer, offset, length) => {
        if (opened === 2) {
          // A real partial write first, then ENOSPC, as a full disk does.
          nodeFileOps.writeSync(fd, buffer, offset, Math.min(10, length));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return nodeFileOps.writeSync(fd, buffer, offset, length);
      },
      openSync: (p, f, m) => {
        opened += 1;
        return nodeFileOps.openSync(p, f, m);
      },
    };
    const err = caught(() => attachFiles(data, '1.1', [a, b], full));
    expect(err?.code).toBe('FILE_WRITE_FAILED');
    expect(err?.details).toMatchObject({ reason: 'ENOSPC' });
    expect(readdirSync(join(data, 'evidence'))).toEqual([]);
    expect(listFiles()).toEqual([]);
    expect(listAudit(s.ctx, { entity: 'evidence_file' })).toEqual([]);
  });

  it('a stored file that went missing or was damaged is reported, not served', () => {
    const { added } = attachFiles(data, '1.1', [writeTinyPdf(src)]);
    const f = added[0]!;
    writeFileSync(join(data, 'evidence', f.sha256), 'tampered');
    expect(caught(() => readStoredFile(data, f.id))?.code).toBe('FILE_UNREADABLE');
    removeFile(f.id);
    expect(caught(() => readStoredFile(data, f.id))?.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('is refused while the assessment is finalised (the policy of every evidence write)', async () => {
    await s.app.perform(finaliseAssessment, undefined);
    expect(await refusal(s.app.perform(attachEvidence, { code: '1.1', paths: [writeTinyPdf(src)] }))).toBe('ASSESSMENT_LOCKED');
    expect(await refusal(s.app.perform(addEvidenceDocument, { code: '1.1', document: typed(doc) }))).toBe('ASSESSMENT_LOCKED');
    expect(existsSync(join(s.dir, 'evidence'))).toBe(false);
    expect(listDocuments()).toEqual([]);
  });
});
