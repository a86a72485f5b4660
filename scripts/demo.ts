/**
 * `npm run demo [-- --communes N] [-- --seed S] [-- --verbose]`: a whole year of a province,
 * headless, through the same `chiso` commands a reviewing unit scripts (in-process: runCli).
 *
 *   1. Sở Nội vụ sets up, imports its roster of N communes (default 22) and the deadline.
 *   2. Every commune sets up, loads its self-assessment and survey questionnaires (generated,
 *      deterministic for --seed: scripts/demo/province.ts), finalises, asks to enrol its key;
 *      the Sở approves after checking the fingerprint; the commune pins the Sở's key.
 *   3. Communes export signed packages; the Sở imports them with the real import, on time and
 *      late, then a copy (duplicate) and a forged file (refused).
 *   4. Appraisal (appraiseStep) and the report (reportStep): the ranking and figures printed,
 *      the xlsx, CSV and PDF written to test-output/demo/reports/ by `chiso report`.
 * Everything is left in test-output/demo/ to look at.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DemoClock, fingerprintIn, runner } from './demo/cli';
import { generateProvince, loadDemoSources } from './demo/province';
import { reportStep } from './demo/report-step';

const started = Date.now();
const { values } = parseArgs({ options: { communes: { type: 'string' }, seed: { type: 'string' }, verbose: { type: 'boolean' } } });
const n = Number(values.communes ?? 22);
const seed = Number(values.seed ?? 1);
if (!Number.isInteger(n) || n < 2 || n > 999 || !Number.isInteger(seed)) {
  console.error('Dùng: npm run demo -- [--communes N (2–999)] [--seed S (số nguyên)] [--verbose]');
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'test-output', 'demo');
rmSync(dir, { recursive: true, force: true });
for (const d of ['so', 'xa', 'usb/enrol', 'usb/packages', 'mail', 'reports']) mkdirSync(join(dir, d), { recursive: true });

const sources = loadDemoSources(root);
const province = generateProvince(sources, { communes: n, seed });
const { year } = province;
const clock = new DemoClock(`${year}-09-01T01:30:00Z`);
const chiso = runner(dir, clock, { verbose: values.verbose ?? false });
const SO = 'so/so.sqlite';
const soPass = 'demo: mật khẩu khóa ký của Sở';
const xaPass = (code: string) => `demo: mật khẩu khóa ký của xã ${code}`;

console.log(`Chỉ số CCHC năm ${year}: ${province.reviewer.name} và ${n} xã, phường (seed ${seed}).`);

// ── 1. The reviewing unit.
await chiso.run('Sở Nội vụ thiết lập máy thẩm định', ['init', '--db', SO, '--role', 'reviewer', '--level', 'province', '--unit', province.reviewer.code, '--name', province.reviewer.name, '--year', String(year)], { passphrase: soPass });
writeFileSync(join(dir, 'so', 'danh-sach-xa.csv'), province.rosterCsv);
writeFileSync(join(dir, 'so', `ket-qua-${year - 1}.csv`), province.lastYearCsv);
await chiso.run(`Sở nạp danh sách ${n} xã, phường`, ['communes', 'import', '--db', SO, 'so/danh-sach-xa.csv'], { quiet: true });
await chiso.run(`Sở đặt hạn nộp hồ sơ ${province.deadline}`, ['communes', 'deadline', '--db', SO, '--year', String(year), '--date', province.deadline]);
const soFingerprint = fingerprintIn(await chiso.run('Dấu vân tay khóa của Sở (công bố bằng văn bản)', ['keys', 'show', '--db', SO], { passphrase: soPass }));

// ── 2. Every commune: set up, load, finalise, enrol.
console.log(`\n── Các xã tự đánh giá, chốt số liệu và đăng ký khóa ký (${n} đơn vị)`);
for (const [i, c] of province.communes.entries()) {
  clock.set(new Date(Date.parse(`${year}-09-05T01:00:00Z`) + i * 3_600_000).toISOString());
  const db = `xa/${c.code}.sqlite`;
  const fullName = c.type === 'phuong' ? c.name : `Xã ${c.name}`;
  const pass = { passphrase: xaPass(c.code), quiet: true };
  await chiso.run(null, ['init', '--db', db, '--role', 'commune', '--unit', c.code, '--name', fullName, '--province', province.reviewer.provinceCode, '--reviewer', province.reviewer.code, '--officer', c.officer, '--title', 'Công chức Văn phòng - Thống kê', '--year', String(year), '--unit-type', c.type], pass);
  writeFileSync(join(dir, 'xa', `${c.code}-so-lieu.json`), `${JSON.stringify(c.entries, null, 1)}\n`);
  await chiso.run(null, ['load', '--db', db, `xa/${c.code}-so-lieu.json`], pass);
  await chiso.run(null, ['finalise', '--db', db], pass);
  const out = join('usb', 'enrol', c.code);
  const mail = join('mail', c.code);
  for (const d of [out, mail]) mkdirSync(join(dir, d), { recursive: true });
  await chiso.run(null, ['enrol', 'request', '--db', db, '--out', out], pass);
  const request = readdirSync(join(dir, out)).find((f) => f.endsWith('.json'));
  if (!request) throw new Error(`no enrolment request for ${c.code}`);
  const fingerprint = fingerprintIn(await chiso.run(null, ['keys', 'show', '--db', db], pass));
  await chiso.run(null, ['enrol', 'approve', '--db', SO, '--out', mail, '--fingerprint', fingerprint, join(out, request)], { passphrase: soPass, quiet: true });
  const approval = readdirSync(join(dir, mail)).find((f) => f.endsWith('.json'));
  if (!approval) throw new Error(`no approval for ${c.code}`);
  await chiso.run(null, ['enrol', 'accept', '--db', db, '--fingerprint', soFingerprint, join(mail, approval)], pass);
  console.log(`  ${c.code} ${fullName.padEnd(22)} ${Object.keys(c.entries['items'] as object).length} tiêu chí, ${c.forms} phiếu; đã chốt; khóa ${fingerprint.slice(0, 9)}… đã được Sở duyệt`);
}

// ── 3. Packages: exported, imported on time and late, a copy and a forgery.
async function exportAll(late: boolean, folder: string): Promise<string[]> {
  const files: string[] = [];
  mkdirSync(join(dir, folder), { recursive: true });
  for (const c of province.communes.filter((x) => x.late === late)) {
    const [file] = await chiso.run(null, ['export', '--db', `xa/${c.code}.sqlite`, '--out', folder, '--override-reason', 'Bản chạy thử với bộ tiêu chí mẫu của ứng dụng'], { passphrase: xaPass(c.code), quiet: true });
    if (!file) throw new Error(`export of ${c.code} printed no path`);
    files.push(file);
  }
  return files;
}
clock.set(`${year}-10-01T02:00:00Z`);
const onTime = await exportAll(false, 'usb/packages/dot-1');
clock.set(`${year}-10-03T02:00:00Z`);
await chiso.run(`Sở nhận ${onTime.length} hồ sơ gửi đúng hạn (kiểm tra chữ ký, đăng ký khóa, tính lại điểm)`, ['import', '--db', SO, 'usb/packages/dot-1']);
clock.set(`${year}-10-07T02:00:00Z`);
const late = await exportAll(true, 'usb/packages/dot-2');
// A copy of a package already imported, and a forgery: one digit of the index changed.
const copy = join(dir, 'usb', 'packages', 'dot-2', 'BAN-SAO-da-nhap.json');
copyFileSync(onTime[0] as string, copy);
const forged = join(dir, 'usb', 'packages', 'dot-2', 'BI-SUA-mot-chu-so.json');
const text = readFileSync(onTime[1] as string, 'utf8');
const at = text.indexOf('"indexPercent":') + '"indexPercent":'.length;
const digit = text.slice(at).search(/\d/u) + at;
writeFileSync(forged, text.slice(0, digit) + (text[digit] === '9' ? '8' : String(Number(text[digit]) + 1)) + text.slice(digit + 1));
clock.set(`${year}-10-08T02:00:00Z`);
await chiso.run(`Sở nhận ${late.length} hồ sơ gửi sau hạn, một bản sao đã nhận (ĐÃ CÓ) và một tệp bị sửa (TỪ CHỐI)`, ['import', '--db', SO, 'usb/packages/dot-2'], { expect: 1 });
await chiso.run('Bảng theo dõi hồ sơ của Sở', ['status', '--db', SO, '--year', String(year)]);

// ── 4. Appraisal, then the report.
await appraiseStep();
const reports = await reportStep({ chiso, dir, db: SO, year });

console.log(`\nXong trong ${((Date.now() - started) / 1000).toFixed(0)} giây. Năm ${year}.`);
console.log(`  Cơ sở dữ liệu của Sở: ${join(dir, SO)}`);
for (const r of reports) console.log(`  ${r}`);
console.log(`  Mọi tệp của bản demo: ${dir}`);

/**
 * The appraisal council's two rounds, through the commands a reviewing unit runs: every commune's
 * self-scores accepted and the result locked, except one commune asked to explain an item; that
 * commune imports the signed result, answers and re-sends; round 2 carries the unchanged items
 * over, and the council accepts and locks.
 */
