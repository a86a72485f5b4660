/**
 * `npm run demo`: the whole flow, headless, through the same `chiso` commands a reviewing
 * unit scripts. A commune sets up, loads its self-assessment and 24 survey questionnaires,
 * finalises, enrols its key with the provincial department, exports a signed package; the
 * department verifies it; a one-character forgery is refused; a second export gets a higher
 * revision. Everything is left in test-output/demo/ to look at.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../electron/app/cli/chiso';
import type { CliIO } from '../electron/kernel/commands/io';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'test-output', 'demo');
rmSync(dir, { recursive: true, force: true });
for (const d of ['commune', 'province', 'usb', 'mail']) mkdirSync(join(dir, d), { recursive: true });

const env = { ...process.env, CHISO_PASSPHRASE: 'demo: mật khẩu khóa ký của xã' };
const reviewerEnv = { ...process.env, CHISO_PASSPHRASE: 'demo: mật khẩu khóa ký của Sở' };

let step = 0;
async function chiso(title: string, argv: string[], options: { env?: NodeJS.ProcessEnv; expect?: number } = {}): Promise<string[]> {
  step += 1;
  console.log(`\n── ${step}. ${title}\n$ chiso ${argv.map((a) => (/\s/u.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const out: string[] = [];
  const io: CliIO = {
    out: (l) => { out.push(l); console.log(`  ${l}`); },
    err: (l) => console.log(`  ${l}`),
    env: options.env ?? env,
    cwd: dir,
  };
  const code = await runCli(argv, io);
  const expected = options.expect ?? 0;
  if (code !== expected) {
    console.error(`\nDemo dừng: lệnh trả về ${code}, mong đợi ${expected}.`);
    process.exit(1);
  }
  return out;
}

const examples = join(root, 'docs', 'examples');
await chiso('Xã Bình Đào thiết lập máy (tạo khóa ký, bộ tiêu chí mẫu)', [
  'init', '--db', 'commune/xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào',
  '--province', '49', '--reviewer', '49', '--officer', 'Nguyễn Thị Hoa', '--title', 'Công chức Văn phòng - Thống kê', '--year', '2026',
]);
await chiso('Sở Nội vụ tỉnh thiết lập máy thẩm định', [
  'init', '--db', 'province/so.sqlite', '--role', 'reviewer', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026',
], { env: reviewerEnv });
await chiso('Xã nạp số liệu tự đánh giá, tài liệu kiểm chứng và 24 phiếu điều tra', ['load', '--db', 'commune/xa.sqlite', join(examples, 'sample-entries.json')]);
await chiso('Kết quả điều tra xã hội học', ['survey', 'results', '--db', 'commune/xa.sqlite']);
await chiso('Xã chốt số liệu', ['finalise', '--db', 'commune/xa.sqlite']);

await chiso('Xã lập đề nghị đăng ký khóa (kèm phiếu in có dấu vân tay)', ['enrol', 'request', '--db', 'commune/xa.sqlite', '--out', 'usb']);
const request = readdirSync(join(dir, 'usb')).find((f) => f.endsWith('.json'));
if (!request) throw new Error('no enrolment request written');
const shown = await chiso('Dấu vân tay khóa của xã (đối chiếu với phiếu đã đóng dấu)', ['keys', 'show', '--db', 'commune/xa.sqlite']);
const fingerprint = shown.join('\n').match(/([0-9A-Z]{4}(?:[ -][0-9A-Z]{4}){12})/u)?.[1];
if (!fingerprint) throw new Error('fingerprint not found in `keys show`');
await chiso('Sở duyệt đăng ký sau khi đối chiếu dấu vân tay', ['enrol', 'approve', '--db', 'province/so.sqlite', '--out', 'mail', '--fingerprint', fingerprint, join('usb', request)], { env: reviewerEnv });
const approval = readdirSync(join(dir, 'mail')).find((f) => f.endsWith('.json'));
if (!approval) throw new Error('no approval written');
// The Sở publishes its fingerprint (letter, website); the commune types it from there, not from the file.
const published = (await chiso('Dấu vân tay khóa của Sở (Sở công bố bằng văn bản)', ['keys', 'show', '--db', 'province/so.sqlite'], { env: reviewerEnv }))
  .join('\n')
  .match(/([0-9A-Z]{4}(?:[ -][0-9A-Z]{4}){12})/u)?.[1];
if (!published) throw new Error('reviewer fingerprint not found in `keys show`');
await chiso('Xã ghi nhận khóa của Sở sau khi đối chiếu dấu vân tay trên văn bản của Sở', ['enrol', 'accept', '--db', 'commune/xa.sqlite', '--fingerprint', published, join('mail', approval)]);

const [first] = await chiso('Xã xuất hồ sơ đã ký ra USB', ['export', '--db', 'commune/xa.sqlite', '--out', 'usb', '--override-reason', 'Bản chạy thử với bộ tiêu chí mẫu']);
if (!first) throw new Error('export printed no path');
await chiso('Sở kiểm tra hồ sơ với khóa đã đăng ký', ['verify', '--db', 'province/so.sqlite', first], { env: reviewerEnv });

// A forger changes one digit of the total on the USB stick.
const forged = join(dir, 'usb', 'CCHC-2026-26734-r1-SUA.json');
const text = readFileSync(first, 'utf8');
const at = text.indexOf('"indexPercent":') + '"indexPercent":'.length;
const digit = text.slice(at).search(/\d/u) + at;
writeFileSync(forged, text.slice(0, digit) + (text[digit] === '9' ? '8' : String(Number(text[digit]) + 1)) + text.slice(digit + 1));
await chiso('Một bản bị sửa một chữ số: Sở từ chối (SIGNATURE_INVALID)', ['verify', '--json', '--db', 'province/so.sqlite', forged], { env: reviewerEnv, expect: 1 });

await chiso('Xã mở lại để sửa (ghi lý do)', ['reopen', '--db', 'commune/xa.sqlite', '--reason', 'Bổ sung tài liệu kiểm chứng tiêu chí 3.3 theo góp ý của Sở']);
await chiso('Xã chốt lại', ['finalise', '--db', 'commune/xa.sqlite']);
const [second] = await chiso('Xã xuất lại: lần gửi mới, số thứ tự cao hơn', ['export', '--db', 'commune/xa.sqlite', '--out', 'usb', '--override-reason', 'Bản chạy thử với bộ tiêu chí mẫu']);
await chiso('Sở kiểm tra cả hai lần gửi', ['verify', '--db', 'province/so.sqlite', first, second ?? ''], { env: reviewerEnv });

console.log(`\nXong. Mọi tệp của bản demo ở ${dir}`);
