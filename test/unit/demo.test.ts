import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headlessChromiumAvailable } from '../../electron/features/report/pdf/headless-chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run demo', () => {
  it('runs a small province headless: enrolled, exported, imported (a copy and a forgery refused), ranked, reported', async () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/demo.ts', '--communes', '4', '--seed', '3'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).not.toMatch(/Demo dừng/u);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Tổng: 3 tệp · đã nhận 3 · đã có 0 · từ chối 0.');
    expect(r.stdout).toMatch(/ĐÃ CÓ +\S+BAN-SAO-da-nhap\.json/u);
    expect(r.stdout).toMatch(/TỪ CHỐI +\S+BI-SUA-mot-chu-so\.json +\[SIGNATURE_INVALID\]/u);
    expect(r.stdout).toContain('Tổng: 3 tệp · đã nhận 1 · đã có 1 · từ chối 1.');
    expect(r.stdout).toMatch(/\(trễ hạn\)/u);
    expect(r.stdout).toMatch(/Thẩm định vòng 1: \d+ đơn vị giữ nguyên điểm tự chấm/u);
    expect(r.stdout).toMatch(/ĐÃ NHẬN kết quả thẩm định vòng 1 cho hồ sơ lần 1: \d+ nhận xét, 1 yêu cầu/u);
    expect(r.stdout).toMatch(/Thẩm định vòng 2/u);
    expect(r.stdout).toMatch(/^ +1 +204\d\d +\S/mu);
    expect(r.stdout).toMatch(/Chỉ số CCHC trung bình của các xã, phường năm 2026 đạt \d+,\d\d%/u);
    expect(r.stdout).toContain(`Cơ sở dữ liệu của Sở: ${join(root, 'test-output/demo/so/so.sqlite')}`);
    expect(existsSync(join(root, 'test-output/demo/so/so.sqlite'))).toBe(true);
    expect(existsSync(join(root, 'test-output/demo/reports/ket-qua-cchc-2026.xlsx'))).toBe(true);
    if (await headlessChromiumAvailable()) expect(existsSync(join(root, 'test-output/demo/reports/ket-qua-cchc-2026.pdf'))).toBe(true);
  }, 300_000);
});
