import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupKey, createKey, keyOverview, previewBackup, restoreKey, rotateKey } from './keys';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';
import { cliKeyStore, passphraseFor } from '../../kernel/commands/passphrase';

export const keysHelp = `chiso keys show|create --db FILE
chiso keys backup --db FILE --out DIR        chiso keys restore --db FILE [--yes] BACKUP
chiso keys rotate --db FILE --out DIR [--from YYYY-MM-DD]
  Khóa ký của đơn vị (tệp <tên CSDL>.signing-key.json cạnh cơ sở dữ liệu, luôn được mã hóa).
  Mật khẩu khóa: biến môi trường CHISO_PASSPHRASE (hoặc nhập khi chạy trong cửa sổ lệnh);
  mật khẩu bản sao lưu: CHISO_BACKUP_PASSPHRASE; khóa mới khi đổi khóa: CHISO_NEW_PASSPHRASE.`;

const PROTECTION = { os: 'kho bảo mật của hệ điều hành', passphrase: 'mật khẩu' } as const;

export async function keysCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, from: { type: 'string' } },
  });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  const dbPath = resolve(io.cwd, values.db);
  const store = cliKeyStore(dbPath);
  const services = openServices(dbPath);
  const { ctx } = services;
  try {
    switch (sub) {
      case 'show': {
        const o = keyOverview(ctx, store);
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
        const pass = await passphraseFor(io, 'Đặt mật khẩu bảo vệ khóa ký: ');
        const k = await createKey(ctx, store, pass);
        io.out(`Đã tạo khóa ký ${k.keyId}`);
        io.out(`Dấu vân tay: ${k.fingerprint}`);
        io.out('Hãy sao lưu khóa ngay: chiso keys backup --db FILE --out THU_MUC');
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new UsageError('thiếu --out DIR');
        const keyPassphrase = store.status()?.protection === 'passphrase' ? await passphraseFor(io, 'Mật khẩu khóa ký: ') : undefined;
        const backupPassphrase = io.env['CHISO_BACKUP_PASSPHRASE'] ?? (await passphraseFor(io, 'Đặt mật khẩu cho bản sao lưu: ', 'CHISO_BACKUP_PASSPHRASE'));
        const r = await backupKey(ctx, store, { folder: resolve(io.cwd, values.out), keyPassphrase, backupPassphrase });
        io.out(r.path);
        io.out(`Dấu vân tay: ${r.fingerprint}`);
        return 0;
      }
      case 'restore': {
        const file = positionals[0];
        if (!file) throw new UsageError('keys restore cần tệp sao lưu');
        const path = resolve(io.cwd, file);
        const p = previewBackup(ctx, store, path);
        io.out(`Bản sao lưu chứa khóa ${p.keyId}`);
        io.out(`Dấu vân tay: ${p.fingerprint}`);
        if (p.differsFromEnrolled && !values.yes) {
          io.err('Khóa này KHÁC khóa đã được đơn vị thẩm định duyệt. Thêm --yes nếu chắc chắn (sau đó phải đăng ký lại).');
          return 1;
        }
        const backupPassphrase = await passphraseFor(io, 'Mật khẩu của bản sao lưu: ', 'CHISO_BACKUP_PASSPHRASE');
        const newPassphrase = await passphraseFor(io, 'Mật khẩu bảo vệ khóa trên máy này: ');
        const k = await restoreKey(ctx, store, { path, backupPassphrase, newPassphrase, confirmDifferent: values.yes === true });
        io.out(`Đã khôi phục khóa ${k.keyId}`);
        return 0;
      }
      case 'rotate': {
        if (!values.out) throw new UsageError('thiếu --out DIR');
        const oldPassphrase = store.status()?.protection === 'passphrase' ? await passphraseFor(io, 'Mật khẩu khóa hiện tại: ') : undefined;
        const newPassphrase = await passphraseFor(io, 'Mật khẩu cho khóa mới: ', io.env['CHISO_NEW_PASSPHRASE'] ? 'CHISO_NEW_PASSPHRASE' : 'CHISO_PASSPHRASE');
        const r = await rotateKey(ctx, store, { folder: resolve(io.cwd, values.out), oldPassphrase, newPassphrase, ...(values.from ? { effectiveFrom: values.from } : {}) });
        io.out(r.path);
        io.out(`Khóa cũ ${r.oldKeyId} → khóa mới ${r.key.keyId}`);
        io.out(`Dấu vân tay mới: ${r.key.fingerprint}`);
        io.out('Gửi văn bản đổi khóa này cho đơn vị thẩm định (chiso enrol rotate).');
        return 0;
      }
      default:
        throw new UsageError('lệnh con của keys: show, create, backup, restore, rotate');
    }
  } finally {
    services.close();
  }
}
