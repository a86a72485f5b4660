import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { registryResolver } from '../enrolment/enrolment';
import { EMAIL_SIZE_LIMIT, exportReport } from './export';
import { liveReportSources } from './report-sources-live';
import { unlockKey } from '../keys/keys';
import { verifyPackageBytes, type Verdict } from '../verify/verify';
import { openDatabase } from '../../kernel/db/open';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';
import { cliKeyStore, passphraseFor } from '../../kernel/commands/passphrase';
import { CLI_APP_VERSION } from '../../app/cli/version';

export const exportHelp = `chiso export --db FILE --out DIR
  Xuất hồ sơ tự đánh giá đã ký (CCHC-<năm>-<mã xã>-r<lần>.json) vào thư mục/USB; in đường dẫn.`;

export const verifyHelp = `chiso verify [--json] [--db REVIEWER.sqlite] FILE...
  Kiểm tra cấu trúc và chữ ký của gói. Với --db của đơn vị thẩm định: khóa phải là khóa đã đăng ký
  cho xã đó và còn hiệu lực. Không có --db: chỉ kiểm tra với khóa ghi trong gói (KHÔNG đối chiếu
  đăng ký). Thoát 0 khi mọi tệp hợp lệ, 1 nếu có tệp bị từ chối. --json: mảng {file, ok, code, ...}.`;

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, out: { type: 'string' } } });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  if (!values.out) throw new UsageError('thiếu --out DIR');
  const dbPath = resolve(io.cwd, values.db);
  const store = cliKeyStore(dbPath);
  if (!store.status()) throw new AppError('KEY_MISSING', 'no key');
  const services = openServices(dbPath);
  try {
    const signer = await unlockKey(store, store.status()?.protection === 'passphrase' ? await passphraseFor(io, 'Mật khẩu khóa ký: ') : undefined);
    const r = exportReport(services.ctx, { folder: resolve(io.cwd, values.out), signer, sources: liveReportSources(dirname(dbPath)), appVersion: CLI_APP_VERSION });
    io.out(r.path);
    io.err(`Lần gửi ${r.revision} · ${r.size} byte · SHA-256 ${r.sha256}`);
    if (r.tooLargeForEmail) io.err(`Gói lớn hơn ${EMAIL_SIZE_LIMIT / 1024 / 1024} MB: thư điện tử thường từ chối; hãy chép bằng USB.`);
    return 0;
  } finally {
    services.close();
  }
}

function line(v: Verdict & { file: string }): string {
  if (!v.ok) return `TỪ CHỐI  ${v.file}  [${v.code}] ${v.message ?? ''}`;
  const what = v.type === 'commune-report' ? `${v.communeName} (${v.communeCode}) năm ${v.year}, lần ${v.revision}` : v.type;
  return `HỢP LỆ   ${v.file}  ${what} · khóa ${v.keyId}${v.enrolmentChecked ? ' (đã đăng ký)' : ''}`;
}

export async function verifyCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, db: { type: 'string' } } });
  if (positionals.length === 0) throw new UsageError('verify cần ít nhất một tệp');
  let close = (): void => undefined;
  let lookup: Parameters<typeof verifyPackageBytes>[1] = { kind: 'self' };
  if (values.db) {
    const dbPath = resolve(io.cwd, values.db);
    if (!existsSync(dbPath)) throw new AppError('FILE_NOT_FOUND', values.db);
    const db = openDatabase(dbPath);
    close = () => db.close();
    lookup = { kind: 'registry', lookup: registryResolver({ db, clock: { now: () => new Date() }, actor: () => 'chiso-cli' }) };
  }
  try {
    const verdicts = positionals.map((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(resolve(io.cwd, file));
      } catch {
        return { file, ok: false, code: 'FILE_NOT_FOUND', message: 'Không đọc được tệp.', enrolmentChecked: lookup.kind === 'registry', sha256: '' } as Verdict & { file: string };
      }
      return { file, ...verifyPackageBytes(bytes, lookup) };
    });
    if (values.json) io.out(JSON.stringify(verdicts, null, 2));
    else {
      if (lookup.kind === 'self') io.out('Lưu ý: chỉ kiểm tra chữ ký với khóa ghi trong gói; khóa KHÔNG được đối chiếu với đăng ký (dùng --db của đơn vị thẩm định).');
      for (const v of verdicts) io.out(line(v));
    }
    return verdicts.every((v) => v.ok) ? 0 : 1;
  } finally {
    close();
  }
}
