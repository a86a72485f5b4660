import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { printable, printableJson } from '../../../shared/text';
import { formatPoints } from '../../../shared/framework/points';
import type { Framework } from '../../../shared/framework/schema';
import { parseFramework } from '../../../shared/framework/validate';
import { sampleFramework } from '../../../shared/framework/sample';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { keyPassphrase } from '../keys/commands';
import { requireIdentity } from '../setup/identity';
import type { FrameworkFileIssue, FrameworkFileResult } from './framework-file';
import { readFrameworkSource, requireValid } from './framework-file';
import { countItems } from './frameworks';
import { importAtCommune, installAtReviewer, listInstalled, publish } from './signed';
import { viDay } from '../settings/sentences';
import { writeFrameworkWorkbook } from './xlsx';

const SUBCOMMANDS = ['validate', 'template', 'import', 'publish', 'list'];

function describe(f: Framework): string {
  return `${printable(f.title)} — tỉnh ${printable(f.province.code)}, năm ${f.year}, phiên bản ${printable(f.version)}, ${f.fields.length} lĩnh vực, ${countItems(f)} tiêu chí thành phần, tổng ${formatPoints(f.totalMax)} điểm${f.sample ? ' (MẪU THAM KHẢO)' : ''}`;
}

/** A signed package's framework, unverified (validate needs no database, so checks content only). */
function packageContent(r: Extract<FrameworkFileResult, { form: 'package' }>): { ok: true; framework: Framework } | { ok: false; issues: FrameworkFileIssue[] } {
  const fw = (r.unverifiedPayload['framework'] as { content?: unknown } | undefined)?.content;
  const p = parseFramework(fw);
  return p.ok ? p : { ok: false, issues: p.issues.map((i) => ({ place: `framework.content.${i.path}`, path: i.path, message: i.message })) };
}

async function validate(io: CliIO, file: string, json: boolean): Promise<number> {
  const source = await readFrameworkSource(resolve(io.cwd, file));
  const result = source.form === 'package' ? packageContent(source) : source;
  if (json) {
    io.out(printableJson(JSON.stringify(result.ok ? { file, form: source.form, ok: true, issues: [] } : { file, form: source.form, ok: false, issues: result.issues })));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    io.out(`Hợp lệ: ${describe(result.framework)}`);
    if (source.form === 'package') io.out('  (tệp có chữ ký: chữ ký được kiểm tra khi nhập bằng chiso framework import)');
    return 0;
  }
  io.err(`Không hợp lệ: ${result.issues.length} lỗi trong ${printable(file)}`);
  for (const i of result.issues) io.err(`  - ${printable(i.place) || '(gốc)'}: ${printable(i.message)}`);
  return 1;
}

