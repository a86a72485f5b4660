/**
 * An e-mail draft (.eml) beside an exported package, with the package attached and a short
 * Vietnamese letter to the reviewing unit; the person's mail program opens it to send.
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/identity';
import type { ServiceContext } from '../../kernel/context';
import { writeFileSafely } from '../../kernel/files/package-file';
import { readUserFile } from '../../kernel/files/user-file';
import { enrolmentState } from '../enrolment/commune-enrolment';
import { requireIdentity } from '../setup/identity';
import { buildEml } from './eml';
import type { ExportRecord } from './exports-repo';
import { readExports } from './exports-repo';

/** The letter: to whom (the pinned reviewing unit, when there is one), what is attached, its hash. */
export function emailText(identity: Identity, e: ExportRecord, reviewerName: string | null): { subject: string; body: string } {
  return {
    subject: `Hồ sơ Chỉ số CCHC năm ${e.year} — ${identity.unitName} (${identity.unitCode}), lần gửi ${e.revision}`,
    body: [
      `Kính gửi ${reviewerName ?? 'đơn vị thẩm định'},`,
      '',
      `${identity.unitName} gửi hồ sơ tự đánh giá Chỉ số cải cách hành chính năm ${e.year} (lần gửi ${e.revision}).`,
      `Tệp đính kèm: ${e.fileName}`,
      `Mã SHA-256: ${e.sha256}`,
      '',
      'Tệp đã được ký số bằng khóa đã đăng ký của đơn vị; xin nhập tệp vào ứng dụng Chỉ số CCHC để kiểm tra chữ ký.',
      '',
      `${identity.officerName ?? ''}${identity.officerTitle ? ` — ${identity.officerTitle}` : ''}`,
    ].join('\n'),
  };
}

/** Writes CCHC-…-rN.eml beside the package CCHC-…-rN.json; returns its path. */
export function writeEmailDraft(ctx: ServiceContext, packageId: string): string {
  const identity = requireIdentity(ctx);
  const e = readExports(ctx.db).find((x) => x.packageId === packageId);
  if (!e) throw new AppError('FILE_NOT_FOUND', 'no such export');
  const bytes = readUserFile(join(e.folder, e.fileName), { kind: 'package' });
  const { subject, body } = emailText(identity, e, enrolmentState(ctx, null).pinned?.unitName ?? null);
  const eml = buildEml({ subject, body, attachment: { name: e.fileName, mediaType: 'application/json', bytes }, date: ctx.clock.now() });
  return writeFileSafely(e.folder, e.fileName.replace(/\.json$/u, '.eml'), Buffer.from(eml, 'utf8'), () => undefined).path;
}
