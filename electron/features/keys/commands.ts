import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keysContract } from '../../../shared/ipc/keys';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { passphraseFor } from '../../kernel/commands/passphrase';
import type { AppContext } from '../../kernel/use-case';
import { parseInput } from '../../kernel/validation';
import { backUpKey, createKey, inspectBackup, keyStatus, restoreBackup, rotate } from './use-cases';

const PROTECTION = { os: 'kho bảo mật của hệ điều hành', passphrase: 'mật khẩu' } as const;

/** The passphrase of the existing key, asked only when the key has one. */
export async function keyPassphrase(app: AppContext, io: CliIO, question = 'Mật khẩu khóa ký: '): Promise<string | undefined> {
  return app.keys.status()?.protection === 'passphrase' ? passphraseFor(io, question) : undefined;
}

export const keysCommands: Commands = {
  keys: {
    help: `chiso keys show|create --db FILE
chiso keys backup --db FILE --out DIR        chiso keys restore --db FILE [--yes] BACKUP
chiso keys rotate --db FILE --out DIR [--from YYYY-MM-DD]
  Khóa ký của đơn vị (tệp <tên CSDL>.signing-key.json cạnh cơ sở dữ liệu, luôn được mã hóa).
  Mật khẩu khóa: biến môi trường CHISO_PASSPHRASE (hoặc nhập khi chạy trong cửa sổ lệnh);
  mật khẩu bản sao lưu: CHISO_BACKUP_PASSPHRASE; khóa mới khi đổi khóa: CHISO_NEW_PASSPHRASE.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { db: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, from: { type: 'string' } },
      });
      const path = dbPath(values, io);
      if (!['show', 'create', 'backup', 'restore', 'rotate'].includes(sub ?? '')) throw new UsageError('lệnh con của keys: show, create, backup, restore, rotate');
      if ((sub === 'backup' || sub === 'rotate') && !values.out) throw new UsageError('thiếu --out DIR');
      if (sub === 'restore' && !positionals[0]) throw new UsageError('keys restore cần tệp sao lưu');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'show': {
            const o = await app.perform(keyStatus, undefined);
            if (!o.key) {
              io.out('Chưa có khóa ký. Tạo khóa: CHISO_PASSPHRASE=... chiso keys create --db ' + values.db);
              return 1;
            }
            io.out(`Mã khóa:      ${o.key.keyId}`);
            io.out(`Dấu vân tay:  ${o.key.fingerprint}`);
            io.out(`Bảo vệ bằng:  ${PROTECTION[o.key.protection]}`);
            io.out(`Tạo lúc:      ${o.key.createdAt}`);
            if (o.enrolledKeyId) io.out(o.enrolledKeyId === o.key.keyId ? 'Đăng ký:      đã được đơn vị thẩm định duyệt' : `Đăng ký:      KHÁC khóa đã được duyệt (${o.enrolledKeyId})`);
            return 0;
          }
          case 'create': {
            const input = parseInput(keysContract['keys:create'].input, { passphrase: await passphraseFor(io, 'Đặt mật khẩu bảo vệ khóa ký: ') });
            const k = await app.perform(createKey, input);
            io.out(`Đã tạo khóa ký ${k.keyId}`);
            io.out(`Dấu vân tay: ${k.fingerprint}`);
            io.out('Hãy sao lưu khóa ngay: chiso keys backup --db FILE --out THU_MUC');
            return 0;
          }
          case 'backup': {
            const input = parseInput(keysContract['keys:backup'].input, {
              keyPassphrase: await keyPassphrase(app, io),
              backupPassphrase: await passphraseFor(io, 'Đặt mật khẩu cho bản sao lưu: ', 'CHISO_BACKUP_PASSPHRASE'),
            });
            const r = await app.perform(backUpKey, { ...input, folder: outArg(io, values.out) });
            io.out(r!.path);
            io.out(`Dấu vân tay: ${r!.fingerprint}`);
            return 0;
          }
          case 'restore': {
            const backup = resolve(io.cwd, positionals[0]!);
            const p = await app.perform(inspectBackup, { path: backup });
            io.out(`Bản sao lưu chứa khóa ${p.keyId}`);
            io.out(`Dấu vân tay: ${p.fingerprint}`);
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
            io.out(`Đã khôi phục khóa ${k.keyId}`);
            return 0;
          }
          default: {
            const oldPassphrase = await keyPassphrase(app, io, 'Mật khẩu khóa hiện tại: ');
            const newPassphrase = await passphraseFor(io, 'Mật khẩu cho khóa mới: ', io.env['CHISO_NEW_PASSPHRASE'] ? 'CHISO_NEW_PASSPHRASE' : 'CHISO_PASSPHRASE');
            const r = (await app.perform(rotate, { folder: outArg(io, values.out), oldPassphrase, newPassphrase, effectiveFrom: values.from }))!;
            io.out(r.path);
            io.out(`Khóa cũ ${r.oldKeyId} → khóa mới ${r.key.keyId}`);
            io.out(`Dấu vân tay mới: ${r.key.fingerprint}`);
            io.out('Gửi văn bản đổi khóa này cho đơn vị thẩm định (chiso enrol rotate).');
            return 0;
          }
        }
      });
    },
  },
};
