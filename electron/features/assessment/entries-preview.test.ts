import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { captureIO } from '../../../test/helpers/cli-io';
import { communeSetup } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { listAudit } from '../audit/audit-repo';
import { listEntries } from './assessment';
import { activeFramework } from '../framework/active';
import { finaliseAssessment, loadEntries, previewEntries, saveEntry } from './use-cases';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const text = readFileSync(SAMPLE, 'utf8');

let s: TestApp;
beforeEach(() => (s = testApp(communeSetup)));
afterEach(() => s.cleanup());

const stored = () => listEntries(s.ctx, activeFramework(s.ctx).ref);

describe('previewing an entries file before loading it', () => {
  it('on an empty assessment every item of the file is new, the forms are counted, and nothing is written', async () => {
    const audit = listAudit(s.ctx, { limit: 1000 }).length;
    const p = await s.app.perform(previewEntries, { text });
    expect(p.counts.changed).toBe(0);
    expect(p.counts.new).toBeGreaterThan(30);
    expect(p.forms).toBe(24);
    expect(listAudit(s.ctx, { limit: 1000 }).length).toBe(audit);
    expect(stored()).toEqual({});
  }, 30_000);

  it('after a load: the same file is all "same"; a hand change shows as the one item the file would overwrite', async () => {
    await s.app.perform(loadEntries, { file: 'a.json', text });
    expect((await s.app.perform(previewEntries, { text })).counts).toMatchObject({ new: 0, changed: 0 });
    await s.app.perform(saveEntry, { code: '1.2', entry: { input: { type: 'ratio', numerator: 1, denominator: 10 } } });
    const p = await s.app.perform(previewEntries, { text });
    expect(p.items.filter((i) => i.change !== 'same')).toEqual([
      expect.objectContaining({ code: '1.2', change: 'changed', before: { input: { type: 'ratio', numerator: 1, denominator: 10 } } }),
    ]);
    expect(stored()['1.2']!.entry).toEqual({ input: { type: 'ratio', numerator: 1, denominator: 10 } });
  }, 30_000);

  it('a file with errors is refused as the load refuses it; a finalised assessment too', async () => {
    expect(await refusal(s.app.perform(previewEntries, { text: '{ "items": { "1.2": { "input": 5 } } }' }))).toBe('ENTRIES_INVALID');
    await s.app.perform(loadEntries, { file: 'a.json', text });
    await s.app.perform(finaliseAssessment, undefined);
    expect(await refusal(s.app.perform(previewEntries, { text }))).toBe('ASSESSMENT_LOCKED');
  }, 30_000);

  it('chiso load --dry-run prints the changes and writes nothing', async () => {
    const c = captureIO(s.dir);
    s.runtime.close();
    expect(await runCli(['load', '--db', s.file, '--dry-run', SAMPLE], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/^Sẽ nạp: \d+ mục mới, 0 mục thay đổi, \d+ mục giữ nguyên, 24 phiếu mới\. Chưa ghi gì\.$/u);
    expect(c.out[0]).toMatch(/^Mục 1\.1: mới$/u);
  }, 30_000);
});
