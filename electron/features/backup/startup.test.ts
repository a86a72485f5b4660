import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { communeWithData } from '../../../test/helpers/backup';
import { evidenceDir } from '../evidence/blob-store';
import { listBackups } from './backups';
import { checkEvidence, lastEvidenceCheck } from './evidence-check';
import { startupChores } from './startup';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('start-up chores (background)', () => {
  it('make the daily backup when due and check every evidence file against its SHA-256', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    expect(lastEvidenceCheck(t.app).state).toBe('not-run');
    await startupChores(t.app).done;
    expect(listBackups(t.app).map((b) => b.manifest.kind)).toEqual(['daily']);
    expect(lastEvidenceCheck(t.app)).toMatchObject({ state: 'done', files: 2, missing: [], damaged: [] });
    // A second start the same day: no new copy.
    await startupChores(t.app).done;
    expect(listBackups(t.app)).toHaveLength(1);
  });

  it('report an evidence file missing or altered on disk', async () => {
    const t = await communeWithData();
    cleanups.push(t.cleanup);
    const [a, b] = readdirSync(evidenceDir(t.dir)).sort();
    rmSync(join(evidenceDir(t.dir), a!));
    writeFileSync(join(evidenceDir(t.dir), b!), 'altered');
    const r = await checkEvidence(t.app);
    expect(r).toMatchObject({ state: 'done', files: 2, missing: [a], damaged: [b] });
  });
});
