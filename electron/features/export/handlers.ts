import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ApprovalChoice, EnrolmentStatus, ExportView, KeyInfoView, KeysStatus, RotationApprovalChoice, RotationWritten } from '../../../shared/ipc/package.contract';
import type { PackageChannel } from '../../../shared/ipc/package.channels';
import type { KeyStatus } from '../../kernel/signing/key-store';
import { buildEml } from './eml';
import { enrolmentFormHtml, rotationFormHtml } from '../enrolment/form';
import { acceptEnrolmentApproval, checkEnrolmentApproval, enrolmentFileNames, enrolmentState, prepareEnrolmentRequest, recordEnrolmentRequest } from '../enrolment/enrolment';
import { EMAIL_SIZE_LIMIT, exportReport, listExports, requireCommune, type ExportRecord } from './export';
import { backupKey, createKey, keyOverview, previewBackup, restoreKey, unlockKey } from '../keys/keys';
import { writeFileSafely } from '../../kernel/files/package-file';
import { getIdentity, requireIdentity } from '../setup/identity';
import { acceptRotationApproval, assertCanRotate, checkRotationApproval, pendingKeyRotation, rotationFileNames, startKeyRotation, type KeyRotationRecord } from '../enrolment/rotation-service';
import { readUserFile, type UserFileKind } from '../../kernel/files/user-file';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

const view = (k: KeyStatus): KeyInfoView => ({ keyId: k.keyId, fingerprint: k.fingerprint, protection: k.protection, createdAt: k.createdAt });

const exportView = (e: ExportRecord): ExportView => ({
  packageId: e.packageId, revision: e.revision, sha256: e.sha256, size: e.size, fileName: e.fileName, folder: e.folder,
  path: join(e.folder, e.fileName), createdAt: e.createdAt, tooLargeForEmail: e.size > EMAIL_SIZE_LIMIT,
});

/** A file chosen in a dialog (or one we wrote to a folder the person chose), through the bounded reader. */
function readChosen(path: string, kind: UserFileKind): Buffer {
  return readUserFile(path, { kind });
}

/**
 * Keys (with rotation), enrolment and the export. Paths never come from the renderer: files are chosen in main's
 * dialogs, and a chosen file waits here behind a token until the user confirms (after seeing the
 * fingerprint it holds).
 */
