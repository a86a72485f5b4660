import { join } from 'node:path';
import type { ExportView, PackageStatus } from '../../../shared/ipc/export';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import { writeEmailDraft } from './email';
import type { ExportRecord } from './export';
import { EMAIL_SIZE_LIMIT, exportReport, listExports } from './export';
import { liveReportSources } from './report-sources-live';

export const exportView = (e: ExportRecord): ExportView => ({
  packageId: e.packageId, revision: e.revision, sha256: e.sha256, size: e.size, fileName: e.fileName, folder: e.folder,
  path: join(e.folder, e.fileName), createdAt: e.createdAt, tooLargeForEmail: e.size > EMAIL_SIZE_LIMIT,
});

export const packageStatus = useCase('package.status', { roles: ANY_ROLE }, (app): PackageStatus => ({
  exports: listExports(app.ctx).map(exportView),
  emailLimit: EMAIL_SIZE_LIMIT,
}));

/**
 * The signed report of what the commune entered, to the folder chosen (a USB stick, say). The key
 * is unlocked first: a wrong passphrase is refused before the folder is asked for.
 */
export const exportPackage = useCase('package.export', { roles: ['commune'] }, async (app, input: { keyPassphrase?: string | undefined; folder: Destination }) => {
  const signer = await unlockKey(app.keys, input.keyPassphrase);
  const folder = await input.folder();
  if (folder === null) return null;
  return exportView(exportReport(app.ctx, { folder, signer, sources: liveReportSources(app.dataDir), appVersion: app.appVersion }));
});

/** An e-mail draft carrying an exported package, beside it. */
export const emailDraft = useCase('package.email', { roles: ['commune'] }, (app, input: { packageId: string }) => ({
  emlPath: writeEmailDraft(app.ctx, input.packageId),
}));
