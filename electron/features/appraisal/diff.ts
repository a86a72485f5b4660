/** What changed between two received revisions of a commune, item by item; an evidence file of a revision, to open. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../kernel/db/open';
import { packageRefOf, receivedEvidenceFile } from './appraisal-repo';
import type { ItemChange } from '../../../shared/appraisal/types';
import { diffViews, packageView } from './package-view';

function refOf(db: Db, communeCode: string, year: number, revision: number): number {
  const r = packageRefOf(db, communeCode, year, revision);
  if (r === undefined) throw new AppError('REVISION_NOT_FOUND', `no revision ${revision}`, { communeCode, year, revision });
  return r;
}

/** A received evidence file copied under its own name to a temporary folder (for the system viewer); returns the copy's path. */
export function receivedEvidenceCopy(db: Db, communeCode: string, year: number, revision: number, evidenceId: string): string {
  const f = receivedEvidenceFile(db, refOf(db, communeCode, year, revision), evidenceId);
  if (!f) throw new AppError('EVIDENCE_NOT_FOUND', `no evidence ${evidenceId}`, { evidenceId });
  const dir = join(tmpdir(), 'chiso-received-evidence', f.sha256.slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, basename(f.name));
  writeFileSync(copy, f.content);
  return copy;
}

export function diffRevisions(db: Db, communeCode: string, year: number, fromRevision: number, toRevision: number): ItemChange[] {
  if (fromRevision === toRevision) throw new AppError('REVISION_SAME', `revision ${fromRevision} compared with itself`, { communeCode, year, revision: fromRevision });
  const ref = (revision: number) => refOf(db, communeCode, year, revision);
  return diffViews(packageView(db, ref(fromRevision)), packageView(db, ref(toRevision)));
}
