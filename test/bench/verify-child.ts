/**
 * One measured verification in a fresh process, so its peak memory is its own (parse-limits
 * bench). argv: mode file. Modes: `verify` (the bounded reader, then verifyPackageBytes as `chiso
 * verify` runs it), `json-parse` (the baseline: read the whole file, JSON.parse it), `idle` (only
 * the modules loaded). Prints one JSON line: {code, ms, maxRssKb}.
 *
 * Peak memory is the process's VmHWM on Linux: getrusage's maxRSS also counts the parent's
 * memory at the fork (the kernel carries it across exec), which would hide the child's own peak.
 */
import { readFileSync } from 'node:fs';
import { readUserFile } from '../../electron/kernel/files/user-file';
import { verifyPackageBytes } from '../../electron/features/verify/verify';
import { peakKb } from './peak-memory';

const [mode, file] = process.argv.slice(2);
const t0 = performance.now();
let code: string | null = null;
try {
  if (mode === 'verify') {
    const v = verifyPackageBytes(readUserFile(file!, { kind: 'package' }), { kind: 'self' });
    code = v.ok ? 'VALID' : v.code;
  } else if (mode === 'json-parse') {
    JSON.parse(readFileSync(file!, 'utf8'));
    code = 'PARSED';
  } else code = 'IDLE';
} catch (e) {
  code = (e as { code?: string }).code ?? `THREW ${String(e).slice(0, 80)}`;
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ code, ms, maxRssKb: peakKb() })}\n`);
