import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../../shared/framework/sample';
import type { TestStore } from '../../../test/helpers/context';
import { goldenSources } from '../../../test/fixtures/commune-report';
import { addToRoster, dumpDatabase, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import { listAudit } from '../audit/audit-repo';
import { fingerprintOf } from '../../kernel/signing/ed25519';
import { importPackages, type ImportResult } from './import';
import { listImportLog } from './received-repo';
import { SPECIAL_FILES_SUPPORTED, specialFiles } from '../../../test/helpers/special-files';

const unit = { unitCode: '49', provinceCode: '49' };
let r: TestStore;
let a: Commune;
const others: Commune[] = [];
let inbox: string;

function commune(code: string, key: Parameters<typeof makeCommune>[1], framework?: Parameters<typeof makeCommune>[2]): Commune {
  const c = makeCommune(code, key, framework);
  others.push(c);
  return c;
}

beforeEach(() => {
  r = makeReviewer();
  a = commune('26734', 'commune');
  enrol(r, a);
  addToRoster(r, '26734');
  inbox = join(r.dir, 'inbox');
  mkdirSync(inbox);
});
afterEach(() => {
  for (const c of others.splice(0)) c.store.cleanup();
  r.cleanup();
});

const run = (paths: string[], dryRun = false): ImportResult[] => importPackages(r.ctx, paths, unit, { dryRun });
const one = (path: string, dryRun = false): ImportResult => {
  const res = run([path], dryRun);
  expect(res).toHaveLength(1);
  return res[0]!;
};
const count = (table: string) => (r.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A refusal leaves everything as it was but for one new import_log row. */
function expectRefusedCleanly(path: string, code: string): ImportResult {
  const before = dumpDatabase(r, ['import_log']);
  const logs = count('import_log');
  const res = one(path);
  expect(res).toMatchObject({ outcome: 'refused', code });
  expect(res.message).toBeTruthy();
  expect(dumpDatabase(r, ['import_log'])).toEqual(before);
  expect(count('import_log')).toBe(logs + 1);
  expect(listImportLog(r.db).at(-1)).toMatchObject({ outcome: 'refused', code, fileName: basename(path) });
  return res;
}

describe('importPackages', () => {
  it('accepts a good package: raw bytes kept, items recomputed, evidence stored once, log and audit written', () => {
    const file = a.export();
    const res = one(file);
    expect(res).toMatchObject({ outcome: 'accepted', code: null, commune: '26734', year: 2026, revision: 1, mismatch: false });
    const row = r.db.prepare(`SELECT * FROM received_packages`).get() as Record<string, unknown>;
    const raw = (r.db.prepare(`SELECT bytes FROM received_package_bytes WHERE package_id = ?`).get(row['id']) as { bytes: Buffer }).bytes;
    expect(Buffer.compare(raw, readFileSync(file))).toBe(0);
    expect(row).toMatchObject({ commune_code: '26734', revision: 1, mismatch: 0, forms: 3, file_name: 'CCHC-2026-26734-r1.json' });
    expect(row['recomputed_points']).toBe(row['declared_points']);
    const items = r.db.prepare(`SELECT item_code, declared_points, recomputed_points FROM received_items`).all() as { declared_points: number; recomputed_points: number }[];
    expect(items.length).toBeGreaterThan(5);
    for (const i of items) expect(i.recomputed_points).toBe(i.declared_points);
    expect(count('received_evidence')).toBe(1);
    expect(listImportLog(r.db)).toMatchObject([{ outcome: 'accepted', code: null, communeCode: '26734', revision: 1 }]);
    expect(listAudit(r.ctx, { entity: 'received_package' })[0]).toMatchObject({ action: 'package.import' });
  });

  it('the same file again is a duplicate, not an error, and changes nothing but the log', () => {
    const file = a.export();
    one(file);
    const copy = join(inbox, 'copy.json');
    copyFileSync(file, copy);
    const before = dumpDatabase(r, ['import_log']);
    expect(one(copy)).toMatchObject({ outcome: 'duplicate', code: null, commune: '26734', revision: 1 });
    expect(dumpDatabase(r, ['import_log'])).toEqual(before);
    expect(listImportLog(r.db).at(-1)).toMatchObject({ outcome: 'duplicate' });
  });

  it('an older revision after a newer one is refused STALE_REVISION; a gap is accepted', () => {
    const r1 = a.export();
    a.export();
    const r3 = a.export();
    expect(one(r3)).toMatchObject({ outcome: 'accepted', revision: 3 });
    const res = expectRefusedCleanly(r1, 'STALE_REVISION');
    expect(res.details).toMatchObject({ revision: 1, newestRevision: 3 });
  });

  it('the same revision with other content is refused REVISION_CONFLICT and logged', () => {
    const twin = commune('26734', 'commune');
    const mine = a.export();
    const theirs = twin.export();
    expect(one(mine).outcome).toBe('accepted');
    const res = expectRefusedCleanly(theirs, 'REVISION_CONFLICT');
    expect(res).toMatchObject({ commune: '26734', revision: 1 });
  });

  it('a tampered file is refused SIGNATURE_INVALID and writes nothing but its log row', () => {
    const text = readFileSync(a.export(), 'utf8');
    const bad = join(inbox, 'tampered.json');
    writeFileSync(bad, text.replace('"communeName":"Xã Thử 26734"', '"communeName":"Xã Thử 26739"'));
    expect(readFileSync(bad, 'utf8')).not.toBe(text);
    expectRefusedCleanly(bad, 'SIGNATURE_INVALID');
  });

  it('a package from an unknown key is refused KEY_UNKNOWN, naming the commune it claims and the fingerprint', () => {
    const stranger = commune('26736', 'communeNext');
    addToRoster(r, '26736');
    const res = expectRefusedCleanly(stranger.export(), 'KEY_UNKNOWN');
    const fp = fingerprintOf(stranger.key.publicKey);
    expect(res.commune).toBe('26736');
    expect(res.message).toContain('26736');
    expect(res.message).toContain(fp);
    expect(res.details).toMatchObject({ claimedCommuneCode: '26736', fingerprint: fp });
  });

  it('a package naming a framework the unit does not hold is refused FRAMEWORK_NOT_HELD, saying which to import', () => {
    const other = commune('26734', 'commune', { ...sampleFramework, version: '7.3' });
    const res = expectRefusedCleanly(other.export(), 'FRAMEWORK_NOT_HELD');
    expect(res.message).toContain(sampleFramework.id);
    expect(res.message).toContain('7.3');
    expect(res.message).toContain('2026');
    expect(res.details).toMatchObject({ frameworkId: sampleFramework.id, version: '7.3', year: 2026 });
  });

  it('an enrolled commune that is not on the roster is refused COMMUNE_NOT_IN_ROSTER', () => {
    const b = commune('26735', 'stranger');
    enrol(r, b);
    const res = expectRefusedCleanly(b.export(), 'COMMUNE_NOT_IN_ROSTER');
    expect(res.commune).toBe('26735');
  });

  it('declared totals that differ from the recomputed ones are accepted and flagged mismatch', () => {
    const golden = goldenSources();
    const lying = {
      ...golden,
      assessment: (ctx: Parameters<typeof golden.assessment>[0]) => {
        const part = golden.assessment(ctx);
        return { ...part, totals: { ...part.totals, total: { ...part.totals.total, points: part.totals.total.points + 500 } } };
      },
    };
    const res = one(a.export(lying));
    expect(res).toMatchObject({ outcome: 'accepted', mismatch: true });
    expect(res.differences).toContain('total');
    const row = r.db.prepare(`SELECT mismatch, declared_points, recomputed_points FROM received_packages`).get() as Record<string, number>;
    expect(row['mismatch']).toBe(1);
    expect(row['declared_points']! - row['recomputed_points']!).toBe(500);
  });

  it('a dry run gives the real verdicts (a duplicate within the batch included) and writes nothing', () => {
    const r1 = a.export();
    const copy = join(inbox, 'again.json');
    copyFileSync(r1, copy);
    const bad = join(inbox, 'broken.json');
    writeFileSync(bad, '{"format":');
    const before = dumpDatabase(r);
    const dry = run([r1, copy, bad], true);
    expect(dry.map((d) => [d.outcome, d.code])).toEqual([['accepted', null], ['duplicate', null], ['refused', 'NOT_JSON']]);
    expect(dumpDatabase(r)).toEqual(before);
    const real = run([r1, copy, bad]);
    expect(real.map((d) => [d.outcome, d.code])).toEqual(dry.map((d) => [d.outcome, d.code]));
  });

  it('walks folders recursively for *.json only; one bad file never stops the others', () => {
    const deep = join(inbox, 'usb', 'xa');
    mkdirSync(deep, { recursive: true });
    copyFileSync(a.export(), join(deep, 'r1.json'));
    copyFileSync(a.export(), join(inbox, 'r2.JSON'));
    writeFileSync(join(inbox, 'a-broken.json'), 'not json at all');
    writeFileSync(join(inbox, 'notes.txt'), 'ignored');
    const res = run([inbox]);
    expect(res.map((x) => [x.file.slice(inbox.length + 1), x.outcome])).toEqual([
      ['a-broken.json', 'refused'],
      ['r2.JSON', 'accepted'],
      ['usb/xa/r1.json', 'refused'],
    ]);
    expect(res[2]!.code).toBe('STALE_REVISION');
    expect(count('received_packages')).toBe(1);
    // The log names each file under the folder chosen, never the folders above it.
    expect(listImportLog(r.db).map((l) => l.fileName)).toEqual(['inbox/a-broken.json', 'inbox/r2.JSON', 'inbox/usb/xa/r1.json']);
  });

  it('a missing path is its own refusal', () => {
    const res = run([join(inbox, 'nope.json'), a.export()]);
    expect(res.map((x) => [x.outcome, x.code])).toEqual([['refused', 'FILE_NOT_FOUND'], ['accepted', null]]);
  });

  it.runIf(SPECIAL_FILES_SUPPORTED)('a FIFO or a link to a device, named or in a folder, is refused NOT_A_FILE; the good file beside it is imported', () => {
    const odd = join(inbox, 'odd');
    mkdirSync(odd);
    const specials = specialFiles(odd, 'json');
    copyFileSync(a.export(), join(odd, 'zz-good.json'));
    const res = run([...specials, odd]);
    expect(res.slice(0, specials.length).every((x) => x.outcome === 'refused' && x.code === 'NOT_A_FILE')).toBe(true);
    expect(res.at(-1)).toMatchObject({ outcome: 'accepted', file: join(odd, 'zz-good.json') });
    expect(count('received_packages')).toBe(1);
  });
});
