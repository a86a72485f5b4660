import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable, printableJson } from '../../../shared/text';
import { parseFramework } from '../../../shared/framework/validate';
import type { Commands } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { readJsonFile } from '../../kernel/files/user-files';
import { countItems } from './frameworks';

export const frameworkCommands: Commands = {
  framework: {
    help: `chiso framework validate FILE [--json]
  Kiểm tra một tệp bộ tiêu chí (JSON). Thoát với mã 0 khi hợp lệ, 1 khi có lỗi.`,
    // Pure validation: no database, so no runtime to start.
    async run(args, { io }) {
      const [sub, ...rest] = args;
      if (sub !== 'validate') throw new UsageError('lệnh con của framework: validate FILE');
      const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { json: { type: 'boolean' } } });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('framework validate cần đúng một tệp');
      const result = parseFramework(readJsonFile(resolve(io.cwd, file), 'framework'));
      if (values.json) {
        io.out(printableJson(JSON.stringify(result.ok ? { file, ok: true, issues: [] } : { file, ok: false, issues: result.issues })));
        return result.ok ? 0 : 1;
      }
      if (result.ok) {
        const f = result.framework;
        io.out(`Hợp lệ: ${printable(f.title)} — tỉnh ${printable(f.province.code)}, năm ${f.year}, phiên bản ${printable(f.version)}, ${f.fields.length} lĩnh vực, ${countItems(f)} tiêu chí thành phần${f.sample ? ' (MẪU THAM KHẢO)' : ''}`);
        return 0;
      }
      io.err(`Không hợp lệ: ${result.issues.length} lỗi trong ${printable(file)}`);
      for (const i of result.issues) io.err(`  - ${printable(i.path) || '(gốc)'}: ${printable(i.message)}`);
      return 1;
    },
  },
};