export const frameworkCommands: Commands = {
  framework: {
    help: `chiso framework validate FILE [--json]
  Kiểm tra một bộ tiêu chí: tệp JSON, bảng tính .xlsx (lỗi chỉ ra theo trang, dòng, cột) hoặc tệp
  có chữ ký. Thoát với mã 0 khi hợp lệ, 1 khi có lỗi.
chiso framework template --out FILE.xlsx [--from FRAMEWORK]
  Ghi bảng tính mẫu để soạn bộ tiêu chí (bộ mẫu tham khảo, hoặc bộ tiêu chí trong --from).
chiso framework import --db FILE FRAMEWORK
  Đơn vị thẩm định: thêm bộ tiêu chí (JSON, .xlsx hoặc tệp do chính đơn vị ký); các phiên bản
  cùng tồn tại. Xã: chỉ nhận tệp có chữ ký của đơn vị thẩm định đã ghi nhận, đúng tỉnh và năm, rồi
  áp dụng (chuyển số liệu theo mã; mục không còn được giữ ở bộ cũ và liệt kê).
chiso framework publish --db FILE --framework ID [--version V] --out DIR
  Đơn vị thẩm định: ký bộ tiêu chí bằng khóa của đơn vị và ghi tệp CCHC-FRAMEWORK-….json.
chiso framework list --db FILE [--json]
  Các bộ tiêu chí đã cài (mọi năm, mọi phiên bản).`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của framework: ${SUBCOMMANDS.join(', ')}`);
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, out: { type: 'string' }, from: { type: 'string' }, db: { type: 'string' }, framework: { type: 'string' }, version: { type: 'string' } },
      });
      const file = positionals[0];
      if (sub === 'validate') {
        // Pure validation: no database, so no runtime to start.
        if (!file || positionals.length > 1) throw new UsageError('framework validate cần đúng một tệp');
        return validate(io, file, values.json === true);
      }
      if (sub === 'template') {
        if (!values.out) throw new UsageError('thiếu --out FILE.xlsx');
        const fw = values.from ? requireValid(await readFrameworkSource(resolve(io.cwd, values.from))) : (parseFramework(sampleFramework) as { ok: true; framework: Framework }).framework;
        const out = resolve(io.cwd, values.out);
        await writeFrameworkWorkbook(fw, out);
        io.out(printable(out));
        return 0;
      }
      const path = dbPath(values, io, { mustExist: true });
      return withApp(env, path, async (app) => {
        if (sub === 'list') {
          const rows = await app.perform(listInstalled, undefined);
          if (values.json) {
            io.out(printableJson(JSON.stringify(rows)));
            return 0;
          }
          if (rows.length === 0) io.out('Chưa cài bộ tiêu chí nào.');
          for (const r of rows) {
            io.out(`${r.inUse ? '*' : ' '} ${printable(r.id)}  v${printable(r.version)}  năm ${r.year}  tỉnh ${printable(r.provinceCode)}  ${r.sha256.slice(0, 16)}  ${printable(r.title)}${r.sample ? ' (mẫu)' : ''}`);
          }
          return 0;
        }
        if (sub === 'import') {
          if (!file || positionals.length > 1) throw new UsageError('framework import cần đúng một tệp bộ tiêu chí');
          const source = await readFrameworkSource(resolve(io.cwd, file));
          if (requireIdentity(app.ctx).role === 'commune') {
            if (source.form !== 'package') {
              throw new AppError('FRAMEWORK_UNSIGNED', 'a commune imports signed frameworks only', { form: source.form });
            }
            const r = await app.perform(importAtCommune, { bytes: source.bytes });
            io.out(`Đã nhận và áp dụng: ${printable(r.framework.title)} phiên bản ${printable(r.framework.version)} (SHA-256 ${r.framework.sha256.slice(0, 16)}…)`);
            io.out(`  Ký bởi: ${printable(r.publisher.name)} (${printable(r.publisher.code)}), khóa ${printable(r.publisher.keyId)}`);
            if (r.supersedes) io.out(`  Thay cho phiên bản ${printable(r.supersedes.version)}`);
            if (r.deadline) io.out(`  Hạn gửi hồ sơ theo bộ tiêu chí: ${viDay(r.deadline)}`);
            io.out(`  Số liệu chuyển sang: ${r.carried.length} mục${r.carried.length ? ` (${r.carried.map(printable).join(', ')})` : ''}`);
            if (r.dropped.length) {
              io.out(`  Giữ lại ở bộ tiêu chí cũ (không chuyển được, vẫn còn nguyên): ${r.dropped.length} mục`);
              for (const d of r.dropped) io.out(`    - ${printable(d.code)}: ${DROP_REASONS[d.reason]}`);
            }
            return 0;
          }
          const r = await app.perform(installAtReviewer, { file: source });
          io.out(`${r.added ? 'Đã thêm' : 'Đã có sẵn'}: ${printable(r.title)} (${printable(r.id)}) phiên bản ${printable(r.version)}, năm ${r.year}, SHA-256 ${r.sha256}`);
          return 0;
        }
        // publish
        if (!values.framework) throw new UsageError('thiếu --framework ID');
        const r = await app.perform(publish, { id: values.framework, version: values.version, keyPassphrase: await keyPassphrase(app, io), folder: outArg(io, values.out) });
        io.out(printable(r!.path));
        io.out(`  ${printable(r!.framework.id)} phiên bản ${printable(r!.framework.version)}, SHA-256 ${r!.framework.sha256}${r!.supersedes ? `, thay cho phiên bản ${printable(r!.supersedes.version)}` : ''}`);
        io.out(r!.deadline ? `  Kèm hạn gửi hồ sơ năm ${r!.framework.year}: ${viDay(r!.deadline)}` : '  Không kèm hạn gửi hồ sơ (chưa đặt: chiso communes deadline)');
        return 0;
      });
    },
  },
};

const DROP_REASONS: Record<string, string> = {
  ITEM_GONE: 'không còn trong bộ tiêu chí mới',
  RULE_CHANGED: 'cách chấm đã đổi, cần nhập lại',
  LEVEL_GONE: 'mức đã chọn không còn',
  NA_NOT_ALLOWED: 'không còn được đánh dấu "không áp dụng"',
};
