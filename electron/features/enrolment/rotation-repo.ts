/**
 * key_rotations (both sides: the commune's own statements, the statements a reviewing unit
 * received) and the enrolled_keys rows a rotation approval changes, mapped here only.
 */
import type { KeyRotation } from '../../../shared/package/envelope';
import type { Db } from '../../kernel/db/open';
import { admitKey } from './admit-key';

export interface KeyRotationRecord {
  /** SHA-256 (hex) of the statement's signed bytes. */
  statementSha256: string;
  communeCode: string;
  oldKeyId: string;
  newKeyId: string;
  newFingerprint: string;
  effectiveFrom: string;
  status: 'pending' | 'approved' | 'cancelled';
  /** Made (commune) or received (reviewing unit). */
  createdAt: string;
  decidedAt: string | null;
  text: string;
  rotation: KeyRotation;
}

interface RotationRow {
  statement_sha256: string;
  commune_code: string;
  old_key_id: string;
  new_key_id: string;
  new_fingerprint: string;
  effective_from: string;
  status: KeyRotationRecord['status'];
  created_at: string;
  decided_at: string | null;
  text: string;
}

const toRecord = (r: RotationRow): KeyRotationRecord => ({
  statementSha256: r.statement_sha256,
  communeCode: r.commune_code,
  oldKeyId: r.old_key_id,
  newKeyId: r.new_key_id,
  newFingerprint: r.new_fingerprint,
  effectiveFrom: r.effective_from,
  status: r.status,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  text: r.text,
  rotation: (JSON.parse(r.text) as { payload: KeyRotation }).payload,
});

export function readRotations(db: Db, filter: { status?: KeyRotationRecord['status'] } = {}): KeyRotationRecord[] {
  const rows = db.prepare('SELECT * FROM key_rotations WHERE (@status IS NULL OR status = @status) ORDER BY created_at DESC, rowid DESC').all({ status: filter.status ?? null }) as RotationRow[];
  return rows.map(toRecord);
}

export function readRotation(db: Db, sha: string): KeyRotationRecord | null {
  const row = db.prepare('SELECT * FROM key_rotations WHERE statement_sha256 = ?').get(sha) as RotationRow | undefined;
  return row ? toRecord(row) : null;
}

export function insertPendingRotation(db: Db, sha: string, rotation: KeyRotation, newFingerprint: string, text: string, createdAt: string): void {
  db.prepare(
    `INSERT INTO key_rotations (statement_sha256, commune_code, old_key_id, new_key_id, new_public_key, new_fingerprint, effective_from, text, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
  ).run(sha, rotation.communeCode, rotation.oldKeyId, rotation.newKey.keyId, rotation.newKey.publicKey, newFingerprint, rotation.effectiveFrom, text, createdAt);
}

export function markRotationApproved(db: Db, sha: string, decidedAt: string, approvalText: string): void {
  db.prepare(`UPDATE key_rotations SET status = 'approved', decided_at = ?, approval_text = ? WHERE statement_sha256 = ?`).run(decidedAt, approvalText, sha);
}

export function markRotationCancelled(db: Db, sha: string, decidedAt: string): void {
  db.prepare(`UPDATE key_rotations SET status = 'cancelled', decided_at = ? WHERE statement_sha256 = ?`).run(decidedAt, sha);
}

/** The reviewing unit's registry after an approved rotation: the new key enrolled (active), the old one retired from the effective date. */
export function enrolRotatedKey(
  db: Db,
  row: { newKeyId: string; communeCode: string; communeName: string; publicKey: string; fingerprint: string; effectiveFrom: string; statementSha256: string; approvedAt: string; oldKeyId: string },
): void {
  admitKey(row.publicKey);
  db.prepare(
    `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at, vetted)
     VALUES (?, ?, ?, ?, ?, 'active', ?, NULL, NULL, ?, ?, 1)`,
  ).run(row.newKeyId, row.communeCode, row.communeName, row.publicKey, row.fingerprint, row.effectiveFrom, row.statementSha256, row.approvedAt);
  db.prepare("UPDATE enrolled_keys SET status = 'revoked', revoked_from = ? WHERE key_id = ?").run(row.effectiveFrom, row.oldKeyId);
}

/** An approved rotation retires `oldKeyId` from exactly this date. */
export function hasApprovedRotation(db: Db, oldKeyId: string, effectiveFrom: string): boolean {
  return db.prepare(`SELECT 1 FROM key_rotations WHERE old_key_id = ? AND status = 'approved' AND effective_from = ?`).get(oldKeyId, effectiveFrom) !== undefined;
}

/** The commune's newest approved rotation: its new key and when it was approved. */
export function latestApprovedRotation(db: Db): { newKeyId: string; decidedAt: string } | null {
  const r = db.prepare(`SELECT new_key_id, decided_at FROM key_rotations WHERE status = 'approved' ORDER BY decided_at DESC, rowid DESC LIMIT 1`).get() as
    | { new_key_id: string; decided_at: string }
    | undefined;
  return r ? { newKeyId: r.new_key_id, decidedAt: r.decided_at } : null;
}
