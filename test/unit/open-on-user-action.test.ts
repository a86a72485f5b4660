/**
 * Nothing from a package is ever executed or opened without the user asking: the only code that
 * hands a file to the system is the openPath port (electron/main/dialogs.ts, which refuses
 * programs and scripts: main-wiring.test.ts), called only from channel handlers (a click in the
 * app) of the features that write a document for the user or open the user's own evidence. The
 * reviewing side (import, verify, status) never calls it, and nothing spawns a process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const files = sources('electron').map((p) => ({ path: relative('.', p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));

describe('files are opened only on the user asking', () => {
  it('openPath is called only from channel handlers, and shell only behind the port', () => {
    const callers = files.filter((f) => /\.openPath\(/u.test(f.text)).map((f) => f.path).sort();
    expect(callers).toEqual([
      'electron/features/appraisal/handlers.ts',
      'electron/features/enrolment/handlers.ts',
      'electron/features/evidence/handlers.ts',
      'electron/features/export/handlers.ts',
      'electron/features/keys/handlers.ts',
      'electron/main/dialogs.ts',
    ]);
    expect(files.filter((f) => /\bshell\.\w+\(/u.test(f.text)).map((f) => f.path)).toEqual(['electron/main/dialogs.ts']);
    expect(files.filter((f) => /openExternal|shell\.openItem|shell\.showItemInFolder/u.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('the reviewing side (import, verify) never opens or runs anything', () => {
    const reviewing = files.filter((f) => /^electron\/features\/(import|verify)\//u.test(f.path));
    expect(reviewing.length).toBeGreaterThan(3);
    for (const f of reviewing) expect(f.text, f.path).not.toMatch(/openPath|\bshell\b|child_process/u);
  });

  it('nothing spawns a process or evaluates code', () => {
    for (const f of files) {
      expect(f.text, f.path).not.toMatch(/from 'node:child_process'|require\('child_process'\)|\bnew Function\(|\beval\(|node:vm'/u);
    }
  });
});
