import { join } from 'node:path';
import type { ExportView, PackageStatus } from '../../../shared/ipc/export';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import { writeEmailDraft } from './email';
import type { ExportRecord } from './export';
import { EMAIL_SIZE_LIMIT, exportReport, listExports } from './export';
import { exportCheck, requireExportable } from './precheck';
import { liveReportSources } from './report-sources-live';

export const exportView = (e: Omit<ExportRecord, 'items'>): ExportView => ({
  packageId: e.packageId, revision: e.revision, sha256: e.sha256, size: e.size, fileName: e.fileName, folder: e.folder,
  path: join(e.folder, e.fileName), createdAt: e.createdAt, tooLargeForEmail: e.size > EMAIL_SIZE_LIMIT,
});

export const packageStatus = useCase('package.status', { roles: ANY_ROLE }, (app): PackageStatus => ({
  exports: listExports(app.ctx).map(exportView),
  emailLimit: EMAIL_SIZE_LIMIT,
}));

/** What stops an export, and what needs a reason to override (the same check Home shows). */
export const packageCheck = useCase('package.check', { roles: ['commune'] }, (app) => exportCheck(app.ctx, app.keys.status() !== null));

/**
 * The signed report of what the commune entered, to the folder chosen (a USB stick, say). The
 * pre-export check comes first (EXPORT_BLOCKED, EXPORT_REASON_REQUIRED), then the key is unlocked:
 * a wrong passphrase is refused before the folder is asked for. The check runs again inside the
 * write, so what is signed is what was checked.
 */
export const exportPackage = useCase(
  'package.export',
  { roles: ['commune'] },
  async (app, input: { keyPassphrase?: string | undefined; overrideReason?: string | undefined; folder: Destination }) => {
    const hasKey = () => app.keys.status() !== null;
    requireExportable(exportCheck(app.ctx, hasKey()), input.overrideReason);
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder();
    if (folder === null) return null;
    const completeness = requireExportable(exportCheck(app.ctx, hasKey()), input.overrideReason);
    return exportView(exportReport(app.ctx, { folder, signer, sources: liveReportSources(app.dataDir), appVersion: app.appVersion, completeness }));
  },
);

/** An e-mail draft carrying an exported package, beside it. */
export const emailDraft = useCase('package.email', { roles: ['commune'] }, (app, input: { packageId: string }) => ({
  emlPath: writeEmailDraft(app.ctx, input.packageId),
}));
