/**
 * The evidence files (dataDir/evidence/<sha256>) against their names, in the background: each file
 * read in chunks with a pause between files, so start-up and the window never wait for it. The
 * result is kept per app for the backup and recovery screen.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { EvidenceCheck } from '../../../shared/ipc/backup';
import type { AppContext } from '../../kernel/use-case';
import { blobPath } from '../evidence/blob-store';
import { evidenceBlobs } from './backup-repo';

const results = new WeakMap<AppContext, EvidenceCheck>();

export const NOT_RUN: EvidenceCheck = { state: 'not-run', checkedAt: null, files: 0, missing: [], damaged: [] };

export function lastEvidenceCheck(app: AppContext): EvidenceCheck {
  return results.get(app) ?? NOT_RUN;
}

function hashFile(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', () => resolve(null));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/** Check every evidence file the database names; `cancelled` stops between files. */
export async function checkEvidence(app: AppContext, cancelled: () => boolean = () => false): Promise<EvidenceCheck> {
  const blobs = evidenceBlobs(app.ctx.db);
  results.set(app, { ...NOT_RUN, state: 'running', files: blobs.length });
  const missing: string[] = [];
  const damaged: string[] = [];
  for (const b of blobs) {
    if (cancelled()) break;
    const actual = await hashFile(blobPath(app.dataDir, b.sha256));
    if (actual === null) missing.push(b.sha256);
    else if (actual !== b.sha256) damaged.push(b.sha256);
    await new Promise((r) => setImmediate(r));
  }
  const done: EvidenceCheck = { state: 'done', checkedAt: app.ctx.clock.now().toISOString(), files: blobs.length, missing, damaged };
  results.set(app, done);
  return done;
}
