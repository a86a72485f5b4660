import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { backupKey, createKey, keyOverview, previewBackup, restoreKey } from '../../services/key-service';
import { writeFileSafely } from '../../services/package-file';
import { acceptRotationApproval, cancelKeyRotation, pendingKeyRotation, rotationFileNames, startKeyRotation } from '../../services/rotation-service';
import type { CliIO } from '../io';
import { UsageError } from '../io';
import { openServices } from '../open';
import { cliKeyStore, passphraseFor } from '../passphrase';
import { dateArg } from '../dates';
import { getIdentity } from '../../services/setup-service';
import type { ServiceContext } from '../../services/context';

const identityRole = (ctx: ServiceContext) => getIdentity(ctx)?.role;

export const keysHelp = `chiso keys show|create --db FILE
chiso keys backup --db FILE --out DIR        chiso keys restore --db FILE [--yes] BACKUP
chiso keys rotate --db FILE --out DIR [--from|--effective YYYY-MM-DD]
chiso keys accept-rotation --db FILE APPROVAL        chiso keys cancel-rotation --db FILE
  Khóa ký của đơn vị (tệp <tên CSDL>.signing-key.json cạnh cơ sở dữ liệu, luôn được mã hóa).
  Mật khẩu khóa: biến môi trường CHISO_PASSPHRASE (hoặc nhập khi chạy trong cửa sổ lệnh);
  mật khẩu bản sao lưu: CHISO_BACKUP_PASSPHRASE; khóa mới khi đổi khóa: CHISO_NEW_PASSPHRASE.
  Đổi khóa: khóa mới chỉ được dùng sau khi đơn vị thẩm định đối chiếu phiếu đổi khóa có dấu vân tay
  và gửi tệp duyệt (keys accept-rotation); đến lúc đó hồ sơ vẫn ký bằng khóa hiện tại.`;

const PROTECTION = { os: 'kho bảo mật của hệ điều hành', passphrase: 'mật khẩu' } as const;

export async function keysCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, from: { type: 'string' }, effective: { type: 'string' } },
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
        const pending = identityRole(ctx) === 'commune' ? pendingKeyRotation(ctx) : null;
        if (pending) io.out(`Đổi khóa:     chờ duyệt, khóa mới ${pending.newKeyId} (dấu vân tay ${pending.newFingerprint})`);
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
        if (values.from !== undefined && values.effective !== undefined) throw new UsageError('chỉ dùng một trong --from và --effective');
        const typed = values.from ?? values.effective;
        const effectiveFrom = typed === undefined ? undefined : dateArg(values.from !== undefined ? '--from' : '--effective', typed, { notBefore: ctx.clock.now() });
        const out = resolve(io.cwd, values.out);
        const oldPassphrase = store.status()?.protection === 'passphrase' ? await passphraseFor(io, 'Mật khẩu khóa hiện tại: ') : undefined;
        const newPassphrase = await passphraseFor(io, 'Mật khẩu cho khóa mới: ', io.env['CHISO_NEW_PASSPHRASE'] ? 'CHISO_NEW_PASSPHRASE' : 'CHISO_PASSPHRASE');
        const r = await startKeyRotation(ctx, store, { oldPassphrase, newPassphrase, effectiveFrom }, ({ text, record }) =>
          writeFileSafely(out, rotationFileNames(record).json, Buffer.from(text, 'utf8'), () => undefined),
        );
        io.out(r.written.path);
        io.out(`Khóa hiện tại ${r.record.oldKeyId} → khóa mới ${r.record.newKeyId}, hiệu lực từ ${r.record.effectiveFrom}`);
        io.out(`Dấu vân tay khóa mới: ${r.record.newFingerprint}`);
        io.out('In phiếu đổi khóa trong ứng dụng (Khóa và đăng ký → Đổi khóa ký → In phiếu đổi khóa); ký, đóng dấu, gửi kèm văn bản này cho đơn vị thẩm định.');
        io.out('Cho đến khi nhận tệp duyệt đổi khóa, hồ sơ vẫn được ký bằng khóa hiện tại. Nhận tệp duyệt: chiso keys accept-rotation --db FILE TỆP_DUYỆT');
        return 0;
      }
      case 'accept-rotation': {
        const file = positionals[0];
        if (!file) throw new UsageError('keys accept-rotation cần tệp duyệt đổi khóa');
        const k = acceptRotationApproval(ctx, store, readFileSync(resolve(io.cwd, file)));
        io.out(`Đã chuyển sang khóa mới ${k.keyId}; từ nay hồ sơ được ký bằng khóa này (khóa cũ được cất riêng, không bị xóa).`);
        io.out(`Dấu vân tay: ${k.fingerprint}`);
        return 0;
      }
      case 'cancel-rotation': {
        const r = cancelKeyRotation(ctx, store);
        io.out(`Đã hủy đề nghị đổi khóa sang ${r.newKeyId}; tiếp tục dùng khóa hiện tại ${r.oldKeyId}.`);
        return 0;
      }
      default:
        throw new UsageError('lệnh con của keys: show, create, backup, restore, rotate, accept-rotation, cancel-rotation');
    }
  } finally {
    services.close();
  }
}
