import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { enrolmentContract } from '../../../shared/ipc/enrolment';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { readUserFile } from '../../kernel/files/user-files';
import { parseInput } from '../../kernel/validation';
import { keyPassphrase } from '../keys/commands';
import { acceptApproval, acceptRotation, approveRequest, enrolledKeys, inspectRequest, requestKeyEnrolment, revokeKey } from './use-cases';

const SUBCOMMANDS = ['request', 'accept', 'approve', 'rotate', 'revoke', 'list'];

function fileArg(io: CliIO, file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`cần tệp ${what}`);
  return readUserFile(resolve(io.cwd, file));
}

const bare = (fp: string): string => fp.replace(/[\s-]/gu, '').toUpperCase();

export const enrolmentCommands: Commands = {
  enrol: {
    help: `chiso enrol request --db FILE --out DIR [--officer NAME --title TITLE]   (xã)
chiso enrol accept --db FILE APPROVAL                                      (xã)
chiso enrol approve --db FILE --out DIR --fingerprint FP REQUEST           (đơn vị thẩm định)
chiso enrol rotate --db FILE STATEMENT | revoke --db FILE --key KEYID [--from YYYY-MM-DD] | list --db FILE
  Đăng ký khóa ký: xã lập đề nghị (ký bằng khóa của xã) và phiếu đăng ký có dấu vân tay (tệp HTML:
  mở bằng trình duyệt để in); đơn vị thẩm định đối chiếu dấu vân tay trên phiếu đã đóng dấu rồi
  duyệt (--fingerprint phải khớp).`,
    async run(args, env) {
      const { io } = env;
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
      const path = dbPath(values, io);
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của enrol: ${SUBCOMMANDS.join(', ')}`);
      if ((sub === 'request' || sub === 'approve') && !values.out) throw new UsageError('thiếu --out DIR');
      if (sub === 'revoke' && !values.key) throw new UsageError('thiếu --key KEYID');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'request': {
            const input = parseInput(enrolmentContract['enrolment:request'].input, {
              keyPassphrase: await keyPassphrase(app, io),
              officerName: values.officer,
              officerTitle: values.title,
            });
            const w = (await app.perform(requestKeyEnrolment, { ...input, folder: outArg(io, values.out) }))!;
            io.out(w.requestPath);
            io.out(`Dấu vân tay: ${w.fingerprint}`);
            io.out(`Phiếu đăng ký (có mã QR): ${w.formPath}`);
            io.out('Mở phiếu bằng trình duyệt và in; ký, đóng dấu, gửi kèm tệp đề nghị.');
            return 0;
          }
          case 'accept': {
            const pin = await app.perform(acceptApproval, { bytes: fileArg(io, positionals[0], 'duyệt đăng ký') });
            io.out(`Đã ghi nhận khóa của đơn vị thẩm định ${pin.unitName} (${pin.unitCode})`);
            io.out(`Dấu vân tay: ${pin.fingerprint}`);
            io.out('Hãy đối chiếu dấu vân tay này với dấu vân tay do đơn vị thẩm định công bố hoặc gửi bằng văn bản.');
            return 0;
          }
          case 'approve': {
            const bytes = fileArg(io, positionals[0], 'đề nghị đăng ký');
            const v = await app.perform(inspectRequest, { bytes });
            io.out(`Đề nghị của ${v.request.commune.name} (${v.request.commune.code}), người lập ${v.request.officer.name}`);
            io.out(`Dấu vân tay: ${v.fingerprint}`);
            // A person compares the fingerprint on the stamped paper form: on the command line, --fingerprint.
            if (!values.fingerprint) {
              io.err('Chưa duyệt. Đối chiếu dấu vân tay trên phiếu đã đóng dấu, rồi chạy lại với --fingerprint <dấu vân tay trên phiếu>.');
              return 1;
            }
            if (bare(values.fingerprint) !== bare(v.fingerprint)) {
              io.err('Dấu vân tay trên phiếu KHÁC dấu vân tay của tệp đề nghị: KHÔNG duyệt. Hãy liên hệ xã để xác minh.');
              return 1;
            }
            const r = (await app.perform(approveRequest, { bytes, keyPassphrase: await keyPassphrase(app, io), folder: outArg(io, values.out) }))!;
            io.out(r.path);
            io.out(`Đã đăng ký khóa ${r.enrolled.keyId} cho ${r.enrolled.communeName} (${r.enrolled.communeCode}).`);
            return 0;
          }
          case 'rotate': {
            const k = await app.perform(acceptRotation, { bytes: fileArg(io, positionals[0], 'văn bản đổi khóa') });
            io.out(`Đã đăng ký khóa mới ${k.keyId} cho ${k.communeName} (${k.communeCode}) từ ${k.validFrom}; khóa cũ hết hiệu lực.`);
            return 0;
          }
          case 'revoke': {
            const k = await app.perform(revokeKey, { keyId: values.key!, from: values.from });
            io.out(`Đã thu hồi khóa ${k.keyId} của ${k.communeName} (${k.communeCode}) từ ${k.revokedFrom}.`);
            return 0;
          }
          default: {
            for (const k of await app.perform(enrolledKeys, undefined)) {
              io.out(`${k.communeCode}  ${k.keyId}  ${k.status === 'active' ? 'đang hiệu lực' : `thu hồi từ ${k.revokedFrom}`}  ${k.communeName}`);
            }
            return 0;
          }
        }
      });
    },
  },
};
