/**
 * The enrolment tables, mapped here only (docs/package-format.md §6).
 * Commune side: enrolment_requests (every request made, as signed) and reviewer_pin (the
 * reviewing unit's key, pinned when its approval of one of our requests is accepted).
 * Reviewing side: enrolled_keys (commune code, name, key, status active/revoked, from date).
 */
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import type { Db } from '../../kernel/db/open';
import { admitKey } from './admit-key';

export interface EnrolmentRequestRecord {
  requestId: string;
  keyId: string;
  requestSha256: string;
  text: string;
  createdAt: string;
  request: EnrolmentRequest;
}

export interface PinnedReviewer {
  unitCode: string;
  unitName: string;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  requestId: string;
  approvedAt: string;
  validFrom: string;
  pinnedAt: string;
}

export interface EnrolledKey {
  keyId: string;
  communeCode: string;
  communeName: string;
  publicKey: string;
  fingerprint: string;
  status: 'active' | 'revoked';
  validFrom: string;
  revokedFrom: string | null;
  approvedAt: string;
  /** Passed the full key check when it entered the registry (admitKey; migration 013 for older rows). */
  vetted: boolean;
}

// ------------------------------------------------------------------ enrolment_requests

interface RequestRow {
  request_id: string;
  key_id: string;
  request_sha256: string;
  text: string;
  created_at: string;
}
const toRequest = (r: RequestRow): EnrolmentRequestRecord => ({
  requestId: r.request_id,
  keyId: r.key_id,
  requestSha256: r.request_sha256,
  text: r.text,
  createdAt: r.created_at,
  request: (JSON.parse(r.text) as { payload: EnrolmentRequest }).payload,
});

/** The newest request made with this key. */
export function latestRequestForKey(db: Db, keyId: string): EnrolmentRequestRecord | null {
  const row = db.prepare('SELECT * FROM enrolment_requests WHERE key_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(keyId) as RequestRow | undefined;
  return row ? toRequest(row) : null;
}

export function requestById(db: Db, requestId: string): EnrolmentRequestRecord | null {
  const row = db.prepare('SELECT * FROM enrolment_requests WHERE request_id = ?').get(requestId) as RequestRow | undefined;
  return row ? toRequest(row) : null;
}

export function insertRequest(db: Db, record: EnrolmentRequestRecord): void {
  db.prepare('INSERT INTO enrolment_requests (request_id, key_id, request_sha256, text, created_at) VALUES (?, ?, ?, ?, ?)').run(
    record.requestId,
    record.keyId,
    record.requestSha256,
    record.text,
    record.createdAt,
  );
}

// ------------------------------------------------------------------ reviewer_pin

interface PinRow {
  unit_code: string;
  unit_name: string;
  key_id: string;
  fingerprint: string;
  public_key: string;
  request_id: string;
  approved_at: string;
  valid_from: string;
  pinned_at: string;
}

export function readPin(db: Db): PinnedReviewer | null {
  const p = db.prepare('SELECT * FROM reviewer_pin WHERE id = 1').get() as PinRow | undefined;
  return p
    ? {
        unitCode: p.unit_code, unitName: p.unit_name, keyId: p.key_id, fingerprint: p.fingerprint, publicKey: p.public_key,
        requestId: p.request_id, approvedAt: p.approved_at, validFrom: p.valid_from, pinnedAt: p.pinned_at,
      }
    : null;
}

/** A re-pin is a delete and an insert: an UPDATE of the key is refused by the database. */
export function deletePin(db: Db): void {
  db.prepare('DELETE FROM reviewer_pin WHERE id = 1').run();
}

/** The same key answered again: the approval is refreshed, the key stays. */
export function refreshPin(db: Db, pin: PinnedReviewer & { approvalText: string }): void {
  db.prepare(
    `UPDATE reviewer_pin SET unit_code = @unitCode, unit_name = @unitName, request_id = @requestId, approval_text = @approvalText,
       approved_at = @approvedAt, valid_from = @validFrom, pinned_at = @pinnedAt WHERE id = 1`,
  ).run(pin);
}

export function insertPin(db: Db, pin: PinnedReviewer & { approvalText: string }): void {
  db.prepare(
    `INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at)
     VALUES (1, @unitCode, @unitName, @keyId, @publicKey, @fingerprint, @requestId, @approvalText, @approvedAt, @validFrom, @pinnedAt)`,
  ).run(pin);
}

// ------------------------------------------------------------------ enrolled_keys

interface EnrolledRow {
  key_id: string;
  commune_code: string;
  commune_name: string;
  public_key: string;
  fingerprint: string;
  status: 'active' | 'revoked';
  valid_from: string;
  revoked_from: string | null;
  approved_at: string;
  vetted: number;
}
const toEnrolled = (r: EnrolledRow): EnrolledKey => ({
  keyId: r.key_id, communeCode: r.commune_code, communeName: r.commune_name, publicKey: r.public_key, fingerprint: r.fingerprint,
  status: r.status, validFrom: r.valid_from, revokedFrom: r.revoked_from ?? null, approvedAt: r.approved_at, vetted: r.vetted === 1,
});

export function readEnrolledKeys(db: Db): EnrolledKey[] {
  return (db.prepare('SELECT * FROM enrolled_keys ORDER BY commune_code, approved_at').all() as EnrolledRow[]).map(toEnrolled);
}

export function readEnrolledKey(db: Db, keyId: string): EnrolledKey | null {
  const row = db.prepare('SELECT * FROM enrolled_keys WHERE key_id = ?').get(keyId) as EnrolledRow | undefined;
  return row ? toEnrolled(row) : null;
}

/** The same key, the same commune, still active: a new answer to a new request, nothing else changes. */
export function reapproveEnrolledKey(db: Db, keyId: string, row: { requestId: string; requestSha256: string; approvedAt: string }): void {
  db.prepare('UPDATE enrolled_keys SET request_id = @requestId, request_sha256 = @requestSha256, approved_at = @approvedAt WHERE key_id = @keyId').run({ ...row, keyId });
}

export function insertEnrolledKey(
  db: Db,
  row: { keyId: string; communeCode: string; communeName: string; publicKey: string; fingerprint: string; validFrom: string; requestId: string; requestSha256: string; approvedAt: string },
): void {
  admitKey(row.publicKey);
  db.prepare(
    `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at, vetted)
     VALUES (@keyId, @communeCode, @communeName, @publicKey, @fingerprint, 'active', @validFrom, NULL, @requestId, @requestSha256, @approvedAt, 1)`,
  ).run(row);
}

export function revokeKeyFrom(db: Db, keyId: string, from: string): void {
  db.prepare("UPDATE enrolled_keys SET status = 'revoked', revoked_from = ? WHERE key_id = ?").run(from, keyId);
}
