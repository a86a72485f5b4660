import { randomBytes, verify as nodeVerify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fromBase64Url } from '../../shared/package/base64url';
import { verificationBytes } from '../../shared/package/canonical';
import { prepareEnrolmentRequest } from '../../electron/features/enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../../electron/features/enrolment/reviewer-enrolment';
import { exportReport } from '../../electron/features/export/export';
import { importPackages } from '../../electron/features/import/import';
import { examineFile, indexFacts } from '../../electron/features/import/examine';
import { importFacts } from '../../electron/features/import/facts';
import { availableParallelism } from 'node:os';
import { forgetKeyCache, privateKeyFromSeed, publicKeyFromRaw } from '../../electron/kernel/signing/ed25519';
import { UnlockedKey } from '../../electron/kernel/signing/signer';
import { fixtureSources } from '../fixtures/commune-report';
import { addToRoster, makeReviewer, setUpCommuneAs } from '../fixtures/reviewer-imports';
import { testKey } from '../fixtures/test-keys';
import { freshStore } from '../helpers/context';
import { ratio, report } from './harness';

/**
 * A reviewing unit imports a folder of commune packages (one per commune, 150 questionnaires
 * each, every commune enrolled and on the roster): packages per second through the whole import
 * (bounded read, strict parse, signature, issuer/key/commune/audience, revision rules, recompute
 * with the framework, one transaction per package, raw bytes kept), beside the bare floor over
 * the same files in the same run: read + JSON.parse + one Ed25519 verify each, then one bulk
 * insert of the same rows (raw package + its items) in one transaction, no checks. Peak RSS
 * after the import. The whole import is measured twice over copies of the same unit: through the
 * worker pool (batch.ts) and on one thread (the sequential path). N = 300 by default; `npm run bench -- import --national` for 3,321 (`--n=50` for a quick look).
 */
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

