import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Identity } from '../../../shared/identity';
import { formatIdentity } from './identity-lines';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices, readJsonArg } from '../../app/cli/open';
import { cliKeyStore } from '../../kernel/commands/passphrase';
import { createKey } from '../keys/keys';

export const initHelp = `chiso init --db FILE --role commune|reviewer --unit CODE --name NAME
           [--province CODE] [--reviewer CODE] [--level district|province]
           [--officer NAME] [--title TITLE] [--year YYYY] [--framework FILE]
  Thiết lập một cơ sở dữ liệu mới: vai trò, mã và tên đơn vị, tỉnh, đơn vị thẩm định, năm,
  bộ tiêu chí (mặc định: bộ tiêu chí mẫu đi kèm ứng dụng). --role district vẫn được chấp nhận (= reviewer).`;

export async function initCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      db: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      province: { type: 'string' },
      reviewer: { type: 'string' },
      level: { type: 'string' },
      officer: { type: 'string' },
      title: { type: 'string' },
      year: { type: 'string' },
      framework: { type: 'string' },
    },
  });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  // `district` was the reviewing role's name before the level became an attribute; scripts still pass it.
  const role = values.role === 'district' ? 'reviewer' : values.role;
  if (role !== 'commune' && role !== 'reviewer') throw new UsageError('--role phải là commune hoặc reviewer');
  if (!values.unit) throw new UsageError('thiếu --unit CODE');
  if (!values.name) throw new UsageError('thiếu --name NAME');
  const year = values.year ?? String(new Date().getFullYear());
  const common = {
    unitCode: values.unit,
    unitName: values.name,
    officerName: values.officer,
    officerTitle: values.title,
    year,
  };
  let setup: Record<string, unknown>;
  if (role === 'commune') {
    if (!values.province) throw new UsageError('xã cần --province CODE (mã tỉnh 2 chữ số)');
    setup = { role: 'commune', provinceCode: values.province, reviewerCode: values.reviewer ?? values.province, ...common };
  } else {
    const level = values.level ?? (values.unit.length === 2 ? 'province' : 'district');
    setup = { role: 'reviewer', level, provinceCode: values.province ?? (level === 'province' ? values.unit : ''), ...common };
  }
  const framework = values.framework ? await readJsonArg(values.framework, io) : undefined;
  const services = openServices(resolve(io.cwd, values.db));
  try {
    const identity: Identity = services.completeSetup(setup, framework);
    io.out(`Đã thiết lập ${values.db}`);
    for (const line of formatIdentity(identity)) io.out(line);
    const passphrase = io.env['CHISO_PASSPHRASE'];
    if (passphrase) {
      const key = await createKey(services.ctx, cliKeyStore(resolve(io.cwd, values.db)), passphrase);
      io.out(`  Khóa ký:      ${key.keyId}`);
      io.out(`  Dấu vân tay:  ${key.fingerprint}`);
    } else {
      io.out(`  Khóa ký:      chưa tạo. Tạo sau: CHISO_PASSPHRASE=... chiso keys create --db ${values.db}`);
    }
    return 0;
  } finally {
    services.close();
  }
}
