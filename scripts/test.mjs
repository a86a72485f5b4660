#!/usr/bin/env node
// `npm test`: type check, layer lint, production build, then unit + integration tests
// (Node, real SQLite) and end-to-end tests (production renderer in Debian's Chromium, PDFs
// checked with poppler-utils).
// Ends with one plain line `N passed, N failed` (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
};

let passed = 0;
let failed = 0;
const check = (label, ok) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.log(`✗ ${label} failed`);
  }
};

check('typecheck', run('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
check('lint', run('lint (layers and style)', bin('eslint'), ['.']));
const built = run('build (electron-vite)', bin('electron-vite'), ['build']);
check('build', built);

// The end-to-end tests drive Debian's Chromium and check printed PDFs with poppler's tools. Without
// them every e2e test would fail on its own; say once what to install, and count it as a failure.
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [existsSync(chromium) ? null : `Chromium (${chromium})`, onPath('pdftoppm') && onPath('pdftotext') ? null : 'pdftoppm/pdftotext'].filter(Boolean);
if (missing.length > 0) {
  failed += 1;
  console.log(`✗ e2e not run: ${missing.join(' and ')} not found. Install: apt-get install -y chromium poppler-utils (or set CHROMIUM_PATH)`);
}

mkdirSync(join(root, 'test-output'), { recursive: true });
const report = join(root, 'test-output', 'vitest.json');
rmSync(report, { force: true });
const projects = built && missing.length === 0 ? ['--project', 'unit', '--project', 'e2e'] : ['--project', 'unit'];
run('vitest', bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that failed to load has no tests but is a failure all the same.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed += 1;
  console.log('✗ vitest produced no report');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
