/**
 * A folder with a commune's and a reviewing unit's databases and one valid file of every kind the
 * app reads, made through the command line as a person would, for the hostile-file tests to damage.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/app/cli/chiso';
import type { CliIO } from '../../../electron/kernel/commands/io';
import { TEST_SCRYPT } from '../../helpers/app';
import type { UserFileKind } from '../../../electron/kernel/files/user-file';
import { verifyEnrolmentRequest } from '../../../electron/kernel/signing/enrolment';
import type { FileForm } from './mutations';
import type { PackageType } from '../../../shared/package/canonical';
import { appraisalCases, rotationApprovalCases } from './cases';
import type { SignedCase } from './signed';

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
  /** Signed by a key the reader trusts (the key file of `signerDb`): hostile payloads re-signed with it (signed.ts). */
  signed?: { type: PackageType; signerDb: string; cases: SignedCase[] };
  /** Files beside the database that taking the file changes (key files): put back after each. */
  keyFiles?: string[];
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
  // The files that travel between the two, made by the two databases so that each is taken as it is.
  const made = await madeFiles(dir, fp);
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
    { name: 'signed framework', kind: 'framework', form: 'json', ext: 'json', seed: made.framework, argv: (f) => ['framework', 'import', '--db', 'xa.sqlite', f], db: 'xa.sqlite', signed: { type: 'framework', signerDb: 'so.sqlite', cases: [] } },
    { name: 'framework at init', kind: 'framework', form: 'json', ext: 'json', seed: example('sample-framework.json'), argv: (f) => ['init', '--db', 'moi.sqlite', '--role', 'commune', '--unit', '26735', '--name', 'Xã Mới', '--province', '49', '--year', '2026', '--framework', f] },
    { name: 'roster CSV', kind: 'roster', form: 'csv', ext: 'csv', seed: Buffer.from(roster), argv: (f) => ['communes', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: 'roster xlsx', kind: 'roster', form: 'xlsx', ext: 'xlsx', seed: rosterXlsx, argv: (f) => ['communes', 'import', '--db', 'so.sqlite', f], db: 'so.sqlite' },
    { name: "last year's results CSV", kind: 'history', form: 'csv', ext: 'csv', seed: Buffer.from(history), argv: (f) => ['history', 'import', '--db', 'so.sqlite', '--year', '2025', f], db: 'so.sqlite' },
    { name: "last year's results xlsx", kind: 'history', form: 'xlsx', ext: 'xlsx', seed: historyXlsx, argv: (f) => ['history', 'import', '--db', 'so.sqlite', '--year', '2025', f], db: 'so.sqlite' },
    { name: 'enrolment request (approve)', kind: 'enrolment', form: 'json', ext: 'json', seed: made.request, argv: (f) => ['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', made.requestFp, f], db: 'so.sqlite' },
    { name: 'enrolment request (reject)', kind: 'enrolment', form: 'json', ext: 'json', seed: made.request, argv: (f) => ['enrol', 'reject', '--db', 'so.sqlite', '--reason', 'Phiếu chưa đóng dấu', f], db: 'so.sqlite', notGeneric: { code: 'INVALID_INPUT', valid: (b) => verifyEnrolmentRequest(b).ok } },
    { name: 'enrolment approval', kind: 'enrolment', form: 'json', ext: 'json', seed: approval, argv: (f) => ['enrol', 'accept', '--db', 'xa2.sqlite', '--fingerprint', reviewerFp, f], db: 'xa2.sqlite', signed: { type: 'enrolment-approval', signerDb: 'so.sqlite', cases: [] } },
    { name: 'key rotation statement', kind: 'enrolment', form: 'json', ext: 'json', seed: made.statement, argv: (f) => ['enrol', 'rotate', '--db', 'sr.sqlite', '--out', 'usb', '--fingerprint', made.statementFp, f], db: 'sr.sqlite' },
    { name: 'key rotation approval', kind: 'enrolment', form: 'json', ext: 'json', seed: made.rotationApproval, argv: (f) => ['keys', 'accept-rotation', '--db', 'xr.sqlite', f], db: 'xr.sqlite', keyFiles: ['xr.signing-key.json', 'xr.signing-key.pending.json'], signed: { type: 'key-rotation-approval', signerDb: 'so.sqlite', cases: rotationApprovalCases } },
    { name: 'key backup', kind: 'keyBackup', form: 'json', ext: 'json', seed: keyBackup, argv: (f) => ['keys', 'restore', '--db', 'xa2.sqlite', '--yes', f], db: 'xa2.sqlite' },
    { name: 'commune package (verify)', kind: 'package', form: 'json', ext: 'json', seed: made.report, argv: (f) => ['verify', f] },
    { name: 'commune package (import)', kind: 'package', form: 'json', ext: 'json', seed: made.report, argv: (f) => ['import', '--db', 'so0.sqlite', f], db: 'so0.sqlite', refusalLog: ['import_log', 'sqlite_sequence'], takesFolders: true },
    { name: 'appraisal package', kind: 'package', form: 'json', ext: 'json', seed: made.appraisal, argv: (f) => ['appraisal', 'import', '--db', 'xe.sqlite', f], db: 'xe.sqlite', signed: { type: 'appraisal', signerDb: 'so.sqlite', cases: appraisalCases } },
    { name: 'appraisal scores', kind: 'entries', form: 'json', ext: 'json', seed: example('sample-appraisal-scores.json'), argv: (f) => ['appraise', '--db', 'so.sqlite', '--commune', '26734', '--scores', f], db: 'so.sqlite' },
    { name: 'whole-data file', kind: 'package', form: 'binary', ext: 'cchc-all', seed: whole, argv: (f) => ['backup', 'import-all', '--db', 'xa3.sqlite', '--yes', f] },
  ];
}

