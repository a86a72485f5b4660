import { resolve } from 'node:path';
import { overrideLines } from '../../../shared/package/completeness-notes';
import { parseArgs } from 'node:util';
import type { AppraisalState } from '../../../shared/appraisal/types';
import { AppError } from '../../../shared/errors';
import { appraisalContract, scoresFileSchema, type ScoresFile } from '../../../shared/ipc/appraisal';
import { issuesVi, safeParseVi } from '../../../shared/package/issues';
import { parseStrictJson } from '../../../shared/package/strict-json';
import { viHundredths } from '../../../shared/report/format';
import { printable, printableJson } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { readUserFile } from '../../kernel/files/user-file';
import { parseInput } from '../../kernel/validation';
import { keyPassphrase } from '../keys/commands';
import { comparisonLines } from './compare-lines';
import { acceptSelf, answer, assign, compare, decide, exportResult, fieldDone, importResult, lock, openCommune, owed } from './use-cases';

/** The documented scores file (docs/appraisal-format.md), read through the bounded reader and parsed once. */
export function readScoresFile(io: CliIO, file: string): ScoresFile {
  const bytes = readUserFile(resolve(io.cwd, file), { kind: 'entries' });
  const parsed = parseStrictJson(bytes.toString('utf8'));
  if (!parsed.ok) throw new AppError('APPRAISAL_SCORES_INVALID', 'not JSON', { reason: parsed.reason, line: parsed.line, column: parsed.column });
  const r = safeParseVi(scoresFileSchema, parsed.value);
  if (!r.success) throw new AppError('APPRAISAL_SCORES_INVALID', 'schema', { issues: issuesVi(r.error) });
  return r.data;
}

function communeArg(v: string | undefined): string {
  if (!v || !/^[0-9]{5}$/u.test(v)) throw new UsageError('thiếu hoặc sai --commune CODE (5 chữ số)');
  return v;
}

function yearArg(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/u.test(v) || Number(v) < 2000 || Number(v) > 2100) throw new UsageError('--year phải là năm trong khoảng 2000–2100');
  return Number(v);
}

export function summaryLines(s: AppraisalState): string[] {
  const m = s.summary;
  return [
    `${printable(s.communeName)} (${s.communeCode}) năm ${s.year} · vòng ${s.round} · hồ sơ lần ${s.revision}${s.locked ? ` · ĐÃ KHÓA (${printable(s.locked.lockedBy)}, ${s.locked.lockedAt})` : ''}`,
    `Đã thẩm định ${m.appraised}/${m.items} tiêu chí · còn ${m.stillAtSelfScore} tiêu chí giữ điểm tự chấm (chưa thẩm định) · ${m.differs} khác điểm tự chấm · ${m.requests} yêu cầu`,
    `Điểm tự chấm ${viHundredths(m.selfPoints)} · điểm thẩm định ${viHundredths(m.appraisedPoints)}${m.stillAtSelfScore ? ` (trong đó ${m.stillAtSelfScore} tiêu chí chưa thẩm định được tính theo điểm tự chấm)` : ''}`,
    ...(s.newerRevision ? [`Đã nhận hồ sơ lần ${s.newerRevision}, mới hơn lần đang thẩm định.`] : []),
    ...overrideLines(s.completeness, 'vi'),
  ];
}

