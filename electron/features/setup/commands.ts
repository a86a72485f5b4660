import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { keysContract } from '../../../shared/ipc/keys';
import { setupContract } from '../../../shared/ipc/setup';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { parseInput } from '../../kernel/validation';
import { readFramework } from '../framework/use-cases';
import { createKey } from '../keys/use-cases';
import { formatIdentity } from './identity-lines';
import { correctIdentity, setUp } from './use-cases';

export const setupCommands: Commands = {
  init: {
    help: `chiso init --db FILE --role commune|reviewer --unit CODE --name NAME
           [--province CODE] [--reviewer CODE] [--level district|province]
           [--officer NAME] [--title TITLE] [--year YYYY] [--framework FILE]
           [--unit-type xa|phuong|dac-khu|thi-tran]
  Thiết lập một cơ sở dữ liệu mới: vai trò, mã và tên đơn vị, tỉnh, đơn vị thẩm định, năm,
  bộ tiêu chí (mặc định: bộ tiêu chí mẫu đi kèm ứng dụng), loại đơn vị của xã (quyết định
  phương án chấm điểm theo loại trong bộ tiêu chí; bỏ trống thì dùng loại đầu tiên). --role district vẫn được chấp nhận (= reviewer).`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({
        args,
        strict: true,
        options: {
          db: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' },
          province: { type: 'string' }, reviewer: { type: 'string' }, level: { type: 'string' }, officer: { type: 'string' },
          title: { type: 'string' }, year: { type: 'string' }, framework: { type: 'string' }, 'unit-type': { type: 'string' },
        },
      });
      const path = dbPath(values, io);
      // `district` was the reviewing role's name before the level became an attribute; scripts still pass it.
      const role = values.role === 'district' ? 'reviewer' : values.role;
      if (role !== 'commune' && role !== 'reviewer') throw new UsageError('--role phải là commune hoặc reviewer');
      if (!values.unit) throw new UsageError('thiếu --unit CODE');
      if (!values.name) throw new UsageError('thiếu --name NAME');
      const common = { unitCode: values.unit, unitName: values.name, officerName: values.officer, officerTitle: values.title, year: values.year ?? String(new Date().getFullYear()) };
      let setup: Record<string, unknown>;
      if (role === 'commune') {
        if (!values.province) throw new UsageError('xã cần --province CODE (mã tỉnh 2 chữ số)');
        setup = { role, provinceCode: values.province, reviewerCode: values.reviewer ?? values.province, ...common, ...(values['unit-type'] ? { unitType: values['unit-type'] } : {}) };
      } else if (values['unit-type']) {
        throw new UsageError('--unit-type chỉ dùng cho xã/phường (--role commune)');
      } else {
        const level = values.level ?? (values.unit.length === 2 ? 'province' : 'district');
        setup = { role, level, provinceCode: values.province ?? (level === 'province' ? values.unit : ''), ...common };
      }
      // The same schema as the setup screen's channel: the input is parsed once, here.
      const input = parseInput(setupContract['setup:complete'].input, { setup });
      // The key's passphrase follows the same rule as on the keys screen; checked before anything is written.
      const passphrase = io.env['CHISO_PASSPHRASE'];
      const key = passphrase ? parseInput(keysContract['keys:create'].input, { passphrase }) : null;
      return withApp(env, path, async (app) => {
        const framework = values.framework ? await app.perform(readFramework, { path: resolve(io.cwd, values.framework) }) : undefined;
        const identity = await app.perform(setUp, { setup: input.setup, framework });
        io.out(`Đã thiết lập ${printable(values.db ?? '')}`);
        for (const line of formatIdentity(identity)) io.out(line);
        if (key) {
          const created = await app.perform(createKey, key);
          io.out(`  Khóa ký:      ${created.keyId}`);
          io.out(`  Dấu vân tay:  ${created.fingerprint}`);
        } else {
          io.out(`  Khóa ký:      chưa tạo. Tạo sau: CHISO_PASSPHRASE=... chiso keys create --db ${printable(values.db ?? '')}`);
        }
        return 0;
      });
    },
  },
  setup: {
    help: `chiso setup correct --db FILE [--name NAME] [--unit CODE] [--province CODE] [--reviewer CODE]
           [--officer NAME] [--title TITLE] [--year YYYY] [--unit-type xa|phuong|dac-khu|thi-tran] [--reason "LÝ DO"]
  Sửa thông tin thiết lập gõ nhầm (tên, mã đơn vị, mã tỉnh, đơn vị thẩm định, người phụ trách, năm, loại đơn vị).
  Sau khi đã xuất hồ sơ, mỗi lần sửa cần --reason; thay đổi được ghi vào nhật ký và hồ sơ gửi sau mang giá trị mới.
  --officer "" hoặc --title "" để xóa.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (sub !== 'correct') throw new UsageError('chiso setup correct --db FILE …');
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          db: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, province: { type: 'string' },
          reviewer: { type: 'string' }, officer: { type: 'string' }, title: { type: 'string' }, year: { type: 'string' },
          reason: { type: 'string' }, 'unit-type': { type: 'string' },
        },
      });
      const path = dbPath(values, io);
      const given = {
        unitName: values.name, unitCode: values.unit, provinceCode: values.province, reviewerCode: values.reviewer,
        officerName: values.officer, officerTitle: values.title, year: values.year, unitType: values['unit-type'], reason: values.reason,
      };
      const correction = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      if (Object.keys(correction).filter((k) => k !== 'reason').length === 0)
        throw new UsageError('không có gì để sửa: cho ít nhất một trong --name --unit --province --reviewer --officer --title --year --unit-type');
      const input = parseInput(setupContract['setup:correct'].input, correction);
      return withApp(env, path, async (app) => {
        const identity = await app.perform(correctIdentity, input);
        io.out(`Đã sửa thông tin thiết lập ${printable(values.db ?? '')}`);
        for (const line of formatIdentity(identity)) io.out(line);
        return 0;
      });
    },
  },
};