/** A database and its key file, copied (what a second machine in the same state holds). */
function copyDb(dir: string, from: string, to: string): void {
  copyFileSync(join(dir, `${from}.sqlite`), join(dir, `${to}.sqlite`));
  copyFileSync(join(dir, `${from}.signing-key.json`), join(dir, `${to}.signing-key.json`));
}

const newest = (dir: string, prefix: string): Buffer => {
  const name = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort().at(-1)!;
  return readFileSync(join(dir, name));
};

/**
 * The files that travel between the commune and the reviewing unit, each made by the side that
 * sends it and readable by the side that takes it: the commune's report (so0.sqlite: the
 * reviewing unit before it took it), the appraisal result for that report (xe.sqlite, the commune that sent it), the signed
 * framework, another commune's enrolment request, and a key rotation on a copy of the pair (xr:
 * the commune waiting for the approval; sr: the reviewing unit before it read the statement).
 */
async function madeFiles(dir: string, fp: (text: string) => string) {
  for (const d of ['out', 'rot', 'res', 'req', 'fw']) mkdirSync(join(dir, d));
  // xe: the commune that sent its report (finalised), where the appraisal result is taken.
  copyDb(dir, 'xa', 'xe');
  await must(dir, ['load', '--db', 'xe.sqlite', join(ROOT, 'docs/examples/sample-entries.json')]);
  await must(dir, ['finalise', '--db', 'xe.sqlite']);
  await must(dir, ['export', '--db', 'xe.sqlite', '--out', 'out', '--override-reason', 'Thử nghiệm tệp hỏng']);
  const report = newest(join(dir, 'out'), 'CCHC-');
  writeFileSync(join(dir, 'ds.csv'), '\uFEFFMã,Tên,Loại\r\n26734,Xã Bình Đào,Xã\r\n');
  await must(dir, ['communes', 'import', '--db', 'so.sqlite', 'ds.csv']);
  copyDb(dir, 'so', 'so0');
  copyDb(dir, 'so', 'sr');
  copyDb(dir, 'xa', 'xr');
  await must(dir, ['import', '--db', 'so.sqlite', join('out', readdirSync(join(dir, 'out')).find((f) => f.endsWith('.json'))!)]);
  await must(dir, ['appraise', '--db', 'so.sqlite', '--commune', '26734', '--accept-self']);
  await must(dir, ['appraisal', 'export', '--db', 'so.sqlite', '--commune', '26734', '--out', 'res']);
  const appraisal = newest(join(dir, 'res'), 'CCHC-');
  // The province's own framework (the sample is not publishable), published from a copy (sf) of the reviewing unit.
  const own = { ...(JSON.parse(example('sample-framework.json').toString('utf8')) as object), id: 'quang-nam-2026', sample: false, province: { code: '49', name: 'Quảng Nam' }, year: 2026 };
  writeFileSync(join(dir, 'khung-tinh.json'), JSON.stringify(own));
  copyDb(dir, 'so', 'sf');
  await must(dir, ['framework', 'import', '--db', 'sf.sqlite', 'khung-tinh.json']);
  await must(dir, ['framework', 'publish', '--db', 'sf.sqlite', '--framework', 'quang-nam-2026', '--out', 'fw']);
  const framework = newest(join(dir, 'fw'), 'CCHC-');
  await must(dir, ['init', '--db', 'xb.sqlite', '--role', 'commune', '--unit', '26737', '--name', 'Xã Tam Anh', '--province', '49', '--reviewer', '49', '--year', '2026']);
  const requested = await must(dir, ['enrol', 'request', '--db', 'xb.sqlite', '--out', 'req', '--officer', 'Trần Văn Nam', '--title', 'Công chức Văn phòng - Thống kê']);
  const request = readFileSync(resolve(dir, requested.out.split('\n')[0]!));
  const rotated = await must(dir, ['keys', 'rotate', '--db', 'xr.sqlite', '--out', 'rot']);
  const statementPath = rotated.out.split('\n')[0]!;
  const statement = readFileSync(resolve(dir, statementPath));
  const statementFp = /Dấu vân tay khóa mới:\s+([0-9A-Z-]+)/u.exec(rotated.out)![1]!;
  copyDb(dir, 'sr', 'sr1');
  await must(dir, ['enrol', 'rotate', '--db', 'sr1.sqlite', '--out', 'rot', '--fingerprint', statementFp, statementPath]);
  const rotationApproval = newest(join(dir, 'rot'), 'CCHC-ROTATE-APPROVAL');
  return { report, appraisal, framework, request, requestFp: fp(requested.out), statement, statementFp, rotationApproval };
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
