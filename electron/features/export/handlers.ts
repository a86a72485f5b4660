import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ApprovalChoice, EnrolmentChannel, EnrolmentStatus } from '../../../shared/ipc/enrolment';
import type { ExportChannel, ExportView } from '../../../shared/ipc/export';
import type { KeyInfoView, KeysChannel } from '../../../shared/ipc/keys';
import type { KeyStatus } from '../../kernel/signing/key-store';
import { buildEml } from './eml';
import { enrolmentFormHtml } from '../enrolment/form';
import { acceptEnrolmentApproval, checkEnrolmentApproval, enrolmentFileNames, enrolmentState, prepareEnrolmentRequest, recordEnrolmentRequest } from '../enrolment/enrolment';
import { EMAIL_SIZE_LIMIT, exportReport, listExports, requireCommune, type ExportRecord } from './export';
import { backupKey, createKey, keyOverview, previewBackup, restoreKey, unlockKey } from '../keys/keys';
import { writeFileSafely } from '../../kernel/files/package-file';
import { requireIdentity } from '../setup/identity';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

const view = (k: KeyStatus): KeyInfoView => ({ keyId: k.keyId, fingerprint: k.fingerprint, protection: k.protection, createdAt: k.createdAt });

const exportView = (e: ExportRecord): ExportView => ({
  packageId: e.packageId, revision: e.revision, sha256: e.sha256, size: e.size, fileName: e.fileName, folder: e.folder,
  path: join(e.folder, e.fileName), createdAt: e.createdAt, tooLargeForEmail: e.size > EMAIL_SIZE_LIMIT,
});

async function readChosen(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new AppError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err));
  }
}

/**
 * Keys, enrolment and the export. Paths never come from the renderer: files are chosen in main's
 * dialogs, and a chosen file waits here behind a token until the user confirms (after seeing the
 * fingerprint it holds).
 */
