import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' };

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  await cli(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026']);
});
afterEach(() => cleanup());

async function cli(argv: string[]) {
  const c = captureIO(dir, env);
  const code = await runCli(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('chiso checklist and the export pre-check on the command line', () => {
  it('lists the year\'s steps and what stops an export; export prints the same and refuses', async () => {
    const c = await cli(['checklist', '--db', 'xa.sqlite']);
    expect(c.code).toBe(0);
    expect(c.out).toContain('Việc cần làm năm 2026');
    expect(c.out).toContain('[!] Bộ tiêu chí: đang dùng bộ MẪU THAM KHẢO');
    expect(c.out).toMatch(/\[ \] Tự đánh giá: đã nhập 0\/\d+ tiêu chí thành phần/u);
    expect(c.out).toContain('[x] Khóa ký: đã có'); // init made a key with CHISO_PASSPHRASE
    expect(c.out).toContain('[!] Sao lưu khóa ký: chưa sao lưu');
    expect(c.out).toContain('Dừng: Số liệu tự đánh giá chưa được chốt');
    const e = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(e.code).toBe(1);
    expect(e.err).toContain('Dừng: Số liệu tự đánh giá chưa được chốt');
    expect(e.err).toContain('Chưa gửi được hồ sơ');
  }, 30_000);

  it('export needs --override-reason for the sample framework, then carries it', async () => {
    expect((await cli(['load', '--db', 'xa.sqlite', SAMPLE])).code).toBe(0);
    expect((await cli(['finalise', '--db', 'xa.sqlite'])).code).toBe(0);
    const refused = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Lưu ý: Đang dùng bộ tiêu chí MẪU THAM KHẢO');
    expect(refused.err).toContain('hãy ghi lý do');
    const ok = await cli(['export', '--db', 'xa.sqlite', '--out', 'usb', '--override-reason', 'Tỉnh chưa ban hành bộ tiêu chí']);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('Bỏ qua (có lý do): Đang dùng bộ tiêu chí MẪU THAM KHẢO');
    const json = JSON.parse((await cli(['checklist', '--db', 'xa.sqlite', '--json'])).out) as { steps: { step: string; state: string }[] };
    expect(json.steps.find((s) => s.step === 'export')).toMatchObject({ state: 'done' });
  }, 30_000);
});
