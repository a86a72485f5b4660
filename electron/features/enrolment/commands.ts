import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { AppError } from '../../../shared/errors';
import { acceptEnrolmentApproval, approveEnrolmentRequest, checkEnrolmentApproval, checkEnrolmentRequest, enrolmentFileNames, listEnrolledKeys, prepareEnrolmentRequest, recordEnrolmentRequest, revokeEnrolledKey } from './enrolment';
import { unlockKey } from '../keys/keys';
import { approveKeyRotation, listKeyRotations, receiveKeyRotation } from './rotation-service';
import { writeFileSafely } from '../../kernel/files/package-file';
import { readUserFile } from '../../kernel/files/user-file';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';
import { CLI_APP_VERSION } from '../../app/cli/version';
import { dateArg } from '../../kernel/commands/dates';
import { dayOf } from '../../../shared/calendar-date';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { cliKeyStore, passphraseFor } from '../../kernel/commands/passphrase';

export const enrolHelp = `chiso enrol request --db FILE --out DIR [--officer NAME --title TITLE]   (xã)
chiso enrol accept --db FILE --fingerprint FP [--repin] APPROVAL           (xã)
chiso enrol approve --db FILE --out DIR --fingerprint FP REQUEST           (đơn vị thẩm định)
chiso enrol rotate --db FILE [--out DIR --fingerprint FP] STATEMENT       (đơn vị thẩm định)
chiso enrol revoke --db FILE --key KEYID [--from YYYY-MM-DD] | list --db FILE
  Đăng ký khóa ký: xã lập đề nghị (ký bằng khóa của xã) và in phiếu có dấu vân tay; đơn vị thẩm
  định đối chiếu dấu vân tay trên phiếu đã đóng dấu rồi duyệt (--fingerprint phải khớp). Xã chỉ ghi
  nhận khóa của đơn vị thẩm định khi --fingerprint khớp dấu vân tay đơn vị đó công bố hoặc gửi bằng
  văn bản; đã ghi nhận rồi thì không đổi sang khóa khác, trừ khi thêm --repin (có đối chiếu lại).
  Đổi khóa cũng cần phiếu giấy: văn bản đổi khóa được giữ ở trạng thái chờ cho đến khi đơn vị thẩm
  định đối chiếu dấu vân tay khóa mới trên phiếu đổi khóa đã đóng dấu (--fingerprint) và duyệt.`;

function readArg(io: CliIO, file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`cần tệp ${what}`);
  return readUserFile(resolve(io.cwd, file), { kind: 'enrolment' });
}

