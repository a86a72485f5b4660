/**
 * The revision rules of the two signed files a commune takes from its reviewing unit, with files
 * re-signed by the trusted key: once a result (or an approval) is held, an older one, the same id
 * with other content, and the same approval again are each refused with their own code and leave
 * the database (and the key files) as they were; the same file again is a duplicate; a newer
 * result is taken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockKey } from '../../../electron/features/keys/keys';
import { KeyStore, keyPathFor } from '../../../electron/kernel/signing/key-store';
import type { Signer } from '../../../electron/kernel/signing/signer';
import { TEST_SCRYPT } from '../../helpers/app';
import { tempDir } from '../../helpers/context';
import { judge } from './check';
import { payloadOf, resign, type Json } from './signed';
import { buildWorld, cli, dump, ENV, type Reader } from './world';

let dir: string;
let cleanup: () => void;
let readers: Reader[];
let signer: Signer;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  readers = await buildWorld(dir);
  signer = await unlockKey(new KeyStore(keyPathFor(join(dir, 'so.sqlite')), { scrypt: TEST_SCRYPT }), ENV.CHISO_PASSPHRASE);
}, 120_000);
afterAll(() => cleanup());

const reader = (name: string): Reader => readers.find((r) => r.name === name)!;

/** Runs the reader on `bytes`; returns the exit code and the code printed. */
async function run(r: Reader, name: string, bytes: Buffer): Promise<{ exit: number; code: string | undefined; text: string }> {
  writeFileSync(join(dir, name), bytes);
  const out = await cli(dir, r.argv(name));
  const text = `${out.out}\n${out.err}`;
  expect(judge(out.code, text)).toBeUndefined();
  return { exit: out.code, code: /\[([A-Z][A-Z0-9_]{3,})\]/u.exec(text)?.[1], text };
}

type Obj = Record<string, Json>;

describe('the appraisal result: the revision rules, with results signed by the trusted key', () => {
  it('held: the same file again is a duplicate; an older one is stale; the same id with other content is a conflict; a newer one is taken', async () => {
    const r = reader('appraisal package');
    const db = join(dir, r.db!);
    const seed = payloadOf(r.seed);
    expect((await run(r, 'kq-1.json', r.seed)).exit).toBe(0);
    const held = dump(db);

    const again = await run(r, 'kq-1-lai.json', r.seed);
    expect(again.exit).toBe(0);
    expect(again.text).toContain('ĐÃ CÓ');
    expect(dump(db)).toBe(held);

    const older = structuredClone(seed);
    older['packageId'] = 'ket-qua-cu-26734';
    older['createdAt'] = '2020-01-01T00:00:00.000Z';
    expect(await run(r, 'kq-cu.json', resign('appraisal', older, signer))).toMatchObject({ exit: 1, code: 'APPRAISAL_STALE' });
    expect(dump(db)).toBe(held);

    const other = structuredClone(seed);
    (other['items'] as Obj[])[0]!['comment'] = 'Một nhận xét khác, cùng mã kết quả.';
    expect(await run(r, 'kq-khac.json', resign('appraisal', other, signer))).toMatchObject({ exit: 1, code: 'APPRAISAL_RESULT_CONFLICT' });
    expect(dump(db)).toBe(held);

    const newer = structuredClone(seed);
    newer['packageId'] = 'ket-qua-moi-26734';
    newer['createdAt'] = '2099-01-01T00:00:00.000Z';
    expect((await run(r, 'kq-moi.json', resign('appraisal', newer, signer))).exit).toBe(0);
    expect(dump(db)).not.toBe(held);
  }, 120_000);
});

describe('the key rotation approval: once taken, never again', () => {
  it('the same approval again is ROTATION_NOT_PENDING, and the key files stay as the first approval left them', async () => {
    const r = reader('key rotation approval');
    const keyFile = join(dir, 'xr.signing-key.json');
    const before = readFileSync(keyFile);
    const pending = dump(join(dir, r.db!));
    // Another signed file of the same unit (the enrolment approval) is refused by its format, before its payload is read.
    expect(await run(r, 'duyet-dang-ky.json', reader('enrolment approval').seed)).toMatchObject({ exit: 1, code: 'FORMAT_UNKNOWN' });
    expect(dump(join(dir, r.db!))).toBe(pending);
    expect(readFileSync(keyFile).equals(before)).toBe(true);
    expect((await run(r, 'duyet.json', r.seed)).exit).toBe(0);
    const switched = readFileSync(keyFile);
    expect(switched.equals(before)).toBe(false);
    const held = dump(join(dir, r.db!));
    expect(await run(r, 'duyet-lai.json', r.seed)).toMatchObject({ exit: 1, code: 'ROTATION_NOT_PENDING' });
    expect(dump(join(dir, r.db!))).toBe(held);
    expect(readFileSync(keyFile).equals(switched)).toBe(true);
  }, 120_000);
});
