/**
 * `chiso export` prints the deadline as the check says it (fixed clock: 22/11/2026 in Vietnam):
 * late, a line to override with --override-reason, and the package is still written; close, an
 * information line; none without a deadline.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { fixedClock, tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' };

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  expect((await cli(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
  expect((await cli(['load', '--db', 'xa.sqlite', SAMPLE])).code).toBe(0);
  expect((await cli(['finalise', '--db', 'xa.sqlite'])).code).toBe(0);
});
afterEach(() => cleanup());

async function cli(argv: string[]) {
  const c = captureIO(dir, env);
  const code = await runCli(argv, c.io, { clock: fixedClock() });
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const LATE = 'Đã quá hạn gửi hồ sơ 2 ngày (hạn 20/11/2026). Hồ sơ vẫn gửi được nhưng đơn vị thẩm định sẽ thấy là nộp muộn; hãy ghi lý do gửi muộn.';

describe('chiso export and the submission deadline', () => {
  it('late: a line to note, refused without a reason, written with one (the override said)', async () => {
    expect((await cli(['deadline', 'set', '--db', 'xa.sqlite', '20/11/2026'])).code).toBe(0);
    const refused = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Lưu ý: ${LATE}`);
    const ok = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb', '--override-reason', 'Chờ UBND huyện ký văn bản']);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain(`Bỏ qua (có lý do): ${LATE}`);
    expect(ok.out).toContain('CCHC-2026-26734-r1.json');
  }, 60_000);

  it('close: an information line; none further off or without a deadline', async () => {
    const none = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(none.err).not.toMatch(/hạn gửi/u);
    await cli(['deadline', 'set', '--db', 'xa.sqlite', '25/11/2026']);
    const close = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(close.err).toContain('Thông tin: Còn 3 ngày đến hạn gửi (25/11/2026).');
    await cli(['deadline', 'set', '--db', 'xa.sqlite', '26/11/2026']);
    expect((await cli(['export', '--db', 'xa.sqlite', '--out', 'usb'])).err).not.toMatch(/hạn gửi/u);
  }, 60_000);
});
