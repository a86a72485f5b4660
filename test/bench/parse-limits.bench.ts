/**
 * Hostile and huge package files, each verified in its own child process (verify-child.ts) so
 * that its peak memory (maxRSS) is its own: deep nesting, 150 MB of zeros, of empty objects, of
 * long strings, genuine packages of ~150 and ~240 MB, and a FIFO and device symlinks through the
 * bounded reader. Each must end in a refusal code (or VALID) within a few seconds and under 1 GB.
 * Baselines from the same run: a child that only loads the modules, and JSON.parse of a genuine
 * package of the same size.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportReport } from '../../electron/features/export/export';
import { evidenceBytes, evidenceFile, fixtureSources, setUpCommune } from '../fixtures/commune-report';
import { testKey } from '../fixtures/test-keys';
import { freshStore } from '../helpers/context';
import { goldenText } from '../helpers/packages';
import { makeFifo } from '../helpers/special-files';
import { report } from './harness';

const CHILD = fileURLToPath(new URL('./verify-child.ts', import.meta.url));
const MB = 1024 * 1024;

interface ChildResult {
  code: string;
  ms: number;
  rssMb: number;
}

function child(mode: 'verify' | 'json-parse' | 'idle', file: string): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode, file], { encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) return { code: r.error ? `TIMEOUT/ERROR ${r.error.message}` : `EXIT ${r.status ?? r.signal}`, ms: Number.NaN, rssMb: Number.NaN };
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { code: string; ms: number; maxRssKb: number };
  return { code: out.code, ms: out.ms, rssMb: out.maxRssKb / 1024 };
}

/** The golden report with `"z": <body>` added first in its payload, the body streamed to disk. */
function hostile(path: string, body: (write: (s: string) => void) => void): string {
  const golden = goldenText('commune-report');
  const cut = golden.indexOf('"payload": {') + '"payload": {'.length;
  const fd = openSync(path, 'w');
  let pending = '';
  const write = (s: string): void => {
    pending += s;
    if (pending.length >= MB) {
      writeSync(fd, pending);
      pending = '';
    }
  };
  write(golden.slice(0, cut) + '"z":');
  body(write);
  write(',' + golden.slice(cut));
  writeSync(fd, pending);
  closeSync(fd);
  return path;
}

const repeat = (n: number, piece: string, first: string, open: string, close: string) => (write: (s: string) => void) => {
  write(open + first);
  const chunk = piece.repeat(Math.max(1, Math.floor(MB / piece.length)));
  const perChunk = chunk.length / piece.length;
  let left = n - 1;
  for (; left >= perChunk; left -= perChunk) write(chunk);
  write(piece.repeat(left) + close);
};

function genuine(parent: string, evidenceMb: number[]): string {
  // Each in its own folder: both are revision 1 of the same commune, so they share a file name.
  const folder = join(parent, `genuine-${evidenceMb.join('-')}`);
  mkdirSync(folder);
  const store = freshStore();
  try {
    setUpCommune(store.ctx);
    const files = evidenceMb.map((mb, i) => evidenceFile(`ev-${i}`, `Tài liệu ${i}.pdf`, 'application/pdf', evidenceBytes(mb * MB, `bench ${i}`)));
    return exportReport(store.ctx, { folder, signer: testKey('commune'), sources: fixtureSources({ forms: 200, evidence: files }), appVersion: '0.1.0' }).path;
  } finally {
    store.cleanup();
  }
}

const fmt = (r: ChildResult): string => `${r.code} in ${r.ms.toFixed(0)} ms, peak ${r.rssMb.toFixed(0)} MB`;

export async function parseLimitsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-limits-'));
  try {
    const size = (p: string): string => `${(statSync(p).size / MB).toFixed(0)} MB`;
    const g150 = genuine(dir, [50, 50, 10]);
    const g240 = genuine(dir, [50, 50, 50, 25]);
    const idle = child('idle', g150);
    const parse150 = child('json-parse', g150);
    const parse240 = child('json-parse', g240);
    const levels = 1_000_000;
    const cases: { name: string; file: string; baseline: ChildResult; baselineName: string }[] = [
      { name: `deep nesting, ${levels.toLocaleString('en')} levels`, file: hostile(join(dir, 'deep.json'), (w) => w('['.repeat(levels) + ']'.repeat(levels))), baseline: idle, baselineName: 'modules only' },
      { name: '150 MB of zeros', file: hostile(join(dir, 'zeros.json'), repeat(75 * 1024 * 1024, ',0', '0', '[', ']')), baseline: parse150, baselineName: 'JSON.parse of a genuine 150 MB package' },
      { name: '150 MB of empty objects', file: hostile(join(dir, 'objects.json'), repeat(50 * 1024 * 1024, ',{}', '{}', '[', ']')), baseline: parse150, baselineName: 'JSON.parse of a genuine 150 MB package' },
      { name: 'one 150 MB string', file: hostile(join(dir, 'string.json'), repeat(150 * MB, 'A', 'A', '"', '"')), baseline: parse150, baselineName: 'JSON.parse of a genuine 150 MB package' },
      { name: '150 MB of 1 MB strings (within every limit)', file: hostile(join(dir, 'strings.json'), repeat(150, `,"${'B'.repeat(MB)}"`, `"${'B'.repeat(MB)}"`, '[', ']')), baseline: parse150, baselineName: 'JSON.parse of a genuine 150 MB package' },
      { name: '2 × 70 MB strings (within every limit)', file: hostile(join(dir, 'two-strings.json'), repeat(2, `,"${'C'.repeat(70 * MB)}"`, `"${'C'.repeat(70 * MB)}"`, '[', ']')), baseline: parse150, baselineName: 'JSON.parse of a genuine 150 MB package' },
      { name: `genuine package, 200 forms + 110 MB evidence (${size(g150)})`, file: g150, baseline: parse150, baselineName: 'JSON.parse of the same file' },
      { name: `genuine package, 200 forms + 175 MB evidence (${size(g240)})`, file: g240, baseline: parse240, baselineName: 'JSON.parse of the same file' },
    ];
    if (process.platform !== 'win32') {
      const zero = join(dir, 'zero.json');
      symlinkSync('/dev/zero', zero);
      const random = join(dir, 'urandom.json');
      symlinkSync('/dev/urandom', random);
      cases.push(
        { name: 'a FIFO with no writer', file: makeFifo(join(dir, 'fifo.json')), baseline: idle, baselineName: 'modules only' },
        { name: 'a symlink to /dev/zero', file: zero, baseline: idle, baselineName: 'modules only' },
        { name: 'a symlink to /dev/urandom', file: random, baseline: idle, baselineName: 'modules only' },
      );
    }
    for (const c of cases) {
      const r = child('verify', c.file);
      report({
        suite: 'parse-limits',
        name: c.name,
        figure: fmt(r),
        target: '< 5000 ms, < 1024 MB',
        baseline: `${c.baselineName}: ${fmt(c.baseline)}`,
        ratio: `${(r.rssMb / c.baseline.rssMb).toFixed(1)}× memory`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
