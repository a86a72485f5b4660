/**
 * Import-level robustness: mutations of valid packages go through the real import against a real
 * reviewing unit's database. Each is accepted with the same meaning (commune, year, revision,
 * package id) or refused with a known code; after every refusal the database is exactly as it
 * was (a full dump, apart from the import log's one new line that records the refusal). Each case
 * runs inside a transaction rolled back afterwards, so every case starts from the same state.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { addToRoster, dumpDatabase, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import { communeSetup, freshStore, parsedSetup, type TestStore } from '../../../test/helpers/context';
import { goldenSources } from '../../../test/fixtures/commune-report';
import { testKey } from '../../../test/fixtures/test-keys';
import { sampleFramework } from '../../../shared/framework/sample';
import { completeSetup } from '../setup/identity';
import { exportReport } from '../export/export';
import { importPackages, type ImportResult } from './import';

let r: TestStore;
let a: Commune;
let twin: Commune;
let r1: Buffer;
let r2: Buffer;
let twinR1: Buffer;
const UNIT = { unitCode: '49', provinceCode: '49' };

beforeAll(() => {
  r = makeReviewer();
  a = makeCommune('26734', 'commune');
  // The same commune from a second database with the same key: a different package, same revision.
  twin = makeCommune('26734', 'commune');
  enrol(r, a);
  addToRoster(r, '26734');
  r1 = readFileSync(a.export());
  r2 = readFileSync(a.export());
  twinR1 = readFileSync(twin.export());
});
afterAll(() => {
  a.store.cleanup();
  twin.store.cleanup();
  r.cleanup();
});

let n = 0;
/** Import these files in order inside a transaction rolled back afterwards; checks every refusal changed nothing. */
function importInOrder(files: Buffer[]): ImportResult[] {
  const results: ImportResult[] = [];
  r.db.exec('BEGIN');
  try {
    for (const bytes of files) {
      const path = join(r.dir, `case-${n++}.json`);
      writeFileSync(path, bytes);
      const before = dumpDatabase(r, ['import_log']);
      const logBefore = (r.db.prepare('SELECT count(*) AS c FROM import_log').get() as { c: number }).c;
      const [res] = importPackages(r.ctx, [path], UNIT, { dryRun: false });
      expect(res).toBeDefined();
      results.push(res!);
      if (res!.outcome !== 'accepted') {
        expect(dumpDatabase(r, ['import_log'])).toEqual(before);
        const last = r.db.prepare('SELECT outcome, code FROM import_log ORDER BY id DESC LIMIT 1').get() as { outcome: string; code: string | null };
        expect((r.db.prepare('SELECT count(*) AS c FROM import_log').get() as { c: number }).c).toBe(logBefore + 1);
        expect(last).toEqual({ outcome: res!.outcome, code: res!.code });
      }
      if (res!.outcome === 'refused') expect(ERROR_CODES).toContain(res!.code);
    }
  } finally {
    r.db.exec('ROLLBACK');
  }
  return results;
}

/** Accepted with the same meaning as the original, or refused with its code. */
function sameMeaningOrRefused(res: ImportResult, original: Buffer): void {
  if (res.outcome === 'refused') return;
  const p = (JSON.parse(original.toString('utf8')) as { payload: { packageId: string; revision: number; issuer: { communeCode: string }; subject: { year: number } } }).payload;
  expect([res.commune, res.year, res.revision, res.packageId]).toEqual([p.issuer.communeCode, p.subject.year, p.revision, p.packageId]);
}

const text = (b: Buffer) => b.toString('utf8');
const NUMBERS = ['1e400', '1.5', '9007199254740993', '-0', '1E2', '0.0000001', '-1', '99999999999999999999'];

