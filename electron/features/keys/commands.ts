import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keysContract } from '../../../shared/ipc/keys';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import { dateArg } from '../../kernel/commands/dates';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { passphraseFor } from '../../kernel/commands/passphrase';
import { readUserFile } from '../../kernel/files/user-file';
import type { AppContext } from '../../kernel/use-case';
import { parseInput } from '../../kernel/validation';
import { acceptRotation, backUpKey, cancelRotation, createKey, inspectBackup, keyStatus, restoreBackup, rotate } from './use-cases';

const PROTECTION = { os: 'kho bảo mật của hệ điều hành', passphrase: 'mật khẩu' } as const;
const SUBCOMMANDS = ['show', 'create', 'backup', 'restore', 'rotate', 'accept-rotation', 'cancel-rotation'];

/** The passphrase of the existing key, asked only when the key has one. */
export async function keyPassphrase(app: AppContext, io: CliIO, question = 'Mật khẩu khóa ký: '): Promise<string | undefined> {
  return app.keys.status()?.protection === 'passphrase' ? passphraseFor(io, question) : undefined;
}

export const keysCommands: Commands = {
  keys: {
    help: `chiso keys show|create --db FILE
chiso keys backup --db FILE --out DIR        chiso keys restore --db FILE [--yes] BACKUP
chiso keys rotate --db FILE --out DIR [--from|--effective YYYY-MM-DD]
chiso keys accept-rotation --db FILE APPROVAL        chiso keys cancel-rotation --db FILE
  Khóa ký của đơn vị (tệp <tên CSDL>.signing-key.json cạnh cơ sở dữ liệu, luôn được mã hóa).
  Mật khẩu khóa: biến môi trường CHISO_PASSPHRASE (hoặc nhập khi chạy trong cửa sổ lệnh);
  mật khẩu bản sao lưu: CHISO_BACKUP_PASSPHRASE; khóa mới khi đổi khóa: CHISO_NEW_PASSPHRASE.
  Đổi khóa: khóa mới chỉ được dùng sau khi đơn vị thẩm định đối chiếu phiếu đổi khóa có dấu vân tay
  và gửi tệp duyệt (keys accept-rotation); đến lúc đó hồ sơ vẫn ký bằng khóa hiện tại.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { db: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, from: { type: 'string' }, effective: { type: 'string' } },
      });
      const path = dbPath(values, io);
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của keys: ${SUBCOMMANDS.join(', ')}`);
      if ((sub === 'backup' || sub === 'rotate') && !values.out) throw new UsageError('thiếu --out DIR');
      if (sub === 'restore' && !positionals[0]) throw new UsageError('keys restore cần tệp sao lưu');
      if (sub === 'accept-rotation' && !positionals[0]) throw new UsageError('keys accept-rotation cần tệp duyệt đổi khóa');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'show': {
            const o = await app.perform(keyStatus, undefined);
            if (!o.key) {
              io.out('Chưa có khóa ký. Tạo khóa: CHISO_PASSPHRASE=... chiso keys create --db ' + printable(values.db ?? ''));
              return 1;
            }
            io.out(`Mã khóa:      ${printable(o.key.keyId)}`);
            io.out(`Dấu vân tay:  ${printable(o.key.fingerprint)}`);
            io.out(`Bảo vệ bằng:  ${PROTECTION[o.key.protection]}`);
            io.out(`Tạo lúc:      ${printable(o.key.createdAt)}`);
            if (o.enrolledKeyId) io.out(o.enrolledKeyId === o.key.keyId ? 'Đăng ký:      đã được đơn vị thẩm định duyệt' : `Đăng ký:      KHÁC khóa đã được duyệt (${printable(o.enrolledKeyId)})`);
            if (o.pendingRotation) io.out(`Đổi khóa:     chờ duyệt, khóa mới ${printable(o.pendingRotation.newKeyId)} (dấu vân tay ${printable(o.pendingRotation.newFingerprint)})`);
            return 0;
          }
          case 'create': {
            const input = parseInput(keysContract['keys:create'].input, { passphrase: await passphraseFor(io, 'Đặt mật khẩu bảo vệ khóa ký: ') });
            const k = await app.perform(createKey, input);
            io.out(`Đã tạo khóa ký ${printable(k.keyId)}`);
            io.out(`Dấu vân tay: ${printable(k.fingerprint)}`);
            io.out('Hãy sao lưu khóa ngay: chiso keys backup --db FILE --out THU_MUC');
            return 0;
          }
          case 'backup': {
            const input = parseInput(keysContract['keys:backup'].input, {
              keyPassphrase: await keyPassphrase(app, io),
              backupPassphrase: await passphraseFor(io, 'Đặt mật khẩu cho bản sao lưu: ', 'CHISO_BACKUP_PASSPHRASE'),
            });
            const r = await app.perform(backUpKey, { ...input, folder: outArg(io, values.out) });
            io.out(printable(r!.path));
            io.out(`Dấu vân tay: ${printable(r!.fingerprint)}`);
            return 0;
          }
          case 'restore': {
            const backup = resolve(io.cwd, positionals[0]!);
            const p = await app.perform(inspectBackup, { path: backup });
            io.out(`Bản sao lưu chứa khóa ${printable(p.keyId)}`);
            io.out(`Dấu vân tay: ${printable(p.fingerprint)}`);
            if (p.differsFromEnrolled && !values.yes) {
              io.err('Khóa này KHÁC khóa đã được đơn vị thẩm định duyệt. Thêm --yes nếu chắc chắn (sau đó phải đăng ký lại).');
              return 1;
            }
            // The channel's schema, less the token: here the file is named on the command line.
            const input = parseInput(keysContract['keys:restore'].input.omit({ token: true }), {
              backupPassphrase: await passphraseFor(io, 'Mật khẩu của bản sao lưu: ', 'CHISO_BACKUP_PASSPHRASE'),
              newPassphrase: await passphraseFor(io, 'Mật khẩu bảo vệ khóa trên máy này: '),
              confirmDifferent: values.yes === true,
            });
            const k = await app.perform(restoreBackup, { ...input, path: backup });
            io.out(`Đã khôi phục khóa ${printable(k.keyId)}`);
            return 0;
          }
          case 'rotate': {
            // A day that does not exist, or one already past, is a usage error before any key is touched.
            if (values.from !== undefined && values.effective !== undefined) throw new UsageError('chỉ dùng một trong --from và --effective');
            const typed = values.from ?? values.effective;
            const effectiveFrom = typed === undefined ? undefined : dateArg(values.from !== undefined ? '--from' : '--effective', typed, { notBefore: app.ctx.clock.now() });
            const keyPass = await keyPassphrase(app, io, 'Mật khẩu khóa hiện tại: ');
            const newPassphrase = await passphraseFor(io, 'Mật khẩu cho khóa mới: ', io.env['CHISO_NEW_PASSPHRASE'] ? 'CHISO_NEW_PASSPHRASE' : 'CHISO_PASSPHRASE');
            const input = parseInput(keysContract['keys:rotate'].input, { keyPassphrase: keyPass, newPassphrase });
            const r = (await app.perform(rotate, { ...input, effectiveFrom, folder: outArg(io, values.out) }))!;
            io.out(printable(r.statementPath));
            io.out(`Khóa mới ${printable(r.newKeyId)}, hiệu lực từ ${printable(r.effectiveFrom)}`);
            io.out(`Dấu vân tay khóa mới: ${printable(r.newFingerprint)}`);
            io.out(`Phiếu đổi khóa (có mã QR): ${printable(r.formPath)}`);
            io.out('Mở phiếu bằng trình duyệt và in; ký, đóng dấu, gửi kèm văn bản đổi khóa cho đơn vị thẩm định.');
            io.out('Cho đến khi nhận tệp duyệt đổi khóa, hồ sơ vẫn được ký bằng khóa hiện tại. Nhận tệp duyệt: chiso keys accept-rotation --db FILE TỆP_DUYỆT');
            return 0;
          }
          case 'accept-rotation': {
            const bytes = readUserFile(resolve(io.cwd, positionals[0]!), { kind: 'enrolment' });
            const { key } = await app.perform(acceptRotation, { bytes });
            io.out(`Đã chuyển sang khóa mới ${printable(key.keyId)}; từ nay hồ sơ được ký bằng khóa này (khóa cũ được cất riêng, không bị xóa).`);
            io.out(`Dấu vân tay: ${printable(key.fingerprint)}`);
            return 0;
          }
          default: {
            const r = await app.perform(cancelRotation, undefined);
            io.out(`Đã hủy đề nghị đổi khóa sang ${printable(r.newKeyId)}; tiếp tục dùng khóa hiện tại ${printable(r.oldKeyId)}.`);
            return 0;
          }
        }
      });
    },
  },
};
