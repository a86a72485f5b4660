/**
 * A folder with a commune's and a reviewing unit's databases and one valid file of every kind the
 * app reads, made through the command line as a person would, for the hostile-file tests to damage.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/app/cli/chiso';
import type { CliIO } from '../../../electron/kernel/commands/io';
import { TEST_SCRYPT } from '../../helpers/app';
import type { UserFileKind } from '../../../electron/kernel/files/user-file';
import { verifyEnrolmentRequest } from '../../../electron/kernel/signing/enrolment';
import type { FileForm } from './mutations';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ENV = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026', CHISO_BACKUP_PASSPHRASE: 'sao lưu thử nghiệm 2026', CHISO_NEW_PASSPHRASE: 'mật khẩu mới 2026' };

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(dir: string, argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: ENV, cwd: dir };
  const code = await runCli(argv, io, { keyScrypt: TEST_SCRYPT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function must(dir: string, argv: string[]): Promise<CliRun> {
  const r = await cli(dir, argv);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} → ${r.code}\n${r.out}\n${r.err}`);
  return r;
}

/** One reader: how to call it on a file, and the valid file its hostile variants start from. */
export interface Reader {
  name: string;
  form: FileForm;
  ext: string;
  seed: Buffer;
  /** The command line reading `file`; `db` is the database it may change (relative to the folder). */
  argv: (file: string) => string[];
  db?: string;
  /** The bounded reader's kind: its size limit. */
  kind: UserFileKind;
  /** Tables a refusal writes to by design (the import log keeps one row per refused file). */
  refusalLog?: string[];
  /** A folder is a valid argument (import walks it for packages). */
  takesFolders?: true;
  /**
   * A refusal too generic for a damaged file, which must get its own code (NOT_JSON,
   * SIGNATURE_INVALID…); allowed only for a file `valid` takes (then it is about the other input).
   */
  notGeneric?: { code: string; valid: (bytes: Buffer) => boolean };
}

