/**
 * The layer rules of eslint.config.js, shown to bite: a small file placed (virtually) in each
 * layer imports what its layer must not, and ESLint's Node API reports it; the allowed imports
 * of the same layer pass.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
// The first lint loads the whole config and its plugins: seconds on a loaded machine, so it is
// done here, with room, rather than inside the first test's five seconds.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: 'electron/kernel/warm-up.ts' });
}, 120_000);

/** The import rules a file at `filePath` (it need not exist) breaks with `imports`. */
async function broken(filePath: string, imports: string[]): Promise<string[]> {
  const code = `${imports.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n')}\nexport const all = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries inside electron/', () => {
  it('the kernel imports no feature and not the composition root', async () => {
    const file = 'electron/kernel/ipc/virtual-check.ts';
    expect(await broken(file, ['../../features/setup/identity'])).toEqual([expect.stringMatching(/kernel imports no feature/u)]);
    expect(await broken(file, ['../../app/runtime'])).toEqual([expect.stringMatching(/composition root/u)]);
    expect(await broken(file, ['../db/open', '../policy', '../../../shared/errors'])).toEqual([]);
  });

  it('a feature uses the kernel and other features, never the composition root or the router', async () => {
    const file = 'electron/features/survey/virtual-check.ts';
    expect(await broken(file, ['../../app/runtime'])).toEqual([expect.stringMatching(/composition root/u)]);
    expect(await broken(file, ['../../app/cli/chiso'])).toEqual([expect.stringMatching(/composition root/u)]);
    expect(await broken(file, ['../../kernel/ipc/router'])).toEqual([expect.stringMatching(/Only the composition root uses the router/u)]);
    expect(await broken(file, ['electron'])).toHaveLength(1);
    expect(await broken(file, ['../../kernel/ipc/handler', '../../kernel/use-case', '../assessment/entries-repo', '../../../shared/ipc/survey'])).toEqual([]);
  });

  it('main/ reaches the app only through app/; the preload only shared/ipc', async () => {
    expect(await broken('electron/main/virtual-check.ts', ['../kernel/db/open'])).toEqual([expect.stringMatching(/only through electron\/app/u)]);
    expect(await broken('electron/main/virtual-check.ts', ['../features/setup/settings'])).toEqual([expect.stringMatching(/only through electron\/app/u)]);
    expect(await broken('electron/main/virtual-check.ts', ['../app/runtime', '../app/ports', 'electron'])).toEqual([]);
    expect(await broken('electron/preload/virtual-check.ts', ['../app/runtime'])).toEqual([expect.stringMatching(/sandboxed preload/u)]);
    expect(await broken('electron/preload/virtual-check.ts', ['../../shared/ipc/contract', 'electron'])).toEqual([]);
  });

  it('the composition root runs without Electron', async () => {
    expect(await broken('electron/app/virtual-check.ts', ['../main/pdf'])).toEqual([expect.stringMatching(/runs without Electron/u)]);
    expect(await broken('electron/app/virtual-check.ts', ['electron'])).toHaveLength(1);
  });

  it('SQL stays in a feature\'s repositories (*-repo.ts)', async () => {
    const code = "import type { Database } from 'better-sqlite3';\nexport const count = (db: Database) => db.prepare('SELECT count(*) FROM survey_forms').get();\n";
    const sql = async (filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    expect(await sql('electron/features/survey/virtual-check.ts')).toEqual([expect.stringMatching(/SQL lives in the feature's \*-repo\.ts/u)]);
    expect(await sql('electron/features/survey/virtual-check-repo.ts')).toEqual([]);
    // No feature module is exempt, the enrolment sides and the key files included.
    for (const file of ['electron/features/enrolment/commune-enrolment.ts', 'electron/features/enrolment/reviewer-enrolment.ts', 'electron/features/keys/keys.ts']) {
      expect(await sql(file)).toEqual([expect.stringMatching(/SQL lives in the feature's \*-repo\.ts/u)]);
    }
  });
});
