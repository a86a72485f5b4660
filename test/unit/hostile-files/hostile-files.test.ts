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
import { buildWorld, type Reader } from './world';

let dir: string;
let cleanup: () => void;
let readers: Reader[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  readers = await buildWorld(dir);
}, 120_000);
afterAll(() => cleanup());

const RANDOM = Number(process.env['CHISO_FUZZ_RUNS'] ?? 8);

describe('every file the app reads survives hostile input', () => {
  it('named hostile variants and random damage, reader by reader', async () => {
    const findings = [];
    // CHISO_FUZZ_READER: only the readers whose name contains it (a targeted run).
    const only = process.env['CHISO_FUZZ_READER'];
    for (const [i, r] of readers.entries()) {
      if (only && !r.name.includes(only)) continue;
      const seen = new Set<string>();
      findings.push(...(await attack(dir, r, [...namedVariants(r.seed, r.form), ...randomVariants(r.seed, RANDOM, 20261130 + i)], seen)));
      if (process.env['CHISO_FUZZ_CODES']) console.log(`${r.name}: ${[...seen].sort().join(', ')}`);
    }
    expect(findings.map((f) => `${f.reader} · ${f.variant}: ${f.problem}`)).toEqual([]);
  }, 1_200_000);
});
