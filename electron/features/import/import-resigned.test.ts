/**
 * A commune that lies, with its own enrolled key: every field of a real report given a hostile
 * value (wrong type, -1, 0, 2^53-1, empty, 100 KB, NFD, control or bidi characters, missing, an
 * unknown key beside it) and re-signed with the commune's key, so the signature holds and only the
 * payload rules, the binding and the recomputation stand between the file and the database. Each
 * is refused with a known code (the database exactly as it was, the import log's line apart), or
 * accepted as what it says; and a declared score that the commune's own inputs do not give is
 * flagged on that commune, never taken silently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { addToRoster, dumpDatabase, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import type { TestStore } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { payloadOf, resign, signedVariants, type Json } from '../../../test/unit/hostile-files/signed';
import { refusal } from '../../../test/helpers/app';
import type { ImportResult } from '../../../shared/ipc/import';
import { appraise, openAppraisal } from '../appraisal/appraisal';
import { importPackages } from './import';

let r: TestStore;
let a: Commune;
let original: Buffer;
const UNIT = { unitCode: '49', provinceCode: '49' };

beforeAll(() => {
  r = makeReviewer();
  a = makeCommune('26734', 'commune');
  enrol(r, a);
  addToRoster(r, '26734');
  original = readFileSync(a.export());
});
afterAll(() => {
  a.store.cleanup();
  r.cleanup();
});

/** Where a changed value is a score the commune declares (its inputs unchanged): accepted only flagged. */
const DECLARED_SCORE = /^signed: (?:items\.0\.points|totals\.(?:selfAssessment|total|survey)\.points|totals\.indexPercent|totals\.fields\.0\.points) (?:-1|0|2\^53-1)$/u;

describe('re-signed hostile reports at import', () => {
  it('each is refused with its code and changes nothing, or is accepted as it says; a declared score its inputs do not give is flagged', () => {
    const payload = payloadOf(original);
    const variants = signedVariants('commune-report', payload, testKey('commune'), []);
    expect(variants.length).toBeGreaterThan(100);
    const accepted: string[] = [];
    const outcomes = new Map<string, ImportResult>();
    const refusedCodes = new Set<string>();
    for (const [n, v] of variants.entries()) {
      const path = join(r.dir, `resigned-${n}.json`);
      writeFileSync(path, v.bytes);
      r.db.exec('BEGIN');
      try {
        const before = dumpDatabase(r, ['import_log']);
        const [res] = importPackages(r.ctx, [path], UNIT, { dryRun: false });
        expect(res, v.name).toBeDefined();
        if (res!.outcome === 'refused') {
          expect(ERROR_CODES, v.name).toContain(res!.code);
          expect(res!.code, v.name).not.toBe('INTERNAL');
          expect(res!.message, v.name).toMatch(/[ăâđêôơư]/u);
          expect(dumpDatabase(r, ['import_log']), v.name).toEqual(before);
          refusedCodes.add(res!.code!);
          continue;
        }
        expect(res!.outcome, v.name).toBe('accepted');
        accepted.push(v.name);
        outcomes.set(v.name, res!);
        // Accepted as what it says: the commune, year, revision and id the signed payload names.
        const p = JSON.parse(v.bytes.toString('utf8')) as { payload: { packageId: Json; revision: Json; issuer: { communeCode: Json }; subject: { year: Json } } };
        expect([res!.commune, res!.year, res!.revision, res!.packageId], v.name).toEqual([p.payload.issuer.communeCode, p.payload.subject.year, p.payload.revision, p.payload.packageId]);
        // A score changed away from what the inputs give is flagged on the commune.
        const changed = DECLARED_SCORE.test(v.name) && JSON.stringify(p.payload) !== JSON.stringify(payload);
        if (changed) expect(res!.mismatch, v.name).toBe(true);
        const row = r.db.prepare('SELECT mismatch FROM received_packages WHERE package_id = ?').get(res!.packageId) as { mismatch: number };
        expect(row.mismatch === 1, v.name).toBe(res!.mismatch);
      } finally {
        r.db.exec('ROLLBACK');
      }
    }
    // The unchanged payload is taken; the hostile ones reach many different refusals.
    expect(accepted).toContain('signed: unchanged');
    expect(refusedCodes.size).toBeGreaterThanOrEqual(4);
    expect(accepted.filter((name) => DECLARED_SCORE.test(name)).length).toBeGreaterThan(0);
    const flagged = (name: string) => [outcomes.get(name)?.outcome, outcomes.get(name)?.mismatch, outcomes.get(name)?.differences ?? []];
    // A maximum other than the framework's, on an item or a total.
    const first = payload['items'] as { code: string }[];
    expect(flagged('signed: items.0.max 2^53-1')).toEqual(['accepted', true, [first[0]!.code]]);
    expect(flagged('signed: items.0.applicableMax 0')).toEqual(['accepted', true, [first[0]!.code]]);
    // The survey is scored from the questionnaires: a form left out, or counts other than the forms give, are flagged.
    expect(flagged('signed: questionnaires.0 missing')[1]).toBe(true);
    expect(flagged('signed: questionnaires.0 missing')[2]).toContain('surveyCounts');
    expect(flagged('signed: surveyCounts.forms 0')).toEqual(['accepted', true, ['surveyCounts']]);
    expect(flagged('signed: surveyCounts.questions.0.counts.1 2^53-1')).toEqual(['accepted', true, ['surveyCounts']]);
  }, 300_000);

  it('an item declared with a larger maximum is appraised up to the framework\'s maximum only', async () => {
    const payload = payloadOf(original);
    const items = payload['items'] as { code: string; max: number }[];
    const realMax = items[0]!.max;
    items[0]!.max = realMax * 10;
    const path = join(r.dir, 'larger-max.json');
    writeFileSync(path, resign('commune-report', payload, testKey('commune')));
    expect(importPackages(r.ctx, [path], UNIT, { dryRun: false })[0]).toMatchObject({ outcome: 'accepted', mismatch: true });
    const s = openAppraisal(r.ctx, '26734', 2026);
    expect(s.items.find((i) => i.code === items[0]!.code)).toMatchObject({ max: realMax, declaredMax: realMax * 10, flagged: true });
    expect(await refusal(() => appraise(r.ctx, '26734', 2026, [{ itemCode: items[0]!.code, points: realMax + 1 }]))).toBe('APPRAISAL_POINTS_OUT_OF_RANGE');
    expect(appraise(r.ctx, '26734', 2026, [{ itemCode: items[0]!.code, points: realMax }]).items.find((i) => i.code === items[0]!.code)!.appraisedPoints).toBe(realMax);
  });
});
