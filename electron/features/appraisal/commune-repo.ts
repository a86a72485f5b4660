/** SQL of the commune side: appraisal results received from the reviewing unit, and the clerk's answers. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';
import type { RequestKind } from './appraisal-repo';

export interface HeldAppraisal {
  id: number;
  sha256: string;
  packageId: string;
  year: number;
  round: number;
  answersRevision: number;
  locked: boolean;
  createdAt: string;
  receivedAt: string;
  fileName: string;
}

interface RawHeld {
  id: number; sha256: string; package_id: string; year: number; round: number; answers_revision: number; locked: number; created_at: string; received_at: string; file_name: string;
}
const COLUMNS = 'id, sha256, package_id, year, round, answers_revision, locked, created_at, received_at, file_name';
const map = (r: RawHeld): HeldAppraisal => ({
  id: r.id, sha256: r.sha256, packageId: r.package_id, year: r.year, round: r.round, answersRevision: r.answers_revision, locked: r.locked === 1,
  createdAt: r.created_at, receivedAt: r.received_at, fileName: r.file_name,
});

export function heldBySha(db: Db, sha256: string): HeldAppraisal | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM received_appraisals WHERE sha256 = ?`).get(sha256) as RawHeld | undefined;
  return r ? map(r) : undefined;
}

export function heldByPackageId(db: Db, packageId: string): HeldAppraisal | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM received_appraisals WHERE package_id = ?`).get(packageId) as RawHeld | undefined;
  return r ? map(r) : undefined;
}

/** The newest appraisal result held for a year (by the time the reviewing unit made it). */
export function newestHeld(db: Db, year: number): HeldAppraisal | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM received_appraisals WHERE year = ? ORDER BY created_at DESC, id DESC LIMIT 1`).get(year) as RawHeld | undefined;
  return r ? map(r) : undefined;
}

export function insertHeld(db: Db, h: Omit<HeldAppraisal, 'id'> & { keyId: string; receivedBy: string; raw: Uint8Array }): number {
  const r = stmt(
    db,
    `INSERT INTO received_appraisals (sha256, package_id, year, round, answers_revision, locked, key_id, created_at, received_at, received_by, file_name, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.sha256, h.packageId, h.year, h.round, h.answersRevision, h.locked ? 1 : 0, h.keyId, h.createdAt, h.receivedAt, h.receivedBy, h.fileName, Buffer.from(h.raw.buffer, h.raw.byteOffset, h.raw.byteLength));
  return Number(r.lastInsertRowid);
}

export interface HeldItem {
  itemCode: string;
  selfPoints: number;
  appraisedPoints: number | null;
  comment: string | null;
  requestKind: RequestKind | null;
  request: string | null;
}

export function insertHeldItems(db: Db, ref: number, items: readonly HeldItem[]): void {
  const ins = stmt(db, `INSERT INTO received_appraisal_items (appraisal_ref, item_code, self_points, appraised_points, comment, request_kind, request) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const i of items) ins.run(ref, i.itemCode, i.selfPoints, i.appraisedPoints, i.comment, i.requestKind, i.request);
}

export function heldItems(db: Db, ref: number): HeldItem[] {
  return (stmt(db, `SELECT item_code, self_points, appraised_points, comment, request_kind, request FROM received_appraisal_items WHERE appraisal_ref = ? ORDER BY rowid`).all(ref) as {
    item_code: string; self_points: number; appraised_points: number | null; comment: string | null; request_kind: RequestKind | null; request: string | null;
  }[]).map((r) => ({ itemCode: r.item_code, selfPoints: r.self_points, appraisedPoints: r.appraised_points, comment: r.comment, requestKind: r.request_kind, request: r.request }));
}

export function answersOf(db: Db, year: number): Map<string, { answer: string; updatedAt: string; updatedBy: string }> {
  const rows = stmt(db, `SELECT item_code, answer, updated_at, updated_by FROM appraisal_answers WHERE year = ?`).all(year) as { item_code: string; answer: string; updated_at: string; updated_by: string }[];
  return new Map(rows.map((r) => [r.item_code, { answer: r.answer, updatedAt: r.updated_at, updatedBy: r.updated_by }]));
}

export function setAnswerRow(db: Db, year: number, itemCode: string, answer: string | null, at: string, by: string): void {
  if (answer === null) stmt(db, `DELETE FROM appraisal_answers WHERE year = ? AND item_code = ?`).run(year, itemCode);
  else {
    stmt(
      db,
      `INSERT INTO appraisal_answers (year, item_code, answer, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (year, item_code) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(year, itemCode, answer, at, by);
  }
}
