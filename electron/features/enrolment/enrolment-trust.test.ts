/**
 * What the reviewing unit's registry never allows, in the service AND in the database: a key
 * moving to another commune, a revoked key coming back, a weak key getting in.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, freshStore, parsedSetup, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { codeOf } from '../../../test/helpers/errors';
import { testKey } from '../../../test/fixtures/test-keys';
import { goldenSources, setUpCommune } from '../../../test/fixtures/commune-report';
import { keyIdOf } from '../../kernel/signing/ed25519';
import { buildEnrolmentRequest } from '../../kernel/signing/enrolment';
import type { Signer } from '../../kernel/signing/signer';
import { prepareEnrolmentRequest, recordEnrolmentRequest } from './commune-enrolment';
import { approveEnrolmentRequest, checkEnrolmentRequest, listEnrolledKeys, registryResolver, revokeEnrolledKey } from './reviewer-enrolment';
import { exportReport } from '../export/export';
import { completeSetup } from '../setup/identity';
import { verifyPackageBytes } from '../verify/verify';

const commune = testKey('commune');
const reviewer = testKey('reviewer');
let xa: TestStore;
let xa2: TestStore;
let so: TestStore;
beforeEach(() => {
  xa = freshStore();
  xa2 = freshStore();
  so = freshStore();
  setUpCommune(xa.ctx);
  completeSetup(xa2.ctx, { ...communeSetup, unitCode: '26735', unitName: 'Xã Bình Nam' });
  completeSetup(so.ctx, parsedSetup(provinceSetup));
});
afterEach(() => {
  xa.cleanup();
  xa2.cleanup();
  so.cleanup();
});

function request(store: TestStore, signer: Signer = commune): string {
  const { record } = prepareEnrolmentRequest(store.ctx, signer, { appVersion: '0.1.0' });
  recordEnrolmentRequest(store.ctx, record);
  return record.text;
}

describe('a key belongs to one commune for ever', () => {
  it('a request signed by a key enrolled for commune A but claiming commune B is refused (KEY_OTHER_COMMUNE)', () => {
    approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    const claimB = request(xa2); // the same key, now "for" 26735
    expect(codeOf(() => checkEnrolmentRequest(so.ctx, claimB))).toBe('KEY_OTHER_COMMUNE');
    expect(codeOf(() => approveEnrolmentRequest(so.ctx, claimB, reviewer))).toBe('KEY_OTHER_COMMUNE');
    expect(listEnrolledKeys(so.ctx)).toEqual([expect.objectContaining({ keyId: commune.keyId, communeCode: '26734', status: 'active' })]);
    // …so A cannot sign as B.
    const out = join(xa2.dir, 'usb');
    mkdirSync(out);
    const asB = readFileSync(exportReport(xa2.ctx, { folder: out, signer: commune, sources: goldenSources(), appVersion: '0.1.0' }).path);
    expect(verifyPackageBytes(asB, { kind: 'registry', lookup: registryResolver(so.ctx) })).toMatchObject({ ok: false, code: 'ISSUER_MISMATCH' });
  });

  it('the same key for the same commune, still active, may be approved again (a lost approval file)', () => {
    approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    const again = approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    expect(again.enrolled).toMatchObject({ keyId: commune.keyId, communeCode: '26734', status: 'active' });
    expect(listEnrolledKeys(so.ctx)).toHaveLength(1);
  });
});

describe('a revoked key never becomes active again', () => {
  it('a new request signed with a revoked key is refused, and packages signed before the revocation stay refused', () => {
    approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    const out = join(xa.dir, 'usb');
    mkdirSync(out);
    const before = readFileSync(exportReport(xa.ctx, { folder: out, signer: commune, sources: goldenSources(), appVersion: '0.1.0' }).path);
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    expect(verifyPackageBytes(before, registry).ok).toBe(true);
    revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-20');
    const comeback = request(xa);
    expect(codeOf(() => checkEnrolmentRequest(so.ctx, comeback))).toBe('KEY_ALREADY_REVOKED');
    expect(codeOf(() => approveEnrolmentRequest(so.ctx, comeback, reviewer))).toBe('KEY_ALREADY_REVOKED');
    expect(listEnrolledKeys(so.ctx)).toEqual([expect.objectContaining({ keyId: commune.keyId, status: 'revoked', revokedFrom: '2026-11-20' })]);
    expect(verifyPackageBytes(before, registry)).toMatchObject({ ok: false, code: 'KEY_REVOKED' });
  });

  it('revoking again may move the date earlier, never later, and never re-activates', () => {
    approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-20');
    expect(revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-01').revokedFrom).toBe('2026-11-01');
    expect(revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-15').revokedFrom).toBe('2026-11-01');
  });
});

describe('the database refuses it too (whatever code writes to it)', () => {
  it('moving a key to another commune, un-revoking, deleting, replacing or re-inserting a key', () => {
    approveEnrolmentRequest(so.ctx, request(xa), reviewer);
    const db = so.db;
    expect(() => db.prepare(`UPDATE enrolled_keys SET commune_code = '26735' WHERE key_id = ?`).run(commune.keyId)).toThrow(/one commune/u);
    expect(() => db.prepare(`UPDATE enrolled_keys SET public_key = 'x' WHERE key_id = ?`).run(commune.keyId)).toThrow(/one commune/u);
    revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-20');
    expect(() => db.prepare(`UPDATE enrolled_keys SET status = 'active', revoked_from = NULL WHERE key_id = ?`).run(commune.keyId)).toThrow(/revoked/u);
    expect(() => db.prepare(`DELETE FROM enrolled_keys WHERE key_id = ?`).run(commune.keyId)).toThrow(/revoked|never deleted/u);
    const row = db.prepare('SELECT * FROM enrolled_keys WHERE key_id = ?').get(commune.keyId) as Record<string, unknown>;
    const cols = Object.keys(row);
    const replace = db.prepare(`INSERT OR REPLACE INTO enrolled_keys (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    expect(() => replace.run({ ...row, status: 'active', revoked_from: null })).toThrow(/once/u);
    expect(() => replace.run({ ...row, key_id: 'OTHERKEYID000000', status: 'active', revoked_from: null })).toThrow(/once/u); // same public key under another id
    expect(db.prepare('SELECT status FROM enrolled_keys WHERE key_id = ?').get(commune.keyId)).toEqual({ status: 'revoked' });
  });
});

describe('a weak key never gets in', () => {
  it('a request for the identity point with a trivial signature is refused (KEY_WEAK); nothing is enrolled', () => {
    const identity = new Uint8Array(32);
    identity[0] = 1;
    const weak: Signer = { keyId: keyIdOf(identity), publicKey: identity, sign: () => Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0)) };
    const text = buildEnrolmentRequest({ commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' }, officer: { name: 'A', title: 'B' }, validFrom: '2026-11-22', appVersion: '0.1.0', now: new Date() }, weak).text;
    expect(codeOf(() => approveEnrolmentRequest(so.ctx, text, reviewer))).toBe('KEY_WEAK');
    expect(listEnrolledKeys(so.ctx)).toEqual([]);
  });
});
