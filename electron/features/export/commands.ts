import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { errorMessages } from '../../../shared/i18n/errors';
import { printable, printableJson } from '../../../shared/text';
import { registryResolver } from '../enrolment/enrolment';
import { EMAIL_SIZE_LIMIT, exportReport } from './export';
import { liveReportSources } from './report-sources-live';
import { unlockKey } from '../keys/keys';
import { requireIdentity } from '../setup/identity';
import { verifyPackageBytes, type NotChecked, type TrustMode, type Verdict } from '../verify/verify';
import { readUserFile } from '../../kernel/files/user-file';
import { openDatabase } from '../../kernel/db/open';
import { formatDetails } from '../setup/identity-lines';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';
import { cliKeyStore, passphraseFor } from '../../kernel/commands/passphrase';
import { CLI_APP_VERSION } from '../../app/cli/version';

export const exportHelp = `chiso export --db FILE --out DIR
  Xuất hồ sơ tự đánh giá đã ký (CCHC-<năm>-<mã xã>-r<lần>.json) vào thư mục/USB; in đường dẫn.`;

export const verifyHelp = `chiso verify [--json] [--db REVIEWER.sqlite] FILE...
  Kiểm tra gói như khi nhập: cấu trúc, chữ ký, nội dung, người gửi và tài liệu đính kèm. Với --db
  của đơn vị thẩm định (chỉ nhận hồ sơ của xã): khóa phải là khóa đã đăng ký cho đúng xã ghi trong
  gói và còn hiệu lực, gói phải gửi cho chính đơn vị này, xã thuộc tỉnh của đơn vị. Không có --db:
  chỉ kiểm tra với khóa ghi trong gói, in "CHƯA KIỂM TRA ĐĂNG KÝ" (không đối chiếu đăng ký, không
  kiểm tra đơn vị nhận). Thoát 0 khi không tệp nào bị từ chối, 1 nếu có.
  --json: mảng {file, ok, code, message, notChecked, ...}.`;

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
    io.out(printable(r.path));
    io.err(`Lần gửi ${r.revision} · ${r.size} byte · SHA-256 ${r.sha256}`);
    if (r.tooLargeForEmail) io.err(`Gói lớn hơn ${EMAIL_SIZE_LIMIT / 1024 / 1024} MB: thư điện tử thường từ chối; hãy chép bằng USB.`);
    return 0;
  } finally {
    services.close();
  }
}

const NOT_CHECKED: Record<NotChecked, string> = {
  enrolment: 'đăng ký khóa (khóa có đúng là khóa đã đăng ký của xã này không)',
  audience: 'đơn vị nhận (gói có gửi cho đơn vị thẩm định đang kiểm tra không)',
};
const INDENT = '         ';

/** A verdict for a person: HỢP LỆ only when every check an importer runs was run and passed. */
function lines(v: Verdict & { file: string }): string[] {
  const file = printable(v.file);
  if (!v.ok) {
    const details = formatDetails(v.details);
    return [`TỪ CHỐI  ${file}  [${v.code}] ${v.message ?? ''}`, ...(details ? [`${INDENT}Chi tiết: ${details}`] : [])];
  }
  const what =
    v.type === 'commune-report'
      ? `${printable(v.communeName ?? '')} (${printable(v.communeCode ?? '')}) năm ${v.year}, lần ${v.revision}`
      : printable(v.type ?? '');
  const key = `khóa ${printable(v.keyId ?? '')}`;
  if (v.notChecked.length === 0) {
    const bound = v.type === 'commune-report' ? ` (đã đăng ký cho xã ${printable(v.communeCode ?? '')}, gửi đúng đơn vị này)` : ' (đã đăng ký)';
    return [`HỢP LỆ   ${file}  ${what} · ${key}${bound}`];
  }
  const label = v.notChecked.includes('enrolment') ? 'CHƯA KIỂM TRA ĐĂNG KÝ' : 'CHƯA KIỂM TRA ĐƠN VỊ NHẬN';
  return [
    `${label}  ${file}  ${what} · ${key}`,
    `${INDENT}Gói nguyên vẹn (chữ ký, nội dung, tài liệu đính kèm đúng) nhưng CHƯA kiểm tra: ${v.notChecked.map((c) => NOT_CHECKED[c]).join('; ')}.`,
  ];
}

/** The reviewing unit whose database is given: its key registry and who it is (the audience). */
function reviewerTrust(io: CliIO, db: string): { trust: TrustMode; close(): void } {
  const dbPath = resolve(io.cwd, db);
  if (!existsSync(dbPath)) throw new AppError('FILE_NOT_FOUND', db);
  const handle = openDatabase(dbPath);
  try {
    const ctx = { db: handle, clock: { now: () => new Date() }, actor: () => 'chiso-cli' };
    const identity = requireIdentity(ctx);
    if (identity.role !== 'district') throw new AppError('WRONG_ROLE', 'verify --db needs a reviewing unit database');
    return {
      trust: { kind: 'registry', lookup: registryResolver(ctx), unit: { unitCode: identity.unitCode, provinceCode: identity.provinceCode || null } },
      close: () => handle.close(),
    };
  } catch (err) {
    handle.close();
    throw err;
  }
}

export async function verifyCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, db: { type: 'string' } } });
  if (positionals.length === 0) throw new UsageError('verify cần ít nhất một tệp');
  const reviewer = values.db ? reviewerTrust(io, values.db) : undefined;
  const trust: TrustMode = reviewer?.trust ?? { kind: 'self' };
  try {
    const verdicts = positionals.map((file): Verdict & { file: string } => {
      // One file's problem (missing, a FIFO, too large, or a fault of ours) never ends the batch.
      try {
        return { file, ...verifyPackageBytes(readUserFile(resolve(io.cwd, file), { kind: 'package' }), trust) };
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
        const registry = trust.kind === 'registry';
        return {
          file, ok: false, code: e.code, message: errorMessages.vi[e.code], enrolmentChecked: registry, audienceChecked: registry,
          notChecked: registry ? [] : ['enrolment', 'audience'], sha256: '', ...(e.details ? { details: e.details } : {}),
        };
      }
    });
    // JSON.stringify escapes C0 controls; printableJson the C1, bidi and invisible ones too.
    if (values.json) io.out(printableJson(JSON.stringify(verdicts, null, 2)));
    else {
      if (trust.kind === 'self') {
        io.out('Lưu ý: chỉ kiểm tra chữ ký với khóa ghi trong gói; khóa KHÔNG được đối chiếu với đăng ký và đơn vị nhận KHÔNG được kiểm tra (dùng --db của đơn vị thẩm định).');
      }
      for (const v of verdicts) for (const l of lines(v)) io.out(l);
    }
    return verdicts.every((v) => v.ok) ? 0 : 1;
  } finally {
    reviewer?.close();
  }
}
