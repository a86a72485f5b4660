import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureIO } from '../../../test/helpers/cli-io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import type { CliIO } from '../../kernel/commands/io';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
let dir: string;
let cleanup: () => void;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  ({ io, out, err } = captureIO(dir));
  await runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--reviewer', '49', '--year', '2026'], io);
  out.length = 0;
});
afterEach(() => cleanup());

describe('chiso load', () => {
  it('loads the example and prints the totals', async () => {
    copyFileSync(SAMPLE, join(dir, 'e.json'));
    expect(await runCli(['load', '--db', 'x.sqlite', 'e.json'], io)).toBe(0);
    expect(out[0]).toBe('Đã nạp 41 tiêu chí thành phần (phần "items").');
    expect(out).toContain('Đã nạp 24 phiếu điều tra xã hội học (phần "survey").');
    // 58,72 self-assessed + 24,07 from the 24 questionnaires; (82,79 + 0,50 − 0,25) / 98,50.
    expect(out.at(-1)).toBe("Điểm: tự đánh giá 58,72/68,50 + điều tra 24,07/30,00 + thưởng 0,50 − trừ 0,25 = 83,04/98,50 → chỉ số 84,30% · Nhóm 1: từ 80% trở lên");
  });

  it('refuses a bad file with line numbers, exit 1', async () => {
    writeFileSync(join(dir, 'bad.json'), '{\n "items": {\n  "1.1": {"input": {"type": "binary", "done": true}},\n  "1.3": {"input": {"type": "deduction", "events": -1}}\n }\n}');
    expect(await runCli(['load', '--db', 'x.sqlite', 'bad.json'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/ENTRIES_INVALID/u);
    expect(err.join('\n')).toMatch(/dòng 4 \(items\/1.3\/input\/events\): .*không được âm/u);
  });

  it('usage errors exit 2', async () => {
    expect(await runCli(['load', 'e.json'], io)).toBe(2);
    expect(await runCli(['load', '--db', 'x.sqlite'], io)).toBe(2);
  });
});