export function createPackageHandlers(rt: Runtime): Pick<Handlers, KeysChannel | EnrolmentChannel | ExportChannel> {
  const backups = new Map<string, string>();
  const approvals = new Map<string, Buffer>();
  const { ctx, keys } = rt;
  const signer = (passphrase: string | undefined) => unlockKey(keys, passphrase);

  function enrolmentStatus(): EnrolmentStatus {
    const s = enrolmentState(ctx, keys.status()?.keyId ?? null);
    return {
      request: s.request ? { requestId: s.request.requestId, keyId: s.request.keyId, createdAt: s.request.createdAt, officerName: s.request.request.officer.name, officerTitle: s.request.request.officer.title } : null,
      pinned: s.pinned ? { unitCode: s.pinned.unitCode, unitName: s.pinned.unitName, keyId: s.pinned.keyId, fingerprint: s.pinned.fingerprint, approvedAt: s.pinned.approvedAt, pinnedAt: s.pinned.pinnedAt } : null,
    };
  }

  return {
    'keys:status': () => {
      const o = keyOverview(ctx, keys);
      return { key: o.key ? view(o.key) : null, osStorageAvailable: o.osStorageAvailable, enrolledKeyId: o.enrolledKeyId };
    },
    'keys:create': async ({ passphrase }) => {
      if (!keys.osStorageAvailable() && !passphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
      return view(await createKey(ctx, keys, passphrase));
    },
    'keys:backup': async ({ keyPassphrase, backupPassphrase }) => {
      const folder = await rt.dialogs.chooseFolder({ titleKey: 'dialogs.chooseBackupFolder' });
      if (folder === null) return null;
      return backupKey(ctx, keys, { folder, keyPassphrase, backupPassphrase });
    },
    'keys:chooseBackup': async () => {
      const path = await rt.dialogs.openFile({ titleKey: 'dialogs.chooseKeyBackup', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const p = previewBackup(ctx, keys, path);
      const token = randomUUID();
      backups.clear();
      backups.set(token, path);
      return { token, ...p };
    },
    'keys:restore': async ({ token, backupPassphrase, newPassphrase, confirmDifferent }) => {
      const path = backups.get(token);
      if (!path) throw new AppError('FILE_NOT_FOUND', 'backup token expired');
      if (!keys.osStorageAvailable() && !newPassphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
      const k = await restoreKey(ctx, keys, { path, backupPassphrase, newPassphrase, confirmDifferent });
      backups.delete(token);
      return view(k);
    },
    'enrolment:status': () => enrolmentStatus(),
    'enrolment:request': async ({ keyPassphrase, officerName, officerTitle }) => {
      const identity = requireCommune(ctx);
      const key = await signer(keyPassphrase);
      const folder = await rt.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
      if (folder === null) return null;
      const { record, fingerprint } = prepareEnrolmentRequest(ctx, key, { appVersion: rt.appVersion, officerName, officerTitle });
      let pdf: Uint8Array;
      try {
        pdf = await rt.pdf.fromHtml(await enrolmentFormHtml(record.request, fingerprint, identity.reviewerCode ?? identity.provinceCode));
      } catch (err) {
        throw new AppError('PDF_FAILED', String(err));
      }
      const names = enrolmentFileNames(record);
      const requestFile = writeFileSafely(folder, names.json, Buffer.from(record.text, 'utf8'), () => undefined);
      let formFile: { path: string };
      try {
        formFile = writeFileSafely(folder, names.pdf, pdf, (back) => {
          if (back.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('EXPORT_VERIFY_FAILED', 'pdf read-back');
        });
      } catch (err) {
        // Both files or neither: a request without its printed form would only confuse.
        rmSync(requestFile.path, { force: true });
        throw err;
      }
      recordEnrolmentRequest(ctx, record);
      await rt.dialogs.openPath(formFile.path);
      return { requestPath: requestFile.path, formPath: formFile.path, fingerprint };
    },
    'enrolment:chooseApproval': async (): Promise<ApprovalChoice | null> => {
      const path = await rt.dialogs.openFile({ titleKey: 'dialogs.chooseApproval', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const bytes = await readChosen(path);
      const { pin, previous } = checkEnrolmentApproval(ctx, bytes);
      const token = randomUUID();
      approvals.clear();
      approvals.set(token, bytes);
      return { token, unitCode: pin.unitCode, unitName: pin.unitName, fingerprint: pin.fingerprint, approvedAt: pin.approvedAt, alreadyPinned: previous !== null };
    },
    'enrolment:accept': ({ token }) => {
      const bytes = approvals.get(token);
      if (!bytes) throw new AppError('FILE_NOT_FOUND', 'approval token expired');
      acceptEnrolmentApproval(ctx, bytes);
      approvals.delete(token);
      return enrolmentStatus();
    },
    'package:status': () => ({ exports: listExports(ctx).map(exportView), emailLimit: EMAIL_SIZE_LIMIT }),
    'package:export': async ({ keyPassphrase }) => {
      requireCommune(ctx);
      const key = await signer(keyPassphrase);
      const folder = await rt.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
      if (folder === null) return null;
      const r = exportReport(ctx, { folder, signer: key, sources: rt.reportSources, appVersion: rt.appVersion });
      return exportView(r);
    },
    'package:email': async ({ packageId }) => {
      const identity = requireIdentity(ctx);
      const e = listExports(ctx).find((x) => x.packageId === packageId);
      if (!e) throw new AppError('FILE_NOT_FOUND', 'no such export');
      const bytes = await readChosen(join(e.folder, e.fileName));
      const pinned = enrolmentState(ctx, null).pinned;
      const eml = buildEml({
        subject: `Hồ sơ Chỉ số CCHC năm ${e.year} — ${identity.unitName} (${identity.unitCode}), lần gửi ${e.revision}`,
        body: [
          `Kính gửi ${pinned?.unitName ?? 'đơn vị thẩm định'},`,
          '',
          `${identity.unitName} gửi hồ sơ tự đánh giá Chỉ số cải cách hành chính năm ${e.year} (lần gửi ${e.revision}).`,
          `Tệp đính kèm: ${e.fileName}`,
          `Mã SHA-256: ${e.sha256}`,
          '',
          'Tệp đã được ký số bằng khóa đã đăng ký của đơn vị; xin nhập tệp vào ứng dụng Chỉ số CCHC để kiểm tra chữ ký.',
          '',
          `${identity.officerName ?? ''}${identity.officerTitle ? ` — ${identity.officerTitle}` : ''}`,
        ].join('\n'),
        attachment: { name: e.fileName, mediaType: 'application/json', bytes },
        date: ctx.clock.now(),
      });
      const name = e.fileName.replace(/\.json$/u, '.eml');
      const w = writeFileSafely(e.folder, name, Buffer.from(eml, 'utf8'), () => undefined);
      await rt.dialogs.openPath(w.path);
      return { emlPath: w.path };
    },
  };
}
