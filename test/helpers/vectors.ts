import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared test vectors (`shared/vectors/` beside the repository, see README). Found by walking
 * up from the repository, so a checkout in a nested folder (a git worktree) finds them too;
 * CHISO_VECTORS_DIR overrides.
 */
export function vectorsPath(relative: string): string {
  const override = process.env['CHISO_VECTORS_DIR'];
  if (override) return join(override, relative);
  let dir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  for (;;) {
    const candidate = join(dir, '..', 'shared', 'vectors', relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`shared/vectors/${relative} not found above the repository (set CHISO_VECTORS_DIR)`);
    dir = parent;
  }
}
