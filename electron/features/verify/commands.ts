import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { printable, printableJson } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { readUserFile } from '../../kernel/files/user-file';
import { formatDetails } from '../setup/identity-lines';
import type { PackageRead } from './use-cases';
import { verifyAgainstEnrolment, verifySelf } from './use-cases';
import type { NotChecked, Verdict } from './verify';

type FileVerdict = Verdict & { file: string };

const NOT_CHECKED: Record<NotChecked, string> = {
  enrolment: 'đăng ký khóa (khóa có đúng là khóa đã đăng ký của xã này không)',
  audience: 'đơn vị nhận (gói có gửi cho đơn vị thẩm định đang kiểm tra không)',
};
const INDENT = '         ';

/** A verdict for a person: HỢP LỆ only when every check an importer runs was run and passed. */
function lines(v: FileVerdict): string[] {
  const file = printable(v.file);
  if (!v.ok) {
    const details = formatDetails(v.details);
    return [`TỪ CHỐI  ${file}  [${printable(v.code ?? '')}] ${printable(v.message ?? '')}`, ...(details ? [`${INDENT}Chi tiết: ${details}`] : [])];
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

/** Each file through the bounded reader; a file that cannot be read is that file's refusal, not the batch's end. */
function readPackage(path: string): PackageRead {
  try {
    return { bytes: readUserFile(path, { kind: 'package' }) };
  } catch (err) {
    return { error: err instanceof AppError ? err : new AppError('INTERNAL', String(err)) };
  }
}

export const verifyCommands: Commands = {
  verify: {
    help: `chiso verify [--json] [--db REVIEWER.sqlite] FILE...
  Kiểm tra gói như khi nhập: cấu trúc, chữ ký, nội dung, người gửi và tài liệu đính kèm. Với --db
  của đơn vị thẩm định (chỉ nhận hồ sơ của xã): khóa phải là khóa đã đăng ký cho đúng xã ghi trong
  gói và còn hiệu lực, gói phải gửi cho chính đơn vị này, xã thuộc tỉnh của đơn vị. Không có --db:
  chỉ kiểm tra với khóa ghi trong gói, in "CHƯA KIỂM TRA ĐĂNG KÝ" (không đối chiếu đăng ký, không
  kiểm tra đơn vị nhận). Thoát 0 khi không tệp nào bị từ chối, 1 nếu có.
  --json: mảng {file, ok, code, message, notChecked, ...}.`,
    async run(args, env) {
      const { io } = env;
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, db: { type: 'string' } } });
      if (positionals.length === 0) throw new UsageError('verify cần ít nhất một tệp');
      const registry = values.db !== undefined;
      const path = registry ? dbPath(values, io, { mustExist: true }) : null;
      const packages = positionals.map((file) => readPackage(resolve(io.cwd, file)));
      const checked = path !== null ? await withApp(env, path, (app) => app.perform(verifyAgainstEnrolment, { packages })) : verifySelf(packages);
      const verdicts: FileVerdict[] = positionals.map((file, i) => ({ file, ...checked[i]! }));
      // JSON.stringify escapes C0 controls; printableJson the C1, bidi and invisible ones too.
      if (values.json) io.out(printableJson(JSON.stringify(verdicts, null, 2)));
      else {
        if (!registry) {
          io.out('Lưu ý: chỉ kiểm tra chữ ký với khóa ghi trong gói; khóa KHÔNG được đối chiếu với đăng ký và đơn vị nhận KHÔNG được kiểm tra (dùng --db của đơn vị thẩm định).');
        }
        for (const v of verdicts) for (const l of lines(v)) io.out(l);
      }
      return verdicts.every((v) => v.ok) ? 0 : 1;
    },
  },
};