const mutation = fc.oneof(
  fc.nat().map((k) => (b: Buffer) => b.subarray(0, k % b.length)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([p, x]) => (b: Buffer) => {
    const c = Buffer.from(b);
    c[p % c.length] = c[p % c.length]! ^ x;
    return c;
  }),
  fc.constantFrom('revision', 'packageId', 'issuer', 'subject').map((key) => (b: Buffer) => {
    const m = new RegExp(`"${key}":("[^"]*"|\\d+|\\{[^{}]*\\})`, 'u').exec(text(b));
    return m ? Buffer.from(text(b).replace('"payload":{', `"payload":{${m[0]},`)) : b;
  }),
  fc.constantFrom(...NUMBERS).map((num) => (b: Buffer) => Buffer.from(text(b).replace(/"revision":\d+/u, `"revision":${num}`))),
  fc.integer({ min: 50, max: 5000 }).map((depth) => (b: Buffer) => Buffer.from(text(b).replace('"payload":{', `"payload":{"x":${'['.repeat(depth)}${']'.repeat(depth)},`))),
  fc.constant((b: Buffer) => Buffer.from(text(b).replace(/Xã Thử 26734/gu, 'Xã Thử 26734'.normalize('NFD')))),
  fc.constant((b: Buffer) => Buffer.from(text(b).replace(/"audience":\{[^{}]*\}/u, (m) => m.replace(/"49"/gu, '"48"')))),
  fc.constant((b: Buffer) => Buffer.from(JSON.stringify(JSON.parse(text(b)), null, 1))),
);

describe('mutated packages at import', () => {
  it('every mutation: accepted with the same meaning, or refused with its code and nothing changed', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom('r1', 'r2'), mutation, (which, mutate) => {
        const original = which === 'r1' ? r1 : r2;
        const [res] = importInOrder([mutate(original)]);
        seen.add(res!.code ?? res!.outcome);
        sameMeaningOrRefused(res!, original);
      }),
      { numRuns: 120, seed: 20261130 },
    );
    // The mutations reach many different refusals, and some are accepted (re-indented files).
    expect(seen.has('accepted')).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('the same package re-indented is accepted with the same meaning; a truncated one is refused', () => {
    const reindented = Buffer.from(JSON.stringify(JSON.parse(text(r1)), null, 2));
    const [ok] = importInOrder([reindented]);
    expect(ok!.outcome).toBe('accepted');
    sameMeaningOrRefused(ok!, r1);
    expect(importInOrder([r1.subarray(0, 100)])[0]).toMatchObject({ outcome: 'refused', code: expect.any(String) });
  });

  it('a replay is a duplicate, an older revision after a newer one and a second package with the same revision are refused; nothing changes', () => {
    expect(importInOrder([r1, r1]).map((x) => [x.outcome, x.code])).toEqual([['accepted', null], ['duplicate', null]]);
    expect(importInOrder([r2, r1]).map((x) => [x.outcome, x.code])).toEqual([['accepted', null], ['refused', 'STALE_REVISION']]);
    expect(importInOrder([r1, twinR1]).map((x) => [x.outcome, x.code])).toEqual([['accepted', null], ['refused', 'REVISION_CONFLICT']]);
  });

  it('a package correctly signed by an enrolled key, but for another reviewing unit or from another commune than the key\'s, is refused with its code; nothing changes', () => {
    // The enrolled key of 26734, in a commune installation addressed to another unit (48), and in one set up as commune 26735.
    const otherUnit = signedBy('26734', { reviewerCode: '48' });
    const otherProvince = signedBy('26734', { reviewerCode: '48', provinceCode: '48' });
    const otherCommune = signedBy('26735', {});
    expect(importInOrder([otherUnit]).map((x) => [x.outcome, x.code])).toEqual([['refused', 'AUDIENCE_MISMATCH']]);
    expect(importInOrder([otherProvince]).map((x) => [x.outcome, x.code])).toEqual([['refused', 'ISSUER_PROVINCE_MISMATCH']]);
    expect(importInOrder([otherCommune]).map((x) => [x.outcome, x.code, x.commune])).toEqual([['refused', 'ISSUER_MISMATCH', null]]);
  });
});

/** A package exported by a commune installation set up with these facts, signed with the enrolled key of 26734. */
function signedBy(unitCode: string, facts: Partial<Record<'reviewerCode' | 'provinceCode', string>>): Buffer {
  const store = freshStore();
  try {
    completeSetup(store.ctx, parsedSetup({ ...communeSetup, unitCode, unitName: `Xã Thử ${unitCode}`, ...facts }), sampleFramework);
    const out = join(store.dir, 'out');
    mkdirSync(out);
    return readFileSync(exportReport(store.ctx, { folder: out, signer: testKey('commune'), sources: goldenSources(), appVersion: '0.1.0' }).path);
  } finally {
    store.cleanup();
  }
}