async function appraiseStep(): Promise<void> {
  const y = String(year);
  const asked = province.communes.find((x) => x.code === province.explainCode) ?? province.communes[0]!;
  const askedName = asked.type === 'phuong' ? asked.name : `xã ${asked.name}`;
  clock.set(`${year}-10-15T02:00:00Z`);
  for (const c of province.communes.filter((x) => x.code !== asked.code)) {
    await chiso.run(null, ['appraise', '--db', SO, '--commune', c.code, '--year', y, '--accept-self'], { quiet: true });
    await chiso.run(null, ['appraise', 'lock', '--db', SO, '--commune', c.code, '--year', y], { quiet: true });
  }
  console.log(`\n── Thẩm định vòng 1: ${province.communes.length - 1} đơn vị giữ nguyên điểm tự chấm và được khóa kết quả; ${askedName} được đề nghị giải trình.`);
  const item = '1.2';
  writeFileSync(join(dir, 'so', `tham-dinh-${asked.code}.json`), `${JSON.stringify({ items: [{ code: item, request: { kind: 'explain', text: 'Đề nghị giải trình các nhiệm vụ trong kế hoạch CCHC chưa hoàn thành và gửi kèm báo cáo.' } }] }, null, 1)}\n`);
  await chiso.run(`Hội đồng thẩm định đề nghị ${askedName} giải trình tiêu chí ${item}`, ['appraise', '--db', SO, '--commune', asked.code, '--year', y, '--scores', `so/tham-dinh-${asked.code}.json`]);
  await chiso.run('Các tiêu chí còn lại giữ điểm tự chấm (đã thẩm định, không đổi điểm)', ['appraise', '--db', SO, '--commune', asked.code, '--year', y, '--accept-self']);
  const mail = join('mail', `tham-dinh-${asked.code}`);
  mkdirSync(join(dir, mail), { recursive: true });
  const [result] = await chiso.run(`Sở gửi kết quả thẩm định vòng 1 (đã ký) cho ${askedName}`, ['appraisal', 'export', '--db', SO, '--commune', asked.code, '--year', y, '--out', mail], { passphrase: soPass });
  if (!result) throw new Error('appraisal export printed no path');
  const xaDb = `xa/${asked.code}.sqlite`;
  clock.set(`${year}-10-18T02:00:00Z`);
  await chiso.run(`${askedName} nhập kết quả (chỉ chấp nhận chữ ký của Sở) và trả lời`, ['appraisal', 'import', '--db', xaDb, result], { passphrase: xaPass(asked.code) });
  await chiso.run(null, ['appraisal', 'answer', '--db', xaDb, '--item', item, '--text', 'Còn 01 nhiệm vụ chuyển sang quý I năm sau do chờ hướng dẫn của tỉnh; gửi kèm báo cáo số 45/BC-UBND.'], { quiet: true });
  const again = join('usb', 'packages', 'dot-3');
  mkdirSync(join(dir, again), { recursive: true });
  const [resent] = await chiso.run(`${askedName} gửi lại hồ sơ kèm câu trả lời`, ['export', '--db', xaDb, '--out', again, '--override-reason', 'Bản chạy thử với bộ tiêu chí mẫu của ứng dụng'], { passphrase: xaPass(asked.code) });
  if (!resent) throw new Error('re-export printed no path');
  clock.set(`${year}-10-20T02:00:00Z`);
  await chiso.run('Sở nhận hồ sơ gửi lại', ['import', '--db', SO, again]);
  writeFileSync(join(dir, 'so', `tham-dinh-${asked.code}-vong-2.json`), `${JSON.stringify({ items: [{ code: item, points: 50, comment: 'Giải trình chưa đủ: còn 01 nhiệm vụ chưa hoàn thành; chấm 0,50 điểm.', request: null }] }, null, 1)}\n`);
  await chiso.run(`Thẩm định vòng 2: tiêu chí không đổi giữ quyết định vòng 1; tiêu chí ${item} được chấm lại`, ['appraise', '--db', SO, '--commune', asked.code, '--year', y, '--scores', `so/tham-dinh-${asked.code}-vong-2.json`]);
  await chiso.run(null, ['appraise', '--db', SO, '--commune', asked.code, '--year', y, '--accept-self'], { quiet: true });
  await chiso.run('Hội đồng khóa và phê duyệt kết quả', ['appraise', 'lock', '--db', SO, '--commune', asked.code, '--year', y]);
}
