import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../../shared/framework/sample';
import { captureIO } from '../../../test/helpers/cli-io';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { frameworkWorkbookBytes } from './xlsx';
import { SHEET } from '../../../shared/framework/sheet/layout';
import type { Framework } from '../../../shared/framework/schema';
import type { CliIO } from '../../kernel/commands/io';

let dir: string;
let cleanup: () => void;
let out: string[];
let err: string[];
let io: CliIO;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  ({ io, out, err } = captureIO(dir));
});
afterEach(() => cleanup());

describe('chiso framework validate', () => {
  it('accepts the sample and reports what it is', async () => {
    writeFileSync(join(dir, 'fw.json'), JSON.stringify(sampleFramework));
    expect(await runCli(['framework', 'validate', 'fw.json'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Hợp lệ: /u);
  });

  it('lists the problems of a broken framework and exits 1', async () => {
    const broken = structuredClone(sampleFramework) as { fields: { code: string }[] };
    broken.fields[1]!.code = broken.fields[0]!.code;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(broken));
    expect(await runCli(['framework', 'validate', 'bad.json'], io)).toBe(1);
    expect(err[0]).toMatch(/^Không hợp lệ: \d+ lỗi/u);
    expect(await runCli(['framework', 'validate', '--json', 'bad.json'], io)).toBe(1);
    const parsed = JSON.parse(out.at(-1)!) as { ok: boolean; issues: unknown[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues.length).toBeGreaterThan(0);
  });

  it('says a truncated file is damaged, and a missing file is missing', async () => {
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(sampleFramework).slice(0, 500));
    expect(await runCli(['framework', 'validate', 'cut.json'], io)).toBe(1);
    expect(err.join('\n')).toContain('FILE_UNREADABLE');
    expect(await runCli(['framework', 'validate', 'nope.json'], io)).toBe(1);
    expect(err.join('\n')).toContain('FILE_NOT_FOUND');
  });

  it('reads a workbook too: --json gives every problem with its sheet, row and column', async () => {
    const broken = structuredClone(sampleFramework) as Framework;
    broken.fields[0]!.criteria[1]!.items[0]!.maxPoints = 175;
    writeFileSync(join(dir, 'bad.xlsx'), await frameworkWorkbookBytes(broken));
    expect(await runCli(['framework', 'validate', '--json', 'bad.xlsx'], io)).toBe(1);
    const parsed = JSON.parse(out.at(-1)!) as { form: string; ok: boolean; issues: { sheet: string; row: number; column: string; place: string }[] };
    expect(parsed).toMatchObject({ form: 'xlsx', ok: false });
    expect(parsed.issues.length).toBeGreaterThan(0);
    // The field's declared maximum and the framework's total no longer add up: each at its cell.
    expect(parsed.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.tree, row: 2, column: 'E', place: `${SHEET.tree}, dòng 2, cột E (Điểm tối đa)` }));
    expect(parsed.issues).toContainEqual(expect.objectContaining({ sheet: SHEET.info, column: 'B', path: 'totalMax' }));
    expect(await runCli(['framework', 'template', '--out', 'mau.xlsx'], io)).toBe(0);
    expect(await runCli(['framework', 'validate', 'mau.xlsx'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Hợp lệ: .*\(MẪU THAM KHẢO\)$/u);
  }, 30_000);
});
