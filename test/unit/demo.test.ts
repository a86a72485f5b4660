import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run demo', () => {
  it('runs the whole flow headless and ends with two verified revisions and a refused forgery', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/demo.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/Demo dừng/u);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"code": "SIGNATURE_INVALID"');
    expect(r.stdout).toMatch(/HỢP LỆ .*r2\.json .*lần 2/u);
    expect(existsSync(join(root, 'test-output/demo/usb/CCHC-2026-26734-r2.json'))).toBe(true);
  }, 150_000);
});
