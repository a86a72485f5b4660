import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { enrolmentContract } from '../../../shared/ipc/enrolment';
import { AppError } from '../../../shared/errors';
import { dayOf } from '../../../shared/calendar-date';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import { dateArg } from '../../kernel/commands/dates';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { readUserFile } from '../../kernel/files/user-file';
import { parseInput } from '../../kernel/validation';
import { keyPassphrase } from '../keys/commands';
import {
  acceptApproval, approveRequest, approveRotation, enrolledKeys, inspectApproval, inspectRequest, pendingRotations, receiveRotation, rejectRequest, requestKeyEnrolment, revokeKey,
} from './use-cases';

const SUBCOMMANDS = ['request', 'accept', 'approve', 'reject', 'rotate', 'revoke', 'list'];

/** An enrolment, approval or rotation file named on the command line, through the bounded reader. */
function fileArg(io: CliIO, file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`cần tệp ${what}`);
  return readUserFile(resolve(io.cwd, file), { kind: 'enrolment' });
}

export const enrolmentCommands: Commands = {
  enrol: {
    help: `chiso enrol request --db FILE --out DIR [--officer NAME --title TITLE]   (xã)
chiso enrol accept --db FILE --fingerprint FP [--repin] APPROVAL           (xã)
chiso enrol approve --db FILE --out DIR --fingerprint FP REQUEST           (đơn vị thẩm định)
chiso enrol reject --db FILE --reason TEXT REQUEST                        (đơn vị thẩm định)
chiso enrol rotate --db FILE [--out DIR --fingerprint FP] STATEMENT       (đơn vị thẩm định)
chiso enrol revoke --db FILE --key KEYID [--from YYYY-MM-DD] | list --db FILE
  Đăng ký khóa ký: xã lập đề nghị (ký bằng khóa của xã) và phiếu đăng ký có dấu vân tay (tệp HTML:
  mở bằng trình duyệt để in); đơn vị thẩm định đối chiếu dấu vân tay trên phiếu đã đóng dấu rồi
  duyệt (--fingerprint phải khớp). Xã chỉ ghi nhận khóa của đơn vị thẩm định khi --fingerprint khớp
  dấu vân tay đơn vị đó công bố hoặc gửi bằng văn bản; đã ghi nhận rồi thì không đổi sang khóa
  khác, trừ khi thêm --repin (có đối chiếu lại). Đổi khóa cũng cần phiếu giấy: văn bản đổi khóa
  được giữ ở trạng thái chờ cho đến khi đơn vị thẩm định đối chiếu dấu vân tay khóa mới trên phiếu
  đổi khóa đã đóng dấu (--fingerprint) và duyệt.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: {
          db: { type: 'string' }, out: { type: 'string' }, officer: { type: 'string' }, title: { type: 'string' },
          fingerprint: { type: 'string' }, key: { type: 'string' }, from: { type: 'string' }, repin: { type: 'boolean' }, reason: { type: 'string' },
        },
      });
      const path = dbPath(values, io);
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của enrol: ${SUBCOMMANDS.join(', ')}`);
      if ((sub === 'request' || sub === 'approve') && !values.out) throw new UsageError('thiếu --out DIR');
      if (sub === 'revoke' && !values.key) throw new UsageError('thiếu --key KEYID');
      if (sub === 'reject' && !values.reason?.trim()) throw new UsageError('thiếu --reason TEXT (lý do từ chối, ít nhất 5 ký tự)');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'request': {
            const input = parseInput(enrolmentContract['enrolment:request'].input, {
              keyPassphrase: await keyPassphrase(app, io),
              officerName: values.officer,
              officerTitle: values.title,
            });
            const w = (await app.perform(requestKeyEnrolment, { ...input, folder: outArg(io, values.out) }))!;
            io.out(printable(w.requestPath));
            io.out(`Dấu vân tay: ${printable(w.fingerprint)}`);
            io.out(`Phiếu đăng ký (có mã QR): ${printable(w.formPath)}`);
            io.out('Mở phiếu bằng trình duyệt và in; ký, đóng dấu, gửi kèm tệp đề nghị.');
            return 0;
          }
          case 'accept': {
            const bytes = fileArg(io, positionals[0], 'duyệt đăng ký');
            let choice: Awaited<ReturnType<typeof inspectApproval.run>>;
            try {
              choice = await app.perform(inspectApproval, { bytes, repin: values.repin });
            } catch (err) {
              if (err instanceof AppError && err.code === 'REVIEWER_KEY_CHANGED') {
                io.out(`Khóa đã ghi nhận:        ${printable(String(err.details?.['pinnedFingerprint']))}`);
                io.out(`Khóa đã ký tệp này:      ${printable(String(err.details?.['fileFingerprint']))}`);
              }
              throw err;
            }
            io.out(`Tệp duyệt của ${printable(choice.unitName)} (${printable(choice.unitCode)})`);
            io.out(`Dấu vân tay khóa của đơn vị thẩm định (trong tệp): ${printable(choice.fingerprint)}`);
            if (!values.fingerprint) {
              io.err('Chưa ghi nhận. Đối chiếu từng nhóm 4 ký tự với dấu vân tay do đơn vị thẩm định công bố hoặc gửi bằng văn bản (không lấy từ tệp), rồi chạy lại với --fingerprint <dấu vân tay trên văn bản>.');
              throw new AppError('FINGERPRINT_REQUIRED', 'no --fingerprint', { fileFingerprint: choice.fingerprint });
            }
            if (!sameFingerprint(values.fingerprint, choice.fingerprint)) {
              io.err(`Dấu vân tay đã nhập:  ${printable(values.fingerprint)}`);
              io.err('Dấu vân tay đã nhập KHÁC dấu vân tay của khóa đã ký tệp duyệt: KHÔNG ghi nhận. Hãy gọi điện hoặc gửi văn bản cho đơn vị thẩm định để xác minh.');
              throw new AppError('FINGERPRINT_MISMATCH', 'fingerprint differs', { fileFingerprint: choice.fingerprint });
            }
            const pin = await app.perform(acceptApproval, { bytes, fingerprint: values.fingerprint, repin: values.repin });
            io.out(`Đã ghi nhận khóa của đơn vị thẩm định ${printable(pin.unitName)} (${printable(pin.unitCode)}); từ nay chỉ chấp nhận quyết định duyệt, bộ tiêu chí và kết quả thẩm định ký bằng khóa này.`);
            return 0;
          }
          case 'approve': {
            const bytes = fileArg(io, positionals[0], 'đề nghị đăng ký');
            // Signature, weak key, and the registry (another commune's key, a revoked key) before anything is asked.
            const v = await app.perform(inspectRequest, { bytes });
            io.out(`Đề nghị của ${printable(v.request.commune.name)} (${printable(v.request.commune.code)}), người lập ${printable(v.request.officer.name)}`);
            io.out(`Dấu vân tay: ${printable(v.fingerprint)}`);
            // A person compares the fingerprint on the stamped paper form: on the command line, --fingerprint.
            if (!values.fingerprint) {
              io.err('Chưa duyệt. Đối chiếu dấu vân tay trên phiếu đã đóng dấu, rồi chạy lại với --fingerprint <dấu vân tay trên phiếu>.');
              return 1;
            }
            if (!sameFingerprint(values.fingerprint, v.fingerprint)) {
              io.err('Dấu vân tay trên phiếu KHÁC dấu vân tay của tệp đề nghị: KHÔNG duyệt. Hãy liên hệ xã để xác minh.');
              return 1;
            }
            const r = (await app.perform(approveRequest, { bytes, fingerprint: values.fingerprint, keyPassphrase: await keyPassphrase(app, io), folder: outArg(io, values.out) }))!;
            io.out(printable(r.path));
            io.out(`Đã đăng ký khóa ${printable(r.enrolled.keyId)} cho ${printable(r.enrolled.communeName)} (${printable(r.enrolled.communeCode)}).`);
            return 0;
          }
          case 'reject': {
            const bytes = fileArg(io, positionals[0], 'đề nghị đăng ký');
            const r = await app.perform(rejectRequest, { bytes, reason: values.reason! });
            io.out(`Đã từ chối đề nghị ${printable(r.requestId)} của ${printable(r.communeName)} (${printable(r.communeCode)}), người lập ${printable(r.officerName)}.`);
            io.out(`Lý do: ${printable(r.reason)}`);
            io.out(`Người từ chối: ${printable(r.rejectedBy)}, lúc ${printable(r.rejectedAt)}. Đề nghị này không thể được duyệt nữa; xã cần lập đề nghị mới.`);
            return 0;
          }
          case 'rotate': {
            const bytes = fileArg(io, positionals[0], 'văn bản đổi khóa');
            // Checked and held as pending; nothing changes in the registry before the paper check.
            const { record, old } = await app.perform(receiveRotation, { bytes });
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
            const r = (await app.perform(approveRotation, { bytes, fingerprint: values.fingerprint, keyPassphrase: await keyPassphrase(app, io), folder: outArg(io, values.out) }))!;
            io.out(printable(r.path));
            io.out(`Đã đăng ký khóa mới ${printable(r.enrolled.keyId)} cho ${printable(r.enrolled.communeName)} (${printable(r.enrolled.communeCode)}); khóa cũ ${printable(r.retired.keyId)} thôi hiệu lực từ ${printable(r.retired.revokedFrom ?? '')}.`);
            io.out('Gửi tệp duyệt này cho xã: xã chỉ chuyển sang khóa mới sau khi nhập tệp (chiso keys accept-rotation).');
            return 0;
          }
          case 'revoke': {
            const now = app.ctx.clock.now();
            const from = values.from === undefined ? dayOf(now) : dateArg('--from', values.from, { notAfter: now });
            const k = await app.perform(revokeKey, { keyId: values.key!, from });
            io.out(`Đã thu hồi khóa ${printable(k.keyId)} của ${printable(k.communeName)} (${printable(k.communeCode)}) từ ${printable(k.revokedFrom ?? '')}.`);
            return 0;
          }
          default: {
            for (const k of await app.perform(enrolledKeys, undefined)) {
              io.out(`${printable(k.communeCode)}  ${printable(k.keyId)}  ${k.status === 'active' ? 'đang hiệu lực' : `thu hồi từ ${printable(k.revokedFrom ?? '')}`}  ${printable(k.communeName)}`);
            }
            for (const r of await app.perform(pendingRotations, undefined)) {
              io.out(`${printable(r.communeCode)}  ${printable(r.newKeyId)}  chờ duyệt đổi khóa (thay khóa ${printable(r.oldKeyId)}, từ ${printable(r.effectiveFrom)}), dấu vân tay ${printable(r.newFingerprint)}`);
            }
            return 0;
          }
        }
      });
    },
  },
};
