/**
 * What changed between two received revisions of a commune, item by item, beside each revision's
 * receipt (the Vietnam day, on time or late by the completeness board's rule) and its totals as
 * declared and as recomputed at import; an evidence file of a revision, to open.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../kernel/db/open';
import { receivedOnTime, vietnamDay } from '../../../shared/calendar-date';
import { deadlineFor } from '../import/received-repo';
import { packageRefOf, receivedEvidenceFile, receivedRevisions, type RevisionRow } from './appraisal-repo';
import type { ItemChange, ReceivedRevision, RevisionComparison } from '../../../shared/appraisal/types';
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

const revisionOf = (r: RevisionRow, deadline: string | null): ReceivedRevision => ({ ...r, receivedOn: vietnamDay(r.receivedAt), onTime: receivedOnTime(r.receivedAt, deadline) });

/** The received revisions of a commune, oldest first: each with its receipt day, on time or late, and its totals. */
export function revisionList(db: Db, communeCode: string, year: number): ReceivedRevision[] {
  const deadline = deadlineFor(db, year);
  return receivedRevisions(db, communeCode, year).map((r) => revisionOf(r, deadline));
}

/**
 * Two revisions side by side (the newest against the one before it when none is named): each
 * one's receipt and totals, and the items that changed.
 */
export function compareRevisions(db: Db, communeCode: string, year: number, choice?: { from: number; to: number }): RevisionComparison {
  const deadline = deadlineFor(db, year);
  const list = receivedRevisions(db, communeCode, year);
  if (!choice && list.length < 2) throw new AppError('REVISIONS_TOO_FEW', `${list.length} revision(s) received`, { communeCode, year, received: list.length });
  const { from, to } = choice ?? { from: list[list.length - 2]!.revision, to: list[list.length - 1]!.revision };
  const changes = diffRevisions(db, communeCode, year, from, to);
  const row = (n: number) => revisionOf(list.find((r) => r.revision === n)!, deadline);
  return { communeCode, year, deadline, from: row(from), to: row(to), changes };
}
