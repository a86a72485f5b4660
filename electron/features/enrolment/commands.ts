import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { verifyEnrolmentRequest } from '../../kernel/signing/enrolment';
import { acceptEnrolmentApproval, acceptKeyRotation, approveEnrolmentRequest, enrolmentFileNames, listEnrolledKeys, prepareEnrolmentRequest, recordEnrolmentRequest, revokeEnrolledKey } from './enrolment';
import { unlockKey } from '../keys/keys';
import { writeFileSafely } from '../../kernel/files/package-file';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';
import { CLI_APP_VERSION } from '../../app/cli/version';
import { cliKeyStore, passphraseFor } from '../../kernel/commands/passphrase';

export const enrolHelp = `chiso enrol request --db FILE --out DIR [--officer NAME --title TITLE]   (xã)
chiso enrol accept --db FILE APPROVAL                                      (xã)
chiso enrol approve --db FILE --out DIR --fingerprint FP REQUEST           (đơn vị thẩm định)
chiso enrol rotate --db FILE STATEMENT | revoke --db FILE --key KEYID [--from YYYY-MM-DD] | list --db FILE
  Đăng ký khóa ký: xã lập đề nghị (ký bằng khóa của xã) và in phiếu có dấu vân tay; đơn vị thẩm
  định đối chiếu dấu vân tay trên phiếu đã đóng dấu rồi duyệt (--fingerprint phải khớp).`;

function readArg(io: CliIO, file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`cần tệp ${what}`);
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch {
    throw new AppError('FILE_NOT_FOUND', file);
  }
}

const bare = (fp: string): string => fp.replace(/[\s-]/gu, '').toUpperCase();

export async function enrolCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, out: { type: 'string' }, officer: { type: 'string' }, title: { type: 'string' },
      fingerprint: { type: 'string' }, key: { type: 'string' }, from: { type: 'string' },
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
        io.out(w.path);
        io.out(`Dấu vân tay: ${fingerprint}`);
        io.out('In phiếu đăng ký (có mã QR) trong ứng dụng: Khóa và đăng ký → In phiếu đăng ký; ký, đóng dấu, gửi kèm tệp.');
        return 0;
      }
      case 'accept': {
        const pin = acceptEnrolmentApproval(ctx, readArg(io, positionals[0], 'duyệt đăng ký'));
        io.out(`Đã ghi nhận khóa của đơn vị thẩm định ${pin.unitName} (${pin.unitCode})`);
        io.out(`Dấu vân tay: ${pin.fingerprint}`);
        io.out('Hãy đối chiếu dấu vân tay này với dấu vân tay do đơn vị thẩm định công bố hoặc gửi bằng văn bản.');
        return 0;
      }
      case 'approve': {
        if (!values.out) throw new UsageError('thiếu --out DIR');
        const bytes = readArg(io, positionals[0], 'đề nghị đăng ký');
        const v = verifyEnrolmentRequest(bytes);
        if (!v.ok) throw new AppError(v.code, v.message, v.details);
        io.out(`Đề nghị của ${v.request.commune.name} (${v.request.commune.code}), người lập ${v.request.officer.name}`);
        io.out(`Dấu vân tay: ${v.fingerprint}`);
        if (!values.fingerprint) {
          io.err('Chưa duyệt. Đối chiếu dấu vân tay trên phiếu đã đóng dấu, rồi chạy lại với --fingerprint <dấu vân tay trên phiếu>.');
          return 1;
        }
        if (bare(values.fingerprint) !== bare(v.fingerprint)) {
          io.err('Dấu vân tay trên phiếu KHÁC dấu vân tay của tệp đề nghị: KHÔNG duyệt. Hãy liên hệ xã để xác minh.');
          return 1;
        }
        const { approvalText, enrolled } = approveEnrolmentRequest(ctx, bytes, await signer());
        const w = writeFileSafely(resolve(io.cwd, values.out), `CCHC-APPROVAL-${enrolled.communeCode}-${enrolled.keyId}.json`, Buffer.from(approvalText, 'utf8'), () => undefined);
        io.out(w.path);
        io.out(`Đã đăng ký khóa ${enrolled.keyId} cho ${enrolled.communeName} (${enrolled.communeCode}).`);
        return 0;
      }
      case 'rotate': {
        const k = acceptKeyRotation(ctx, readArg(io, positionals[0], 'văn bản đổi khóa'));
        io.out(`Đã đăng ký khóa mới ${k.keyId} cho ${k.communeName} (${k.communeCode}) từ ${k.validFrom}; khóa cũ hết hiệu lực.`);
        return 0;
      }
      case 'revoke': {
        if (!values.key) throw new UsageError('thiếu --key KEYID');
        const k = revokeEnrolledKey(ctx, values.key, values.from ?? ctx.clock.now().toISOString().slice(0, 10));
        io.out(`Đã thu hồi khóa ${k.keyId} của ${k.communeName} (${k.communeCode}) từ ${k.revokedFrom}.`);
        return 0;
      }
      case 'list': {
        for (const k of listEnrolledKeys(ctx)) io.out(`${k.communeCode}  ${k.keyId}  ${k.status === 'active' ? 'đang hiệu lực' : `thu hồi từ ${k.revokedFrom}`}  ${k.communeName}`);
        return 0;
      }
      default:
        throw new UsageError('lệnh con của enrol: request, accept, approve, rotate, revoke, list');
    }
  } finally {
    services.close();
  }
}
