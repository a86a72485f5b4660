import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/app/cli/chiso';
import { buildReport } from '../../shared/report/report';
import { generateProvince, loadDemoSources } from '../../scripts/demo/province';
import { TEST_SCRYPT } from '../helpers/app';
import { captureIO } from '../helpers/cli-io';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = loadDemoSources(root);
const dir = mkdtempSync(join(tmpdir(), 'chiso-demo-province-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo province generator (scripts/demo/province.ts)', () => {
  const province = generateProvince(sources, { communes: 3, seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateProvince(sources, { communes: 3, seed: 7 })).toEqual(province);
    const other = generateProvince(sources, { communes: 3, seed: 8 });
    expect(other.communes.map((c) => c.entries)).not.toEqual(province.communes.map((c) => c.entries));
    // Names and codes: about one ward in five first, then the communes of the list.
    expect(province.communes.map((c) => [c.code, c.name, c.type])).toEqual([
      ['20400', 'Phường Tam Kỳ', 'phuong'],
      ['20403', 'Bình An', 'xa'],
      ['20406', 'Bình Đào', 'xa'],
    ]);
    expect(generateProvince(sources, { communes: 22, seed: 1 }).communes.filter((c) => c.type === 'phuong')).toHaveLength(4);
  });

  it('writes a roster and last year’s results the commands read', () => {
    expect(province.rosterCsv).toBe('Mã,Tên,Loại\n20400,Phường Tam Kỳ,phường\n20403,Bình An,xã\n20406,Bình Đào,xã\n');
    expect(province.lastYearCsv.split('\n')[0]).toBe('code,name,index');
    for (const line of province.lastYearCsv.trim().split('\n').slice(1)) expect(line).toMatch(/^\d{5},[^,]+,\d{2}\.\d{2}$/u);
    expect(province.deadline).toBe('2026-10-05');
  });

  it('answers every item of the framework, by its rule type, with evidence, and 16–20 questionnaires', () => {
    const items = sources.framework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));
    const scored = items.filter((i) => i.rule.type !== 'survey');
    for (const c of province.communes) {
      const lines = c.entries['items'] as Record<string, { input: { type: string }; evidence: unknown[] }>;
      expect(Object.keys(lines).sort()).toEqual(scored.map((i) => i.code).sort());
      for (const item of scored) {
        expect(lines[item.code]?.input.type).toBe(item.rule.type === 'manual' ? 'manual' : item.rule.type);
        expect(lines[item.code]?.evidence).toHaveLength(1);
      }
      const forms = (c.entries['survey'] as { forms: { formNo: string }[] }).forms;
      expect(forms).toHaveLength(c.forms);
      expect(c.forms).toBeGreaterThanOrEqual(16);
      expect(new Set(forms.map((f) => f.formNo)).size).toBe(forms.length);
    }
  });

  it('gives entries the real loader accepts, with indices that spread across groups', { timeout: 60_000 }, async () => {
    const indices: number[] = [];
    for (const c of province.communes) {
      const db = join(dir, `${c.code}.sqlite`);
      const entries = join(dir, `${c.code}.json`);
      writeFileSync(entries, JSON.stringify(c.entries));
      const init = captureIO(dir);
      expect(await runCli(['init', '--db', db, '--role', 'commune', '--unit', c.code, '--name', `Xã ${c.name}`, '--province', '49', '--reviewer', '49', '--year', '2026'], init.io, { keyScrypt: TEST_SCRYPT })).toBe(0);
      const load = captureIO(dir);
      expect(await runCli(['load', '--db', db, entries], load.io), load.err.join('\n')).toBe(0);
      const finalise = captureIO(dir);
      expect(await runCli(['finalise', '--db', db], finalise.io), finalise.err.join('\n')).toBe(0);
      const survey = captureIO(dir);
      expect(await runCli(['survey', 'results', '--db', db], survey.io)).toBe(0);
      const index = survey.out.join('\n').match(/→ chỉ số (\d+),(\d\d)%/u);
      expect(index, survey.out.join('\n')).not.toBeNull();
      indices.push(Number(index?.[1]) * 100 + Number(index?.[2]));
    }
    // The strong commune (the second) leads the weak one (the last) by far; all are plausible indices.
    expect((indices[1] as number) - (indices[2] as number)).toBeGreaterThan(1000);
    for (const i of indices) expect(i).toBeGreaterThan(5000);
  });

  it('feeds shared/report as the demo does: last year matched by code, the merged commune too', () => {
    const big = generateProvince(sources, { communes: 22, seed: 1 });
    const merged = big.communes[3];
    expect(merged?.lastYear?.name).toBe(`${merged?.name} cũ`);
    const report = buildReport(
      {
        communes: big.communes.map((c) => ({ code: c.code, name: c.name, type: c.type, appraisedIndex: null, selfIndex: Math.round(c.quality * 10000) })),
        bands: [{ code: 'a', label: 'A', minPercent: 0 }],
        lastYear: { year: 2025, rows: big.communes.flatMap((c) => (c.lastYear ? [{ code: c.code, name: c.lastYear.name, index: c.lastYear.index }] : [])) },
      },
      { year: 2026, basis: 'self' },
    );
    expect(report.ranking.communes.find((c) => c.code === merged?.code)?.change).not.toBeNull();
    expect(big.communes.filter((c) => c.late)).toHaveLength(2);
  });
});