export function createPackageHandlers(rt: Runtime): Pick<Handlers, PackageChannel> {
  const backups = new Map<string, string>();
  const approvals = new Map<string, Buffer>();
  const rotationApprovals = new Map<string, Buffer>();
  const { ctx, keys } = rt;
  const signer = (passphrase: string | undefined) => unlockKey(keys, passphrase);

  function keysStatus(): KeysStatus {
    const o = keyOverview(ctx, keys);
    const pending = getIdentity(ctx)?.role === 'commune' ? pendingKeyRotation(ctx) : null;
    return {
      key: o.key ? view(o.key) : null,
      osStorageAvailable: o.osStorageAvailable,
      enrolledKeyId: o.enrolledKeyId,
      pendingRotation: pending
        ? { oldKeyId: pending.oldKeyId, newKeyId: pending.newKeyId, newFingerprint: pending.newFingerprint, effectiveFrom: pending.effectiveFrom, createdAt: pending.createdAt }
        : null,
    };
  }

  /** The printed rotation form of a statement, written beside it (read back: a PDF). */
  async function writeRotationForm(folder: string, record: KeyRotationRecord): Promise<string> {
    const identity = requireCommune(ctx);
    let pdf: Uint8Array;
    try {
      pdf = await rt.pdf.fromHtml(
        await rotationFormHtml({
          rotation: record.rotation,
          statementSha256: record.statementSha256,
          newFingerprint: record.newFingerprint,
          unit: { name: identity.unitName, code: identity.unitCode, provinceCode: identity.provinceCode },
          officer: { name: identity.officerName ?? '', title: identity.officerTitle ?? '' },
          reviewerCode: identity.reviewerCode ?? identity.provinceCode,
        }),
      );
    } catch (err) {
      throw new AppError('PDF_FAILED', String(err));
    }
    return writeFileSafely(folder, rotationFileNames(record).pdf, pdf, (back) => {
      if (back.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('EXPORT_VERIFY_FAILED', 'pdf read-back');
    }).path;
  }

  function enrolmentStatus(): EnrolmentStatus {
    const s = enrolmentState(ctx, keys.status()?.keyId ?? null);
    return {
      request: s.request ? { requestId: s.request.requestId, keyId: s.request.keyId, createdAt: s.request.createdAt, officerName: s.request.request.officer.name, officerTitle: s.request.request.officer.title } : null,
      pinned: s.pinned ? { unitCode: s.pinned.unitCode, unitName: s.pinned.unitName, keyId: s.pinned.keyId, fingerprint: s.pinned.fingerprint, approvedAt: s.pinned.approvedAt, pinnedAt: s.pinned.pinnedAt } : null,
    };
  }

  return {
    'keys:status': () => keysStatus(),
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
    'keys:rotate': async ({ keyPassphrase, newPassphrase }): Promise<RotationWritten | null> => {
      assertCanRotate(ctx, keys);
      if (!keys.osStorageAvailable() && !newPassphrase) throw new AppError('PASSPHRASE_REQUIRED', 'no OS storage: a passphrase is needed');
      await signer(keyPassphrase); // a wrong passphrase is said before any dialog
      const folder = await rt.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
      if (folder === null) return null;
      const r = await startKeyRotation(ctx, keys, { oldPassphrase: keyPassphrase, newPassphrase }, async ({ text, record }) => {
        const statement = writeFileSafely(folder, rotationFileNames(record).json, Buffer.from(text, 'utf8'), () => undefined);
        try {
          // Both files or neither: a statement without its printed form cannot be approved.
          return { statementPath: statement.path, formPath: await writeRotationForm(folder, record) };
        } catch (err) {
          rmSync(statement.path, { force: true });
          throw err;
        }
      });
      await rt.dialogs.openPath(r.written.formPath);
      return { ...r.written, newKeyId: r.record.newKeyId, newFingerprint: r.record.newFingerprint, effectiveFrom: r.record.effectiveFrom };
    },
    'keys:rotationForm': async () => {
      const pending = pendingKeyRotation(ctx);
      if (!pending) throw new AppError('ROTATION_NOT_FOUND', 'no pending rotation');
      const folder = await rt.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
      if (folder === null) return null;
      const formPath = await writeRotationForm(folder, pending);
      await rt.dialogs.openPath(formPath);
      return { formPath };
    },
    'keys:chooseRotationApproval': async (): Promise<RotationApprovalChoice | null> => {
      const path = await rt.dialogs.openFile({ titleKey: 'dialogs.chooseApproval', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const bytes = readChosen(path, 'package');
      const c = checkRotationApproval(ctx, keys, bytes);
      const token = randomUUID();
      rotationApprovals.clear();
      rotationApprovals.set(token, bytes);
      return { token, unitCode: c.unitCode, unitName: c.unitName, approvedAt: c.approvedAt, newKeyId: c.record.newKeyId, newFingerprint: c.record.newFingerprint, effectiveFrom: c.record.effectiveFrom };
    },
    'keys:acceptRotation': ({ token }) => {
      const bytes = rotationApprovals.get(token);
      if (!bytes) throw new AppError('FILE_NOT_FOUND', 'approval token expired');
      acceptRotationApproval(ctx, keys, bytes);
      rotationApprovals.delete(token);
      return keysStatus();
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
      const bytes = readChosen(path, 'enrolment');
      const { pin, previous } = checkEnrolmentApproval(ctx, bytes);
      const token = randomUUID();
      approvals.clear();
      approvals.set(token, bytes);
      return { token, unitCode: pin.unitCode, unitName: pin.unitName, fingerprint: pin.fingerprint, approvedAt: pin.approvedAt, alreadyPinned: previous !== null };
    },
    'enrolment:accept': ({ token, fingerprint }) => {
      const bytes = approvals.get(token);
      if (!bytes) throw new AppError('FILE_NOT_FOUND', 'approval token expired');
      acceptEnrolmentApproval(ctx, bytes, { fingerprint });
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
      const bytes = readChosen(join(e.folder, e.fileName), 'package');
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
