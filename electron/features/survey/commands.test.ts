import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureIO } from '../../../test/helpers/cli-io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import type { CliIO } from '../../kernel/commands/io';

const EXAMPLES = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));
let dir: string;
let cleanup: () => void;
let out: string[];
let err: string[];
let io: CliIO;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  ({ io, out, err } = captureIO(dir));
  expect(await runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'], io)).toBe(0);
});
afterEach(() => cleanup());

describe('chiso survey', () => {
  it('imports the example CSV, refuses it a second time with every line listed, prints results', async () => {
    copyFileSync(join(EXAMPLES, 'sample-survey-forms.csv'), join(dir, 'phieu.csv'));
    expect(await runCli(['survey', 'import', '--db', 'x.sqlite', 'phieu.csv'], io)).toBe(0);
    expect(out.at(-1)).toBe('Đã nhập 24 phiếu điều tra.');
    expect(await runCli(['survey', 'import', '--db', 'x.sqlite', 'phieu.csv'], io)).toBe(1);
    expect(err[0]).toMatch(/SURVEY_IMPORT_INVALID/u);
    expect(err.filter((l) => /dòng \d+: số phiếu \d+ đã có trong dữ liệu/u.test(l))).toHaveLength(24);
    expect(await runCli(['survey', 'results', '--db', 'x.sqlite'], io)).toBe(0);
    expect(out.join('\n')).toContain('Phiếu đã nhập: 24/20 (đã kiểm tra hai lần: 0; đủ chỉ tiêu, vượt 4 phiếu: vẫn được tính vào kết quả và gửi trong hồ sơ)');
    expect(out.join('\n')).toMatch(/Điểm điều tra: \d+,\d\d\/30,00/u);
    // The applicable maximum of the self-assessed items (one item not applicable), and a line that reproduces the index.
    expect(out.join('\n')).toMatch(/Tự đánh giá: \d+,\d\d\/\d+,\d\d/u);
    expect(out.at(-1)).toMatch(/^Chỉ số: tự đánh giá \d+,\d\d\/\d+,\d\d \+ điều tra \d+,\d\d\/30,00 .*= \d+,\d\d\/\d+,\d\d → chỉ số \d+,\d\d%/u);
  });

  it('refuses a JSON file with a bad answer, pointing at its line; writes a template', async () => {
    const text = readFileSync(join(EXAMPLES, 'sample-survey-forms.json'), 'utf8').replace('"A1": "2"', '"A1": "8"');
    writeFileSync(join(dir, 'bad.json'), text);
    expect(await runCli(['survey', 'import', '--db', 'x.sqlite', 'bad.json'], io)).toBe(1);
    expect(err.some((l) => /dòng \d+: câu A1: "8" không phải phương án/u.test(l))).toBe(true);
    expect(await runCli(['survey', 'template', '--db', 'x.sqlite', 'mau.xlsx'], io)).toBe(0);
    expect(await runCli(['survey', 'import', '--db', 'x.sqlite', 'mau.xlsx'], io)).toBe(1); // empty template: no forms
    expect(await runCli(['survey', 'oops', '--db', 'x.sqlite'], io)).toBe(2);
  });
});
