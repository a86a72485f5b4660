/**
 * A REAL kill: a child process exports a large package and is SIGKILLed while the temporary file
 * is being written. No file may carry the final name, the revision must not move, and the next
 * export removes the stray temporary file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exportReport, lastExport } from '../../../electron/features/export/export';
import { freshStore, type TestStore } from '../../helpers/context';
import { goldenSources, setUpCommune } from '../../fixtures/commune-report';
import { testKey } from '../../fixtures/test-keys';

const child = fileURLToPath(new URL('../../fixtures/export-child.ts', import.meta.url));
let s: TestStore;
beforeEach(() => {
  s = freshStore();
  setUpCommune(s.ctx);
});
afterEach(() => s.cleanup());

it('a killed export leaves no file under the final name, and the next export cleans up', async () => {
  const out = join(s.dir, 'usb');
  mkdirSync(out);
  const proc = spawn(process.execPath, ['--import', 'tsx', child, s.file, out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const outcome = await new Promise<string>((resolve) => {
    proc.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('WRITING')) {
        const files = readdirSync(out);
        proc.kill('SIGKILL');
        resolve(files.join(','));
      }
    });
    proc.on('exit', (code, signal) => resolve(`exit ${code} ${signal} ${stderr}`));
  });
  await new Promise((r) => proc.once('close', r));
  expect(proc.signalCode).toBe('SIGKILL');
  expect(outcome).toMatch(/^\.CCHC-2026-26734-r1\.json\.[0-9a-f]{8}\.part$/u); // it was mid-write
  const left = readdirSync(out);
  expect(left.filter((n) => n === 'CCHC-2026-26734-r1.json')).toEqual([]);
  expect(left).toHaveLength(1); // the stray temporary file
  expect(lastExport(s.ctx)).toBeNull();

  const next = exportReport(s.ctx, { folder: out, signer: testKey('commune'), sources: goldenSources(), appVersion: '0.1.0' });
  expect(next.revision).toBe(1);
  expect(readdirSync(out)).toEqual(['CCHC-2026-26734-r1.json']);
}, 60_000);