export const appraisalCommands: Commands = {
  appraise: {
    help: `chiso appraise --db FILE --commune CODE (--accept-self | --scores FILE.json) [--year YYYY] [--json]
chiso appraise status|lock --db FILE --commune CODE [--year YYYY] [--json]
chiso appraise assign --db FILE --field CODE (--appraiser NAME | --none)
chiso appraise done|undone --db FILE --commune CODE --field CODE
chiso appraise owed --db FILE [--year YYYY] [--json]                      (đơn vị thẩm định)
  Thẩm định hồ sơ của xã. --accept-self: chấp nhận điểm tự chấm cho mọi tiêu chí chưa thẩm định
  (trừ tiêu chí có điểm tính lại khác điểm kê khai: cần xem từng tiêu chí). --scores: tệp JSON điểm
  thẩm định, nhận xét, yêu cầu giải trình/bổ sung tài liệu (docs/appraisal-format.md); sai một mục thì
  không ghi mục nào. Luôn cho biết còn bao nhiêu tiêu chí giữ điểm tự chấm. lock: khóa và phê duyệt
  kết quả (bị từ chối khi còn tiêu chí chưa thẩm định). assign/done/owed: phân công lĩnh vực, đánh
  dấu xong, ai còn nợ phần nào.`,
    async run(args, env) {
      const { io } = env;
      const sub = args[0] && !args[0].startsWith('-') ? args[0] : null;
      const { values } = parseArgs({
        args: sub ? args.slice(1) : args,
        strict: true,
        options: {
          db: { type: 'string' }, commune: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' }, 'accept-self': { type: 'boolean' }, scores: { type: 'string' },
          field: { type: 'string' }, appraiser: { type: 'string' }, none: { type: 'boolean' },
        },
      });
      const path = dbPath(values, io, { mustExist: true });
      const year = yearArg(values.year);
      const print = (s: AppraisalState) => {
        if (values.json) io.out(printableJson(JSON.stringify(s, null, 2)));
        else for (const l of summaryLines(s)) io.out(l);
      };
      if (sub === 'owed' || sub === 'assign') {
        return withApp(env, path, async (app) => {
          if (sub === 'assign') {
            if (!values.field || (!values.appraiser && !values.none)) throw new UsageError('assign cần --field CODE và --appraiser NAME (hoặc --none)');
            const input = parseInput(appraisalContract['appraisal:assign'].input, { year, fieldCode: values.field, appraiser: values.none ? null : values.appraiser });
            for (const a of await app.perform(assign, input)) io.out(`${printable(a.fieldCode).padEnd(6)} ${printable(a.fieldTitle)}: ${a.appraiser ? printable(a.appraiser) : '(chưa phân công)'}`);
            return 0;
          }
          const board = await app.perform(owed, { year });
          if (values.json) io.out(printableJson(JSON.stringify(board, null, 2)));
          else {
            for (const r of board) {
              const owing = r.communes.filter((c) => !c.done).map((c) => c.code);
              io.out(`${printable(r.fieldCode).padEnd(6)} ${r.appraiser ? printable(r.appraiser) : '(chưa phân công)'}: ${r.owing ? `còn ${r.owing} xã (${owing.join(', ')})` : 'xong'}`);
            }
          }
          return 0;
        });
      }
      const communeCode = communeArg(values.commune);
      if (sub === null && [values['accept-self'] === true, values.scores !== undefined].filter(Boolean).length !== 1) throw new UsageError('cần đúng một trong --accept-self hoặc --scores FILE.json');
      if (sub !== null && !['status', 'lock', 'done', 'undone'].includes(sub)) throw new UsageError('lệnh con của appraise: status, lock, assign, done, undone, owed');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'status':
            print(await app.perform(openCommune, { communeCode, year }));
            return 0;
          case 'lock':
            print(await app.perform(lock, { communeCode, year }));
            return 0;
          case 'done':
          case 'undone': {
            if (!values.field) throw new UsageError('thiếu --field CODE');
            await app.perform(fieldDone, { communeCode, year, fieldCode: values.field, done: sub === 'done' });
            io.out(`Lĩnh vực ${printable(values.field)} của xã ${communeCode}: ${sub === 'done' ? 'đã xong' : 'mở lại'}.`);
            return 0;
          }
          default: {
            if (values['accept-self']) {
              const r = await app.perform(acceptSelf, { communeCode, year });
              print(r.state);
              if (!values.json) io.err(`Đã chấp nhận điểm tự chấm của ${r.accepted} tiêu chí.${r.skippedFlagged.length ? ` Bỏ qua ${r.skippedFlagged.length} tiêu chí có điểm tính lại khác kê khai (${r.skippedFlagged.join(', ')}): cần thẩm định từng tiêu chí.` : ''}`);
              return 0;
            }
            const scores = readScoresFile(io, values.scores!);
            print(await app.perform(decide, { communeCode, year, decisions: scores.items }));
            return 0;
          }
        }
      });
    },
  },
  appraisal: {
    help: `chiso appraisal export --db FILE --commune CODE --out DIR [--year YYYY]   (đơn vị thẩm định)
chiso appraisal import --db FILE RESULT.json                             (xã)
chiso appraisal answer --db FILE --item CODE --text "TRẢ LỜI"            (xã)
  export: gói kết quả thẩm định đã ký (điểm, nhận xét, yêu cầu, lần gửi được thẩm định) cho xã.
  import: xã nhập kết quả, chỉ chấp nhận tệp ký bằng khóa đơn vị thẩm định đã ghi nhận, đúng xã, đúng năm.
  answer: xã trả lời yêu cầu giải trình / bổ sung của một tiêu chí (--text "" xóa câu trả lời);
  câu trả lời đi kèm hồ sơ xuất lần sau.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' }, commune: { type: 'string' }, out: { type: 'string' }, year: { type: 'string' }, item: { type: 'string' }, text: { type: 'string' } },
      });
      const path = dbPath(values, io, { mustExist: true });
      if (sub === 'export') {
        const communeCode = communeArg(values.commune);
        const year = yearArg(values.year);
        const folder = outArg(io, values.out);
        return withApp(env, path, async (app) => {
          const input = parseInput(appraisalContract['appraisal:export'].input, { communeCode, year, keyPassphrase: await keyPassphrase(app, io) });
          const r = (await app.perform(exportResult, { ...input, folder }))!;
          io.out(printable(r.path));
          io.err(`Vòng ${r.round} · trả lời hồ sơ lần ${r.revision} · ${r.requests} yêu cầu · ${r.stillAtSelfScore} tiêu chí chưa thẩm định${r.locked ? ' · KẾT QUẢ ĐÃ KHÓA' : ''}`);
          return 0;
        });
      }
      if (sub === 'import') {
        if (positionals.length !== 1) throw new UsageError('import cần đúng một tệp RESULT.json');
        const file = resolve(io.cwd, positionals[0]!);
        return withApp(env, path, async (app) => {
          const r = await app.perform(importResult, { path: file });
          io.out(`${r.outcome === 'accepted' ? 'ĐÃ NHẬN' : 'ĐÃ CÓ (đã nhập trước đây; không có gì thay đổi)'} kết quả thẩm định vòng ${r.round} cho hồ sơ lần ${r.answersRevision}: ${r.comments} nhận xét, ${r.requests} yêu cầu${r.locked ? ' · KẾT QUẢ ĐÃ KHÓA' : ''}`);
          return 0;
        });
      }
      if (sub === 'answer') {
        if (!values.item || values.text === undefined) throw new UsageError('answer cần --item CODE --text "TRẢ LỜI"');
        const input = parseInput(appraisalContract['appraisal:answer'].input, { itemCode: values.item, answer: values.text.trim() === '' ? null : values.text });
        return withApp(env, path, async (app) => {
          await app.perform(answer, input);
          io.out(input.answer === null ? `Đã xóa câu trả lời của tiêu chí ${printable(input.itemCode)}.` : `Đã ghi câu trả lời cho tiêu chí ${printable(input.itemCode)}; câu trả lời đi kèm hồ sơ xuất lần sau.`);
          return 0;
        });
      }
      throw new UsageError('lệnh con của appraisal: export, import, answer');
    },
  },
  diff: {
    help: `chiso diff --db FILE --commune CODE [--from REV --to REV] [--year YYYY] [--json]   (đơn vị thẩm định)
  So sánh hai lần gửi hồ sơ của xã (không ghi --from/--to: lần mới nhất với lần ngay trước).
  Mỗi lần gửi: ngày nhận (theo ngày Việt Nam), đúng hạn hay sau hạn gửi của năm, tổng điểm và
  chỉ số xã tự chấm bên cạnh điểm tính lại theo bộ tiêu chí khi hai số khác nhau, và lần gửi nào
  bị đánh dấu lệch khi nhận. Rồi từng tiêu chí thay đổi: số liệu, điểm, tệp kiểm chứng, thuyết
  minh (kèm "xã tự chấm · tính lại" khi hai số khác nhau).`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, commune: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } } });
      const path = dbPath(values, io, { mustExist: true });
      const communeCode = communeArg(values.commune);
      const rev = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined;
        if (!/^[1-9]\d{0,8}$/u.test(v)) throw new UsageError(`sai --${name} REV (số lần gửi, từ 1)`);
        return Number(v);
      };
      const from = rev(values.from, 'from');
      const to = rev(values.to, 'to');
      if ((from === undefined) !== (to === undefined)) throw new UsageError('ghi cả --from REV và --to REV, hoặc không ghi cả hai (so lần mới nhất với lần ngay trước)');
      const year = yearArg(values.year);
      return withApp(env, path, async (app) => {
        const c = await app.perform(compare, { communeCode, year, from, to });
        if (values.json) io.out(printableJson(JSON.stringify(c, null, 2)));
        else for (const l of comparisonLines(c)) io.out(l);
        return 0;
      });
    },
  },
};
