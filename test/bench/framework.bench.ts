/**
 * Reading a framework written in the spreadsheet (exceljs load, rows → JSON, the validator, every
 * cell placed) beside reading the same framework as JSON through the same validator.
 */
import { parseFrameworkBytes } from '../../electron/features/framework/framework-file';
import { frameworkWorkbookBytes } from '../../electron/features/framework/xlsx';
import { sampleFramework } from '../../shared/framework/sample';
import { parseFramework } from '../../shared/framework/validate';
import { ms, ratio, report, sample } from './harness';

export async function frameworkBench(): Promise<void> {
  const parsed = parseFramework(sampleFramework);
  if (!parsed.ok) throw new Error('sample invalid');
  const xlsx = Buffer.from(await frameworkWorkbookBytes(parsed.framework));
  const json = Buffer.from(JSON.stringify(parsed.framework), 'utf8');
  const fromJson = await sample(() => parseFrameworkBytes(json), 50);
  const fromXlsx = await sample(() => parseFrameworkBytes(xlsx), 30, 5);
  report({
    suite: 'framework',
    name: `the sample framework from its workbook (${(xlsx.length / 1024).toFixed(0)} KB xlsx, p50 / p95)`,
    figure: `${ms(fromXlsx.p50)} / ${ms(fromXlsx.p95)}`,
    target: '< 1 s (a person presses "Nhập tệp")',
    baseline: `the same framework from JSON ${ms(fromJson.p50)} / ${ms(fromJson.p95)}`,
    ratio: ratio(fromXlsx.p50, fromJson.p50),
  });
  const write = await sample(() => frameworkWorkbookBytes(parsed.framework), 20, 3);
  report({ suite: 'framework', name: 'writing the template workbook (p50)', figure: ms(write.p50), baseline: `JSON.stringify of the framework ${ms((await sample(() => JSON.stringify(parsed.framework), 50)).p50)}`, ratio: ratio(write.p50, (await sample(() => JSON.stringify(parsed.framework), 50)).p50) });
}
