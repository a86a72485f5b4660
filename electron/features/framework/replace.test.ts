import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import { sampleFramework } from '../../../shared/framework/sample';
import type { TestApp } from '../../../test/helpers/app';
import { testApp } from '../../../test/helpers/app';
import { communeSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { requireIdentity } from '../setup/identity';
import { validateFramework } from './frameworks';
import { previewReplaceFramework, replaceFramework } from './replace';
import { replace } from './use-cases';

let s: TestApp & { db: TestApp['runtime']['db'] };
beforeEach(() => {
  const t = testApp(communeSetup);
  s = Object.assign(t, { db: t.runtime.db });
});
afterEach(() => s.cleanup());

function put(code: string, entry: unknown, explanation: string | null = null): void {
  const ref = requireIdentity(s.ctx).framework!.ref;
  s.db
    .prepare('INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ref, code, JSON.stringify(entry), explanation, 'now', 'tester');
}

function entriesOf(ref: number): Record<string, unknown> {
  const rows = s.db.prepare('SELECT item_code, entry_json FROM assessment_entries WHERE framework_ref = ?').all(ref) as { item_code: string; entry_json: string }[];
  return Object.fromEntries(rows.map((r) => [r.item_code, JSON.parse(r.entry_json)]));
}

/** The province's framework: the sample with 1.1 removed and 1.3 scored differently. */
function provinceFramework(): Framework {
  const f = structuredClone(sampleFramework) as Framework;
  f.id = 'quang-nam-cap-xa-2026';
  f.sample = false;
  f.title = 'Bộ tiêu chí tỉnh Quảng Nam 2026';
  const field = f.fields[0]!;
  const c13 = field.criteria.find((c) => c.code === '1.3')!;
  const c11 = field.criteria.find((c) => c.code === '1.1')!;
  const max11 = c11.items[0]!.maxPoints;
  field.criteria = field.criteria.filter((c) => c.code !== '1.1');
  c13.items[0]!.rule = { type: 'binary' };
  c13.items[0]!.maxPoints += max11;
  if (c13.maxPoints !== undefined) c13.maxPoints += max11;
  return f;
}

describe('replacing the framework', () => {
  it('previews what moves and what does not, writing nothing', () => {
    put('1.1', { input: { type: 'binary', done: true } });
    put('1.3', { input: { type: 'deduction', events: 1 } });
    put('1.6', { input: { type: 'ratio', numerator: 23, denominator: 28 } }, 'Kế hoạch điều chỉnh');
    const before = listAudit(s.ctx).length;
    const p = previewReplaceFramework(s.ctx, provinceFramework());
    expect(p.carried).toEqual(['1.6']);
    expect(p.dropped).toEqual([{ code: '1.1', reason: 'ITEM_GONE' }, { code: '1.3', reason: 'RULE_CHANGED' }]);
    expect(listAudit(s.ctx).length).toBe(before);
    expect(requireIdentity(s.ctx).framework!.sample).toBe(true);
  });

  it('moves entries that keep their meaning, keeps the old ones, and audits the switch', () => {
    const oldRef = requireIdentity(s.ctx).framework!.ref;
    put('1.1', { input: { type: 'binary', done: true } });
    put('1.6', { input: { type: 'ratio', numerator: 23, denominator: 28 } }, 'Kế hoạch điều chỉnh');
    const r = replaceFramework(s.ctx, provinceFramework());
    expect(r.framework.id).toBe('quang-nam-cap-xa-2026');
    const id = requireIdentity(s.ctx);
    expect(id.framework!.ref).toBe(r.framework.ref);
    expect(entriesOf(r.framework.ref)).toEqual({ '1.6': { input: { type: 'ratio', numerator: 23, denominator: 28 } } });
    const moved = s.db.prepare('SELECT explanation FROM assessment_entries WHERE framework_ref = ? AND item_code = ?').get(r.framework.ref, '1.6');
    expect(moved).toEqual({ explanation: 'Kế hoạch điều chỉnh' });
    expect(Object.keys(entriesOf(oldRef)).sort()).toEqual(['1.1', '1.6']);
    expect(listAudit(s.ctx)[0]).toMatchObject({ action: 'framework.replace', new: { framework: 'quang-nam-cap-xa-2026', carried: 1, dropped: ['1.1'] } });
  });

  it('carries evidence of every item that still exists, and refuses while finalised', async () => {
    const oldRef = requireIdentity(s.ctx).framework!.ref;
    for (const code of ['1.1', '1.6']) {
      s.db.prepare(
        `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
         VALUES (?, ?, '12/KH-UBND', '2026-01-05', 'UBND xã', 'Kế hoạch CCHC', 'trang 2', 'now', 'now')`,
      ).run(oldRef, code);
    }
    s.db.prepare(`INSERT INTO assessment_lock (framework_ref, finalised, revision, changed_at, changed_by) VALUES (?, 1, 1, 'now', 'tester')`).run(oldRef);
    await expect(s.app.perform(replace, { framework: provinceFramework() })).rejects.toMatchObject({ code: 'ASSESSMENT_LOCKED' });
    s.db.prepare('UPDATE assessment_lock SET finalised = 0').run();
    const r = await s.app.perform(replace, { framework: provinceFramework() });
    const moved = s.db.prepare('SELECT item_code FROM evidence_documents WHERE framework_ref = ?').all(r.framework.ref);
    expect(moved).toEqual([{ item_code: '1.6' }]);
  });

  it('refuses the framework already in use, and an invalid one, changing nothing', () => {
    const before = requireIdentity(s.ctx);
    expect(() => replaceFramework(s.ctx, sampleFramework)).toThrowError(expect.objectContaining({ code: 'FRAMEWORK_SAME' }) as Error);
    let caught: unknown;
    try {
      replaceFramework(s.ctx, validateFramework({ ...provinceFramework(), totalMax: 1 }));
    } catch (err) {
      caught = err;
    }
    expect((caught as AppError).code).toBe('FRAMEWORK_INVALID');
    expect(requireIdentity(s.ctx)).toEqual(before);
    expect(s.db.prepare('SELECT count(*) AS n FROM frameworks').get()).toEqual({ n: 1 });
  });
});