export async function importBench(): Promise<void> {
  const nArg = process.argv.find((a) => a.startsWith('--n='));
  const n = nArg ? Number(nArg.slice(4)) : process.argv.includes('--national') ? 3321 : 300;
  const reviewer = makeReviewer();
  const folder = mkdtempSync(join(tmpdir(), 'chiso-bench-import-'));
  const sources = fixtureSources({ forms: 150, evidence: [] });
  const keys = new Map<string, Uint8Array>();
  const made = performance.now();
  for (let i = 0; i < n; i++) {
    const code = String(10001 + i);
    const commune = freshStore();
    try {
      setUpCommuneAs(commune.ctx, code);
      const key = new UnlockedKey(privateKeyFromSeed(new Uint8Array(randomBytes(32))));
      const { record } = prepareEnrolmentRequest(commune.ctx, key, { appVersion: '0.1.0' });
      approveEnrolmentRequest(reviewer.ctx, record.text, testKey('reviewer'));
      addToRoster(reviewer, code);
      exportReport(commune.ctx, { folder, signer: key, sources, appVersion: '0.1.0' });
      keys.set(code, key.publicKey);
    } finally {
      commune.cleanup();
    }
  }
  const files = readdirSync(folder);
  const bytesTotal = files.reduce((s, f) => s + readFileSync(join(folder, f)).length, 0);
  console.log(`import bench: ${n} packages made in ${((performance.now() - made) / 1000).toFixed(1)} s (${(bytesTotal / n / 1024).toFixed(0)} KB each)`);

  // The floor first (it warms the file cache for both).
  const scratch = join(folder, '..', `${files.length}-floor-${process.pid}.sqlite`);
  forgetKeyCache();
  const t0 = performance.now();
  const db = new Database(scratch);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE p (sha TEXT, commune TEXT, year INTEGER, revision INTEGER, raw BLOB); CREATE TABLE i (p INTEGER, code TEXT, input TEXT, points INTEGER)');
  const rowsIn: { raw: Buffer; payload: { issuer: { communeCode: string }; subject: { year: number }; revision: number; items: { code: string; input: unknown; points: number | null }[] } }[] = [];
  for (const f of files) {
    const raw = readFileSync(join(folder, f));
    const env = JSON.parse(raw.toString('utf8')) as { payload: (typeof rowsIn)[number]['payload']; signatures: { sig: string }[] };
    // The bare primitive: the key imported and the signature checked by OpenSSL, nothing else.
    const pub = publicKeyFromRaw(keys.get(env.payload.issuer.communeCode)!);
    if (!nodeVerify(null, verificationBytes('commune-report', env.payload), pub, fromBase64Url(env.signatures[0]!.sig)!)) throw new Error('floor verify failed');
    rowsIn.push({ raw, payload: env.payload });
  }
  const insP = db.prepare('INSERT INTO p (sha, commune, year, revision, raw) VALUES (?, ?, ?, ?, ?)');
  const insI = db.prepare('INSERT INTO i (p, code, input, points) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rowsIn) {
      const id = insP.run('', r.payload.issuer.communeCode, r.payload.subject.year, r.payload.revision, r.raw).lastInsertRowid;
      for (const it of r.payload.items) insI.run(id, it.code, JSON.stringify(it.input ?? null), it.points);
    }
  })();
  db.close();
  const floorMs = performance.now() - t0;
  rowsIn.length = 0;
  rmSync(scratch, { force: true });

  // The same unit twice (a copy made before either import): the sequential path, then the pool.
  const twinFile = join(reviewer.dir, 'pool-twin.sqlite');
  reviewer.db.exec(`VACUUM INTO '${twinFile}'`);

  // Verification alone, one core: every file examined (read, verify, checks, recompute), nothing written.
  forgetKeyCache(); // the floor's keys: each path meets every key for the first time, as a unit does
  const facts = indexFacts(importFacts(reviewer.ctx, { unitCode: '49', provinceCode: '49' }));
  const tv = performance.now();
  for (const f of files) if (examineFile(join(folder, f), facts).kind !== 'verified') throw new Error(`bench: ${f} refused`);
  const verifyMs = performance.now() - tv;

  forgetKeyCache();
  const t1 = performance.now();
  const results = importPackages(reviewer.ctx, [folder], { unitCode: '49', provinceCode: '49' }, { dryRun: false });
  const seqMs = performance.now() - t1;
  const refused = results.filter((r) => r.outcome !== 'accepted');
  if (refused.length > 0) throw new Error(`bench import refused ${refused.length}: ${refused[0]!.code}`);

  // The pool in a child process (import-child.ts), so its peak memory is the import's own (not the
  // floor's rows, nor the making of the packages). `npm run bench` builds first: the pool then
  // runs the app's bundled worker, as the app does. The workers are started first and timed apart.
  const built = fileURLToPath(new URL('../../out/main/import-worker.js', import.meta.url));
  const script = existsSync(built) ? built : undefined;
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, twinFile, folder, ...(script ? [script] : [])], { encoding: 'utf8', timeout: 1_800_000 });
  if (child.error || child.status !== 0) throw new Error(`bench: the pooled import failed: ${child.error?.message ?? child.stderr}`);
  const pooled = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; startMs: number; threads: number; accepted: number; other: number; notice: string | null; maxRssKb: number };
  if (pooled.threads === 0) throw new Error(`bench: the pool did not start (${pooled.notice ?? ''})`);
  if (pooled.accepted !== n) throw new Error(`bench pool import refused ${pooled.other} packages`);
  const poolMs = pooled.ms;

  const rssMb = process.resourceUsage().maxRSS / 1024;
  const perSec = (msTotal: number) => Math.round((n * 1000) / msTotal);
  const floor = `read + JSON.parse + Ed25519 verify + one bulk insert ${perSec(floorMs)} packages/s`;
  report({
    suite: 'import',
    name: `import a folder of ${n} commune packages (150 questionnaires each), ${pooled.threads} worker threads + the writer (own process)`,
    figure: `${perSec(poolMs)} packages/s (${(poolMs / 1000).toFixed(1)} s)`,
    target: '≥ 200 packages/s, within 1.5× of the floor',
    baseline: floor,
    ratio: ratio(poolMs, floorMs),
  });
  report({
    suite: 'import',
    name: `verification alone, one core: read, strict parse, signature (${n} keys met for the first time), checks, recompute; nothing written`,
    figure: `${perSec(verifyMs)} packages/s`,
    baseline: floor,
    ratio: ratio(verifyMs, floorMs),
  });
  report({
    suite: 'import',
    name: `the same folder on one thread (the sequential path)`,
    figure: `${perSec(seqMs)} packages/s (${(seqMs / 1000).toFixed(1)} s)`,
    baseline: `the pool ${perSec(poolMs)} packages/s; ${floor}`,
    ratio: ratio(seqMs, poolMs),
  });
  report({ suite: 'import', name: `starting ${pooled.threads} import workers (${script ? 'the built out/main/import-worker.js' : 'from the TypeScript sources under tsx: run `npm run bench` to build first'})`, figure: `${pooled.startMs.toFixed(0)} ms` });
  report({ suite: 'import', name: 'peak RSS of the process importing through the pool (its own process; workers are its threads)', figure: `${(pooled.maxRssKb / 1024).toFixed(0)} MB`, target: '< 1024 MB' });
  report({ suite: 'import', name: `peak RSS of the bench process (${availableParallelism()} cores: making the packages, the floor holding every row for its one bulk insert, the sequential path)`, figure: `${rssMb.toFixed(0)} MB` });
  reviewer.cleanup();
  rmSync(folder, { recursive: true, force: true });
}
