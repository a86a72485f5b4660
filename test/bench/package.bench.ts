import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBase64Url } from '../../shared/package/base64url';
import { verificationBytes } from '../../shared/package/canonical';
import { verify } from '../../electron/kernel/signing/ed25519';
import { exportReport } from '../../electron/features/export/export';
import { verifyPackageBytes } from '../../electron/features/verify/verify';
import { evidenceBytes, evidenceFile, fixtureSources, setUpCommune } from '../fixtures/commune-report';
import { testKey } from '../fixtures/test-keys';
import { freshStore } from '../helpers/context';
import { ms, ratio, report, sample } from './harness';

/**
 * Signed packages. Export: a commune with 200 questionnaires and 10 MB of evidence, end to end
 * (gather through the sources seam, sign, write + fsync + rename, read back and verify, record),
 * against writing the same bytes with one writeFileSync-like write + fsync. Verify: typical
 * packages (items + 200 forms, no evidence) per second on one core, against the floor of
 * JSON.parse + one Ed25519 verify of the same files.
 */
export async function packageBench(): Promise<void> {
  const signer = testKey('commune');
  const store = freshStore();
  try {
    setUpCommune(store.ctx);
    const out = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
    const big = fixtureSources({ forms: 200, evidence: [evidenceFile('ev-big', 'Hồ sơ minh chứng.pdf', 'application/pdf', evidenceBytes(10 * 1024 * 1024, 'bench'))] });
    let lastPath = '';
    const exp = await sample(() => {
      lastPath = exportReport(store.ctx, { folder: out, signer, sources: big, appVersion: '0.1.0' }).path;
    }, 10, 2);
    const bytes = readFileSync(lastPath);
    const floor = await sample(() => {
      const fd = openSync(join(out, 'baseline.json'), 'w');
      writeSync(fd, bytes);
      fsyncSync(fd);
      closeSync(fd);
    }, 10, 2);
    report({
      suite: 'package',
      name: `export, 200 forms + 10 MB evidence (${(bytes.length / 1024 / 1024).toFixed(1)} MB file, p50)`,
      figure: ms(exp.p50),
      target: '< 1000 ms',
      baseline: `write + fsync of the same bytes ${ms(floor.p50)}`,
      ratio: ratio(exp.p50, floor.p50),
    });
    rmSync(out, { recursive: true, force: true });

    // Typical packages: 20 distinct files (items + 200 forms, no evidence).
    const typical = fixtureSources({ forms: 200, evidence: [] });
    const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
    const files: Buffer[] = [];
    for (let i = 0; i < 20; i++) files.push(readFileSync(exportReport(store.ctx, { folder: dir, signer, sources: typical, appVersion: '0.1.0' }).path));
    rmSync(dir, { recursive: true, force: true });
    const pre = files.map((b) => {
      const env = JSON.parse(b.toString('utf8')) as { payload: unknown; signatures: { sig: string }[] };
      return { text: b.toString('utf8'), signed: verificationBytes('commune-report', env.payload), sig: fromBase64Url(env.signatures[0]!.sig)! };
    });
    const N = 1000;
    let k = 0;
    const full = await sample(() => {
      for (let i = 0; i < N; i++) {
        const r = verifyPackageBytes(files[k++ % files.length]!, { kind: 'self' });
        if (!r.ok) throw new Error(`bench package refused: ${r.code}`);
      }
    }, 3, 1);
    const bare = await sample(() => {
      for (let i = 0; i < N; i++) {
        const p = pre[k++ % pre.length]!;
        JSON.parse(p.text);
        if (!verify(signer.publicKey, p.signed, p.sig)) throw new Error('floor verify failed');
      }
    }, 3, 1);
    const perSec = (s: { p50: number }) => Math.round((N * 1000) / s.p50);
    report({
      suite: 'package',
      name: `verify typical packages (${(files[0]!.length / 1024).toFixed(0)} KB: items + 200 forms), one core`,
      figure: `${perSec(full)} packages/s`,
      target: '≥ 1000 packages/s',
      baseline: `JSON.parse + one Ed25519 verify ${perSec(bare)} /s`,
      ratio: ratio(full.p50, bare.p50),
    });

    // The same packages as files written before the payload was stored in canonical form
    // (indented): they take the rebuild path. Floor over these larger files.
    const indented = files.map((b) => Buffer.from(JSON.stringify(JSON.parse(b.toString('utf8')), null, 2) + '\n'));
    const oldFull = await sample(() => {
      for (let i = 0; i < N; i++) {
        const r = verifyPackageBytes(indented[k++ % indented.length]!, { kind: 'self' });
        if (!r.ok) throw new Error(`bench package refused: ${r.code}`);
      }
    }, 3, 1);
    const oldText = indented.map((b) => b.toString('utf8'));
    const oldBare = await sample(() => {
      for (let i = 0; i < N; i++) {
        const j = k++ % pre.length;
        JSON.parse(oldText[j]!);
        if (!verify(signer.publicKey, pre[j]!.signed, pre[j]!.sig)) throw new Error('floor verify failed');
      }
    }, 3, 1);
    report({
      suite: 'package',
      name: `verify the same packages in the older indented layout (${(indented[0]!.length / 1024).toFixed(0)} KB), one core`,
      figure: `${perSec(oldFull)} packages/s`,
      baseline: `JSON.parse + one Ed25519 verify ${perSec(oldBare)} /s`,
      ratio: ratio(oldFull.p50, oldBare.p50),
    });
  } finally {
    store.cleanup();
  }
}
