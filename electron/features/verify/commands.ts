import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { verifyAgainstEnrolment } from './use-cases';
import type { Verdict } from './verify';
import { verifyPackageBytes } from './verify';

type FileVerdict = Verdict & { file: string };

function line(v: FileVerdict): string {
  if (!v.ok) return `TỪ CHỐI  ${v.file}  [${v.code}] ${v.message ?? ''}`;
  const what = v.type === 'commune-report' ? `${v.communeName} (${v.communeCode}) năm ${v.year}, lần ${v.revision}` : v.type;
  return `HỢP LỆ   ${v.file}  ${what} · khóa ${v.keyId}${v.enrolmentChecked ? ' (đã đăng ký)' : ''}`;
}

function readPackage(path: string): Uint8Array | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

export const verifyCommands: Commands = {
  verify: {
    help: `chiso verify [--json] [--db REVIEWER.sqlite] FILE...
  Kiểm tra cấu trúc và chữ ký của gói. Với --db của đơn vị thẩm định: khóa phải là khóa đã đăng ký
  cho xã đó và còn hiệu lực. Không có --db: chỉ kiểm tra với khóa ghi trong gói (KHÔNG đối chiếu
  đăng ký). Thoát 0 khi mọi tệp hợp lệ, 1 nếu có tệp bị từ chối. --json: mảng {file, ok, code, ...}.`,
    async run(args, env) {
      const { io } = env;
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, db: { type: 'string' } } });
      if (positionals.length === 0) throw new UsageError('verify cần ít nhất một tệp');
      const registry = values.db !== undefined;
      const files = positionals.map((file) => ({ file, bytes: readPackage(resolve(io.cwd, file)) }));
      const packages = files.flatMap((f) => (f.bytes ? [f.bytes] : []));
      const checked = registry
        ? await withApp(env, dbPath(values, io, { mustExist: true }), (app) => app.perform(verifyAgainstEnrolment, { packages }))
        : packages.map((bytes) => verifyPackageBytes(bytes, { kind: 'self' }));
      const verdicts: FileVerdict[] = files.map(({ file, bytes }) =>
        bytes ? { file, ...checked.shift()! } : { file, ok: false, code: 'FILE_NOT_FOUND', message: 'Không đọc được tệp.', enrolmentChecked: registry, sha256: '' },
      );
      if (values.json) io.out(JSON.stringify(verdicts, null, 2));
      else {
        if (!registry) io.out('Lưu ý: chỉ kiểm tra chữ ký với khóa ghi trong gói; khóa KHÔNG được đối chiếu với đăng ký (dùng --db của đơn vị thẩm định).');
        for (const v of verdicts) io.out(line(v));
      }
      return verdicts.every((v) => v.ok) ? 0 : 1;
    },
  },
};
