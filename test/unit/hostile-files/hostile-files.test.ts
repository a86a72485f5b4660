/**
 * Every file the app reads, attacked: from a valid file of each kind, the named hostile variants
 * (mutations.ts) and random truncations and flipped bytes, each through the command that reads it
 * (the use case behind it, policy and all). Each ends taken or refused with a stable code and a
 * Vietnamese sentence; never INTERNAL, never a hang; a refusal leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/context';
import { attack } from './check';
import { namedVariants, randomVariants } from './mutations';
import { buildWorld, ENV, type Reader } from './world';
import { payloadOf, signedVariants } from './signed';
import { join } from 'node:path';
import { KeyStore, keyPathFor } from '../../../electron/kernel/signing/key-store';
import { unlockKey } from '../../../electron/features/keys/keys';
import { TEST_SCRYPT } from '../../helpers/app';

let dir: string;
let cleanup: () => void;
let readers: Reader[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  readers = await buildWorld(dir);
}, 120_000);
afterAll(() => cleanup());

/** The signed variants that are taken, each with the same meaning as a valid file (reviewed by hand). */
const TAKEN: string[] = [
  // A framework the reviewing unit signs is the unit's to define: a change that is still a valid
  // framework (an item no longer marked required, a field floor of 0) is another framework, taken
  // as such (one with the same id and version as a framework held is FRAMEWORK_VERSION_CONFLICT).
  'signed framework · signed: unchanged',
  'signed framework · signed: framework.content.fields.0.criteria.0.items.0.required missing',
  'signed framework · signed: framework.content.fields.0.floor 0',
  'enrolment approval · signed: unchanged',
  'key rotation approval · signed: unchanged',
  'appraisal package · signed: unchanged',
  // lockedBy/lockedAt are kept only with `locked`, which is false here: nothing is stored from them.
  'appraisal package · signed: approval.lockedBy a string for null',
  // A comment where there was none: the same result with a note more.
  'appraisal package · signed: items.0.comment a string for null',
  // The seed's own values (every item appraised, no request): the file is unchanged in meaning.
  'appraisal package · signed: summary.requests 0',
  'appraisal package · signed: summary.stillAtSelfScore 0',
  'appraisal package · signed: a comment of 5,000 characters, taken',
];

const RANDOM = Number(process.env['CHISO_FUZZ_RUNS'] ?? 8);

describe('every file the app reads survives hostile input', () => {
  it('each valid file is taken as it is by its reader (a seed refused as-is tests nothing)', async () => {
    const findings = [];
    for (const r of readers) findings.push(...(await attack(dir, r, [{ name: 'unmodified', bytes: r.seed, code: null }], undefined, false)));
    expect(findings.map((f) => `${f.reader}: ${f.problem}`)).toEqual([]);
  }, 120_000);

  it('hostile payloads signed with the trusted key: refused by the payload, binding and revision rules, or taken', async () => {
    const findings = [];
    const taken: string[] = [];
    for (const r of readers) {
      if (!r.signed) continue;
      const signer = await unlockKey(new KeyStore(keyPathFor(join(dir, r.signed.signerDb)), { scrypt: TEST_SCRYPT }), ENV.CHISO_PASSPHRASE);
      const variants = signedVariants(r.signed.type, payloadOf(r.seed), signer, r.signed.cases);
      const seen = new Set<string>();
      const took: string[] = [];
      findings.push(...(await attack(dir, r, variants, seen, false, took)));
      if (process.env['CHISO_FUZZ_CODES']) console.log(`${r.name} (signed): ${[...seen].sort().join(', ')}`);
      taken.push(...took.map((n) => `${r.name} · ${n}`));
    }
    expect(findings.map((f) => `${f.reader} · ${f.variant}: ${f.problem}`)).toEqual([]);
    // An item left out, a self-score changed, a summary that does not count the items: all refused
    // now that the commune keeps what its report declared (migration 015).
    expect(taken).toEqual(TAKEN);
  }, 600_000);

  it('named hostile variants and random damage, reader by reader', async () => {
    const findings = [];
    // CHISO_FUZZ_READER: only the readers whose name contains it (a targeted run).
    const only = process.env['CHISO_FUZZ_READER'];
    for (const [i, r] of readers.entries()) {
      if (only && !r.name.includes(only)) continue;
      const seen = new Set<string>();
      const started = Date.now();
      findings.push(...(await attack(dir, r, [...namedVariants(r.seed, r.form), ...randomVariants(r.seed, RANDOM, 20261130 + i)], seen)));
      if (process.env['CHISO_FUZZ_CODES']) console.log(`${r.name} (${Date.now() - started} ms): ${[...seen].sort().join(', ')}`);
    }
    expect(findings.map((f) => `${f.reader} · ${f.variant}: ${f.problem}`)).toEqual([]);
  }, 1_200_000);
});
