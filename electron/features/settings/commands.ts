import { parseArgs } from 'node:util';
import type { CommuneDeadline } from '../../../shared/ipc/settings';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { parseViDate } from './deadline';
import { deadlineSentence } from './sentences';
import { deadline, setDeadline } from './use-cases';

const SUBCOMMANDS = ['set', 'clear', 'show'];

function show(year: number, d: CommuneDeadline | null): string {
  return d ? `Hạn gửi hồ sơ năm ${year}: ${deadlineSentence(d)}` : `Hạn gửi hồ sơ năm ${year}: chưa có (chưa nạp bộ tiêu chí Sở phát hành có hạn gửi, xã cũng chưa nhập).`;
}

export const settingsCommands: Commands = {
  deadline: {
    help: `chiso deadline set --db FILE [--year YYYY] DD/MM/YYYY     (xã)
chiso deadline clear --db FILE [--year YYYY]
chiso deadline show --db FILE [--year YYYY] [--json]
  Hạn gửi hồ sơ của năm (mặc định năm đang đánh giá) theo công văn của đơn vị thẩm định. Hạn ghi
  trong bộ tiêu chí Sở phát hành (tệp đã ký) được ưu tiên; hạn xã nhập dùng khi chưa có hạn đó.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của deadline: ${SUBCOMMANDS.join(', ')}`);
      const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } } });
      const path = dbPath(values, io, { mustExist: true });
      if (values.year !== undefined && !/^\d{4}$/u.test(values.year)) throw new UsageError('sai --year YYYY (ví dụ --year 2026)');
      const year = values.year === undefined ? undefined : Number(values.year);
      let date: string | null = null;
      if (sub === 'set') {
        if (positionals.length !== 1) throw new UsageError('deadline set cần đúng một ngày dạng DD/MM/YYYY (ví dụ 15/10/2026)');
        date = parseViDate(positionals[0]!);
        if (date === null) throw new UsageError(`"${positionals[0]}" không phải ngày dạng DD/MM/YYYY (ví dụ 15/10/2026)`);
      } else if (positionals.length > 0) throw new UsageError(`deadline ${sub} không nhận thêm đối số`);
      return withApp(env, path, async (app) => {
        const v = sub === 'show' ? await app.perform(deadline, { year }) : await app.perform(setDeadline, { year, date });
        if (values.json) io.out(JSON.stringify(v));
        else io.out(show(v.year, v.deadline));
        return 0;
      });
    },
  },
};
