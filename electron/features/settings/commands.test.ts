import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import { fixedClock, tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  expect((await cli(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'])).code).toBe(0);
});
afterEach(() => cleanup());

/** FIXED_NOW: 22/11/2026 in Vietnam. */
async function cli(argv: string[]) {
  const c = captureIO(dir, {});
  const code = await runCli(argv, c.io, { clock: fixedClock() });
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('chiso deadline', () => {
  it('set dd/mm/yyyy, show, and the checklist prints it with the days left; overdue after it', async () => {
    expect((await cli(['deadline', 'show', '--db', 'xa.sqlite'])).out).toContain('Hạn gửi hồ sơ năm 2026: chưa có');
    expect((await cli(['checklist', '--db', 'xa.sqlite'])).out).toContain('Hạn gửi hồ sơ: chưa có');
    const set = await cli(['deadline', 'set', '--db', 'xa.sqlite', '15/12/2026']);
    expect(set.code).toBe(0);
    expect(set.out).toBe('Hạn gửi hồ sơ năm 2026: 15/12/2026 (còn 23 ngày) — do xã nhập');
    const c = await cli(['checklist', '--db', 'xa.sqlite']);
    expect(c.out).toContain('Hạn gửi hồ sơ: 15/12/2026 (còn 23 ngày) — do xã nhập');
    expect(c.out).toContain('[ ] Gửi hồ sơ: chưa gửi — hạn 15/12/2026 (còn 23 ngày)');
    await cli(['deadline', 'set', '--db', 'xa.sqlite', '--year', '2026', '20/11/2026']);
    expect((await cli(['checklist', '--db', 'xa.sqlite'])).out).toContain('[ ] Gửi hồ sơ: chưa gửi — hạn 20/11/2026 (quá hạn 2 ngày)');
    const json = JSON.parse((await cli(['deadline', 'show', '--db', 'xa.sqlite', '--json'])).out) as { deadline: { date: string; source: string; daysLeft: number } };
    expect(json.deadline).toMatchObject({ date: '2026-11-20', source: 'typed', daysLeft: -2 });
    expect((await cli(['deadline', 'clear', '--db', 'xa.sqlite'])).out).toContain('chưa có');
  }, 60_000);

  it('refuses what is not a dd/mm/yyyy date (exit 2) and writes nothing', async () => {
    for (const bad of ['2026-12-15', '31/11/2026', 'mai']) {
      const r = await cli(['deadline', 'set', '--db', 'xa.sqlite', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('DD/MM/YYYY');
    }
    expect((await cli(['deadline', 'set', '--db', 'xa.sqlite'])).code).toBe(2);
    expect((await cli(['deadline', 'show', '--db', 'xa.sqlite'])).out).toContain('chưa có');
  }, 60_000);

  it('the reviewing unit has no commune deadline to set (its own is `communes deadline`)', async () => {
    expect((await cli(['init', '--db', 'so.sqlite', '--role', 'reviewer', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
    const r = await cli(['deadline', 'set', '--db', 'so.sqlite', '15/12/2026']);
    expect(r.code).toBe(1);
  }, 60_000);
});