async function xlsxFromRows(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trang 1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const golden = (name: string): Buffer => readFileSync(join(ROOT, 'test/golden', `${name}.json`));
const example = (name: string): Buffer => readFileSync(join(ROOT, 'docs/examples', name));

/** Builds the folder: xa.sqlite (commune, with a key), so.sqlite (reviewer), and the seeds. */
export async function buildWorld(dir: string): Promise<Reader[]> {
  mkdirSync(join(dir, 'usb'));
  mkdirSync(join(dir, 'keys'));
  mkdirSync(join(dir, 'all'));
  await must(dir, ['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--reviewer', '49', '--year', '2026']);
  await must(dir, ['init', '--db', 'so.sqlite', '--role', 'reviewer', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026']);
  await must(dir, ['keys', 'backup', '--db', 'xa.sqlite', '--out', 'keys']);
  const keyBackup = readFileSync(join(dir, 'keys', readdirSync(join(dir, 'keys'))[0]!));
  // The commune enrols with its reviewing unit (both fingerprints checked, as on paper), so files
  // only an enrolled commune reads (an appraisal result, a signed framework) reach their parsers.
  const fp = (text: string): string => /Dấu vân tay:\s+([0-9A-Z-]+)/u.exec(text)![1]!;
  const requested = await must(dir, ['enrol', 'request', '--db', 'xa.sqlite', '--out', 'usb', '--officer', 'Nguyễn Thị Hoa', '--title', 'Công chức Văn phòng - Thống kê']);
  const request = requested.out.split('\n')[0]!;
  // A second copy of the commune, its request pending: where the approval (and a key backup) is taken.
  copyFileSync(join(dir, 'xa.sqlite'), join(dir, 'xa2.sqlite'));
  const reviewerFp = fp((await must(dir, ['keys', 'show', '--db', 'so.sqlite'])).out);
  await must(dir, ['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', fp(requested.out), request]);
  const approvalName = readdirSync(join(dir, 'usb')).find((f) => f.startsWith('CCHC-APPROVAL-'))!;
  const approval = readFileSync(join(dir, 'usb', approvalName));
  await must(dir, ['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', reviewerFp, join('usb', approvalName)]);
  await must(dir, ['framework', 'template', '--out', 'khung.xlsx']);
  await must(dir, ['survey', 'template', '--db', 'xa.sqlite', 'phieu-mau.xlsx']);
  await must(dir, ['backup', 'export-all', '--db', 'xa2.sqlite', '--out', 'all']);
  const whole = readFileSync(join(dir, 'all', readdirSync(join(dir, 'all')).find((f) => f.endsWith('.cchc-all'))!));
  const surveyCsv = example('sample-survey-forms.csv');
  const roster = '\uFEFFMã,Tên,Loại\r\n26734,Xã Bình Đào,Xã\r\n00004,Phường Ba Đình,Phường\r\n';
  const history = '\uFEFFMã,Tên,Chỉ số,Nhóm\r\n00001,Bình Minh,"78,5",Nhóm 2\r\n00007,Tam Anh,69.00%,\r\n';
  const rosterXlsx = await xlsxFromRows([['Mã', 'Tên', 'Loại'], ['26734', 'Xã Bình Đào', 'Xã'], ['00004', 'Phường Ba Đình', 'Phường']]);
  const historyXlsx = await xlsxFromRows([['Mã', 'Tên', 'Chỉ số', 'Nhóm'], ['00001', 'Bình Minh', 78.5, 'Nhóm 2']]);
  const rows = surveyCsv.toString('utf8').replace(/^\uFEFF/u, '').split(/\r?\n/u).filter(Boolean).map((l) => l.split(','));
  const surveyXlsx = await xlsxFromRows(rows);
  return [
    { name: 'entries (load)', kind: 'entries', form: 'json', ext: 'json', seed: example('sample-entries.json'), argv: (f) => ['load', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'survey forms JSON', kind: 'survey', form: 'json', ext: 'json', seed: example('sample-survey-forms.json'), argv: (f) => ['survey', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'survey forms CSV', kind: 'survey', form: 'csv', ext: 'csv', seed: surveyCsv, argv: (f) => ['survey', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'survey forms xlsx', kind: 'survey', form: 'xlsx', ext: 'xlsx', seed: surveyXlsx, argv: (f) => ['survey', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'framework JSON (validate)', kind: 'framework', form: 'json', ext: 'json', seed: example('sample-framework.json'), argv: (f) => ['framework', 'validate', f] },
    { name: 'framework JSON (import)', kind: 'framework', form: 'json', ext: 'json', seed: example('sample-framework.json'), argv: (f) => ['framework', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: 'framework xlsx', kind: 'framework', form: 'xlsx', ext: 'xlsx', seed: readFileSync(join(dir, 'khung.xlsx')), argv: (f) => ['framework', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: 'signed framework', kind: 'framework', form: 'json', ext: 'json', seed: golden('framework'), argv: (f) => ['framework', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'framework at init', kind: 'framework', form: 'json', ext: 'json', seed: example('sample-framework.json'), argv: (f) => ['init', '--db', 'moi.sqlite', '--role', 'commune', '--unit', '26735', '--name', 'Xã Mới', '--province', '49', '--year', '2026', '--framework', f] },
    { name: 'roster CSV', kind: 'roster', form: 'csv', ext: 'csv', seed: Buffer.from(roster), argv: (f) => ['communes', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: 'roster xlsx', kind: 'roster', form: 'xlsx', ext: 'xlsx', seed: rosterXlsx, argv: (f) => ['communes', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: "last year's results CSV", kind: 'history', form: 'csv', ext: 'csv', seed: Buffer.from(history), argv: (f) => ['history', 'import', '--db', 'so.sqlite', '--year', '2025', f], db: 'so.sqlite' },
    { name: "last year's results xlsx", kind: 'history', form: 'xlsx', ext: 'xlsx', seed: historyXlsx, argv: (f) => ['history', 'import', '--db', 'so.sqlite', '--year', '2025', f], db: 'so.sqlite' },
    { name: 'enrolment request (approve)', kind: 'enrolment', form: 'json', ext: 'json', seed: golden('enrolment-request'), argv: (f) => ['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', 'X', f], db: 'so.sqlite' },
    { name: 'enrolment request (reject)', kind: 'enrolment', form: 'json', ext: 'json', seed: golden('enrolment-request'), argv: (f) => ['enrol', 'reject', '--db', 'so.sqlite', '--reason', 'Thử', f], db: 'so.sqlite', notGeneric: { code: 'INVALID_INPUT', valid: (b) => verifyEnrolmentRequest(b).ok } },
    { name: 'enrolment approval', kind: 'enrolment', form: 'json', ext: 'json', seed: approval, argv: (f) => ['enrol', 'accept', '--db', 'xa2.sqlite', '--fingerprint', reviewerFp, f], db: 'xa2.sqlite' },
    { name: 'key rotation statement', kind: 'enrolment', form: 'json', ext: 'json', seed: golden('key-rotation'), argv: (f) => ['enrol', 'rotate', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: 'key rotation approval', kind: 'enrolment', form: 'json', ext: 'json', seed: golden('key-rotation-approval'), argv: (f) => ['keys', 'accept-rotation', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'key backup', kind: 'keyBackup', form: 'json', ext: 'json', seed: keyBackup, argv: (f) => ['keys', 'restore', '--db', 'xa2.sqlite', '--yes', f], db: 'xa2.sqlite' },
    { name: 'commune package (verify)', kind: 'package', form: 'json', ext: 'json', seed: golden('commune-report'), argv: (f) => ['verify', f] },
    { name: 'commune package (import)', kind: 'package', form: 'json', ext: 'json', seed: golden('commune-report'), argv: (f) => ['import', '--db', 'so.sqlite', f], db: 'so.sqlite', refusalLog: ['import_log', 'sqlite_sequence'], takesFolders: true },
    { name: 'appraisal package', kind: 'package', form: 'json', ext: 'json', seed: golden('appraisal'), argv: (f) => ['appraisal', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite' },
    { name: 'appraisal scores', kind: 'entries', form: 'json', ext: 'json', seed: example('sample-appraisal-scores.json'), argv: (f) => ['appraise', '--db', 'so.sqlite', '--commune', '26734', '--scores', f], db: 'so.sqlite' },
    { name: 'whole-data file', kind: 'package', form: 'binary', ext: 'cchc-all', seed: whole, argv: (f) => ['backup', 'import-all', '--db', 'xa3.sqlite', '--yes', f] },
  ];
}

/** Every row of every table, in a stable order: what a refusal must leave as it was. */
export function dump(file: string, except: string[] = []): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter((t) => !except.includes(t));
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()]), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v));
  } finally {
    db.close();
  }
}