export async function enrolCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, out: { type: 'string' }, officer: { type: 'string' }, title: { type: 'string' },
      fingerprint: { type: 'string' }, key: { type: 'string' }, from: { type: 'string' }, repin: { type: 'boolean' },
    },
  });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  const dbPath = resolve(io.cwd, values.db);
  const store = cliKeyStore(dbPath);
  const services = openServices(dbPath);
  const { ctx } = services;
  const signer = async () => unlockKey(store, store.status()?.protection === 'passphrase' ? await passphraseFor(io, 'Mật khẩu khóa ký: ') : undefined);
  try {
    switch (sub) {
      case 'request': {
        if (!values.out) throw new UsageError('thiếu --out DIR');
        const { record, fingerprint } = prepareEnrolmentRequest(ctx, await signer(), { appVersion: CLI_APP_VERSION, officerName: values.officer, officerTitle: values.title });
        const w = writeFileSafely(resolve(io.cwd, values.out), enrolmentFileNames(record).json, Buffer.from(record.text, 'utf8'), () => undefined);
        recordEnrolmentRequest(ctx, record);
        io.out(printable(w.path));
        io.out(`Dấu vân tay: ${printable(fingerprint)}`);
        io.out('In phiếu đăng ký (có mã QR) trong ứng dụng: Khóa và đăng ký → In phiếu đăng ký; ký, đóng dấu, gửi kèm tệp.');
        return 0;
      }
      case 'accept': {
        const bytes = readArg(io, positionals[0], 'duyệt đăng ký');
        let checked: ReturnType<typeof checkEnrolmentApproval>;
        try {
          checked = checkEnrolmentApproval(ctx, bytes, { repin: values.repin });
        } catch (err) {
          if (err instanceof AppError && err.code === 'REVIEWER_KEY_CHANGED') {
            io.out(`Khóa đã ghi nhận:        ${printable(String(err.details?.['pinnedFingerprint']))}`);
            io.out(`Khóa đã ký tệp này:      ${printable(String(err.details?.['fileFingerprint']))}`);
          }
          throw err;
        }
        const { pin } = checked;
        io.out(`Tệp duyệt của ${printable(pin.unitName)} (${printable(pin.unitCode)})`);
        io.out(`Dấu vân tay khóa của đơn vị thẩm định (trong tệp): ${printable(pin.fingerprint)}`);
        if (!values.fingerprint) {
          io.err('Chưa ghi nhận. Đối chiếu từng nhóm 4 ký tự với dấu vân tay do đơn vị thẩm định công bố hoặc gửi bằng văn bản (không lấy từ tệp), rồi chạy lại với --fingerprint <dấu vân tay trên văn bản>.');
          throw new AppError('FINGERPRINT_REQUIRED', 'no --fingerprint', { fileFingerprint: pin.fingerprint });
        }
        if (!sameFingerprint(values.fingerprint, pin.fingerprint)) {
          io.err(`Dấu vân tay đã nhập:  ${printable(values.fingerprint)}`);
          io.err('Dấu vân tay đã nhập KHÁC dấu vân tay của khóa đã ký tệp duyệt: KHÔNG ghi nhận. Hãy gọi điện hoặc gửi văn bản cho đơn vị thẩm định để xác minh.');
          throw new AppError('FINGERPRINT_MISMATCH', 'fingerprint differs', { fileFingerprint: pin.fingerprint });
        }
        const pinned = acceptEnrolmentApproval(ctx, bytes, { fingerprint: values.fingerprint, repin: values.repin });
        io.out(`Đã ghi nhận khóa của đơn vị thẩm định ${printable(pinned.unitName)} (${printable(pinned.unitCode)}); từ nay chỉ chấp nhận quyết định duyệt, bộ tiêu chí và kết quả thẩm định ký bằng khóa này.`);
        return 0;
      }
      case 'approve': {
        if (!values.out) throw new UsageError('thiếu --out DIR');
        const bytes = readArg(io, positionals[0], 'đề nghị đăng ký');
        // Signature, weak key, and the registry (another commune's key, a revoked key) before anything is asked.
        const v = checkEnrolmentRequest(ctx, bytes).verified;
        io.out(`Đề nghị của ${printable(v.request.commune.name)} (${printable(v.request.commune.code)}), người lập ${printable(v.request.officer.name)}`);
        io.out(`Dấu vân tay: ${printable(v.fingerprint)}`);
        if (!values.fingerprint) {
          io.err('Chưa duyệt. Đối chiếu dấu vân tay trên phiếu đã đóng dấu, rồi chạy lại với --fingerprint <dấu vân tay trên phiếu>.');
          return 1;
        }
        if (!sameFingerprint(values.fingerprint, v.fingerprint)) {
          io.err('Dấu vân tay trên phiếu KHÁC dấu vân tay của tệp đề nghị: KHÔNG duyệt. Hãy liên hệ xã để xác minh.');
          return 1;
        }
        const { approvalText, enrolled } = approveEnrolmentRequest(ctx, bytes, await signer());
        const w = writeFileSafely(resolve(io.cwd, values.out), `CCHC-APPROVAL-${enrolled.communeCode}-${enrolled.keyId}.json`, Buffer.from(approvalText, 'utf8'), () => undefined);
        io.out(printable(w.path));
        io.out(`Đã đăng ký khóa ${printable(enrolled.keyId)} cho ${printable(enrolled.communeName)} (${printable(enrolled.communeCode)}).`);
        return 0;
      }
      case 'rotate': {
        const bytes = readArg(io, positionals[0], 'văn bản đổi khóa');
        // Checked and held as pending; nothing changes in the registry before the paper check.
        const { record, old } = receiveKeyRotation(ctx, bytes);
        io.out(`Văn bản đổi khóa của ${printable(old.communeName)} (${printable(old.communeCode)}): khóa ${printable(old.keyId)} → khóa mới ${printable(record.newKeyId)}, hiệu lực từ ${printable(record.effectiveFrom)}`);
        io.out(`Dấu vân tay khóa mới: ${printable(record.newFingerprint)}`);
        if (!values.fingerprint) {
          io.err('Đang chờ duyệt. Đối chiếu dấu vân tay khóa mới với phiếu đổi khóa đã ký, đóng dấu của xã (chữ ký của khóa cũ không đủ: ai lấy được khóa cũ cũng ký được), rồi chạy lại với --fingerprint <dấu vân tay trên phiếu> --out DIR.');
          return 1;
        }
        if (!sameFingerprint(values.fingerprint, record.newFingerprint)) {
          io.err('Dấu vân tay trên phiếu KHÁC dấu vân tay khóa mới trong văn bản: KHÔNG duyệt. Khóa cũ của xã có thể đã bị lộ; hãy liên hệ xã để xác minh.');
          return 1;
        }
        if (!values.out) throw new UsageError('thiếu --out DIR (nơi ghi tệp duyệt đổi khóa gửi xã)');
        const out = resolve(io.cwd, values.out);
        const { approvalText, enrolled, retired } = approveKeyRotation(ctx, bytes, { fingerprint: values.fingerprint }, await signer());
        const w = writeFileSafely(out, `CCHC-ROTATE-APPROVAL-${enrolled.communeCode}-${enrolled.keyId}.json`, Buffer.from(approvalText, 'utf8'), () => undefined);
        io.out(printable(w.path));
        io.out(`Đã đăng ký khóa mới ${printable(enrolled.keyId)} cho ${printable(enrolled.communeName)} (${printable(enrolled.communeCode)}); khóa cũ ${printable(retired.keyId)} thôi hiệu lực từ ${printable(retired.revokedFrom ?? "")}.`);
        io.out('Gửi tệp duyệt này cho xã: xã chỉ chuyển sang khóa mới sau khi nhập tệp (chiso keys accept-rotation).');
        return 0;
      }
      case 'revoke': {
        if (!values.key) throw new UsageError('thiếu --key KEYID');
        const from = values.from === undefined ? dayOf(ctx.clock.now()) : dateArg('--from', values.from, { notAfter: ctx.clock.now() });
        const k = revokeEnrolledKey(ctx, values.key, from);
        io.out(`Đã thu hồi khóa ${printable(k.keyId)} của ${printable(k.communeName)} (${printable(k.communeCode)}) từ ${printable(k.revokedFrom ?? "")}.`);
        return 0;
      }
      case 'list': {
        for (const k of listEnrolledKeys(ctx)) io.out(`${printable(k.communeCode)}  ${printable(k.keyId)}  ${k.status === 'active' ? 'đang hiệu lực' : `thu hồi từ ${printable(k.revokedFrom ?? "")}`}  ${printable(k.communeName)}`);
        for (const r of listKeyRotations(ctx, { status: 'pending' })) {
          io.out(`${printable(r.communeCode)}  ${printable(r.newKeyId)}  chờ duyệt đổi khóa (thay khóa ${printable(r.oldKeyId)}, từ ${printable(r.effectiveFrom)}), dấu vân tay ${printable(r.newFingerprint)}`);
        }
        return 0;
      }
      default:
        throw new UsageError('lệnh con của enrol: request, accept, approve, rotate, revoke, list');
    }
  } finally {
    services.close();
  }
}
