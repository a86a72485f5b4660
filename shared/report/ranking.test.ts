import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkGroup, UnitType } from '../framework/schema';
import { sampleFramework } from '../framework/sample';
import { AppError } from '../errors';
import { compareCommunes, rankCommunes } from './ranking';
import { handFixture } from './test-fixtures';
import type { CommuneType, GroupBand, ReportInput } from './types';

// The report's structural types accept the framework's own without importing them in shipped code.
type Assignable<A, B> = [A] extends [B] ? true : false;
type FrameworkFits = [Assignable<UnitType, CommuneType>, Assignable<FrameworkGroup, GroupBand>];

const order = (input: ReportInput, options: Parameters<typeof rankCommunes>[1]) =>
  rankCommunes(input, options).communes.map((c) => [c.code, c.name, c.index, c.rank, c.group?.code ?? null, c.change]);

function reason(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/Hãy/u); // says what to do
    return err.details?.reason;
  }
  throw new Error('expected a refusal');
}

describe('Vietnamese order of names', () => {
  const sorted = (names: string[]) => [...names].map((name, i) => ({ name, code: String(i) })).sort(compareCommunes).map((c) => c.name);

  it('puts Đ after D and before E, and orders the tones a, à, ả, ã, á, ạ', () => {
    expect(sorted(['Bình Minh', 'Bình Đào', 'Bình An', 'Bình Dương', 'Bình Em'])).toEqual(['Bình An', 'Bình Dương', 'Bình Đào', 'Bình Em', 'Bình Minh']);
    expect(sorted(['Mạ', 'Má', 'Mã', 'Mả', 'Mà', 'Ma'])).toEqual(['Ma', 'Mà', 'Mả', 'Mã', 'Má', 'Mạ']);
    expect(sorted(['Ân', 'Ăn', 'An'])).toEqual(['An', 'Ăn', 'Ân']);
    // A plain code-point sort would put every accented capital after Z.
    expect(['Đào', 'Em'].sort()).toEqual(['Em', 'Đào']);
  });

  it('breaks a tie between equal names by code', () => {
    const list = [
      { name: 'Bình An', code: '00200' },
      { name: 'Bình An', code: '00100' },
    ].sort(compareCommunes);
    expect(list.map((c) => c.code)).toEqual(['00100', '00200']);
  });
});

describe('rankCommunes on the hand fixture', () => {
  it('ranks by appraised index with shared ranks (1, 2, 2, 2, 5), ties alphabetical, the unappraised last', () => {
    expect(order(handFixture(), { year: 2026 })).toEqual([
      ['00104', 'Bình Dương', 8250, 1, 'nhom-1', 250],
      ['00103', 'Bình An', 8000, 2, 'nhom-1', 0],
      ['00102', 'Bình Đào', 8000, 2, 'nhom-1', -100],
      ['00101', 'Bình Minh', 8000, 2, 'nhom-1', 200],
      // Merged: last year's row 00105 is called Hòa Tân; matched by code.
      ['00105', 'Tân Hòa', 7000, 5, 'nhom-2', 200],
      // No row 00106 last year; the row called Mỹ Lộc (00199) is another unit.
      ['00106', 'Mỹ Lộc', 6550, 6, 'nhom-3', null],
      ['00108', 'Côn Đảo', 5999, 7, 'nhom-4', -1],
      ['00107', 'An Phú', null, null, null, null],
    ]);
  });

  it('keeps the self index beside the appraised one and last year’s name and group', () => {
    const r = rankCommunes(handFixture(), { year: 2026 });
    expect(r.rankedCount).toBe(7);
    const tanHoa = r.communes.find((c) => c.code === '00105');
    expect(tanHoa).toMatchObject({ selfIndex: 7200, appraisedIndex: 7000, lastYear: { name: 'Hòa Tân', index: 6800, group: null } });
    const dao = r.communes.find((c) => c.code === '00102');
    expect(dao?.lastYear?.group).toBe('Nhóm 1: từ 80% trở lên');
    expect(r.communes.find((c) => c.code === '00106')?.lastYear).toBeNull();
  });

  it('ranks on the self index when asked, so the unappraised commune is ranked too', () => {
    expect(order(handFixture(), { year: 2026, basis: 'self' }).map(([code, , index, rank]) => [code, index, rank])).toEqual([
      ['00104', 8300, 1],
      ['00101', 8100, 2],
      ['00103', 8000, 3],
      ['00102', 7900, 4],
      ['00107', 7700, 5],
      ['00105', 7200, 6],
      ['00106', 6900, 7],
      ['00108', 6100, 8],
    ]);
  });

  it('filters by unit type and ranks within the filter', () => {
    expect(order(handFixture(), { year: 2026, types: ['xa'] }).map(([code, , , rank]) => [code, rank])).toEqual([
      ['00104', 1],
      ['00102', 2],
      ['00101', 2],
      ['00105', 4],
      ['00106', 5],
      ['00107', null],
    ]);
    expect(order(handFixture(), { year: 2026, types: ['phuong', 'dac-khu'] }).map(([code, , , rank]) => [code, rank])).toEqual([
      ['00103', 1],
      ['00108', 2],
    ]);
  });

  it('groups on the rounded index by default, on the exact fraction when asked', () => {
    const input = handFixture({ exact: true });
    const minh = (groupOn: 'rounded' | 'exact') => rankCommunes(input, { year: 2026, groupOn }).communes.find((c) => c.code === '00101');
    // 15,999 / 20,000 = 79.995%: printed 80,00% and ranked with the other 80,00%.
    expect(minh('rounded')).toMatchObject({ index: 8000, rank: 2, group: { code: 'nhom-1' } });
    expect(minh('exact')).toMatchObject({ index: 8000, rank: 2, group: { code: 'nhom-2' } });
    expect(reason(() => rankCommunes(handFixture(), { year: 2026, groupOn: 'exact' }))).toBe('REPORT_EXACT_MISSING');
  });

  it('refuses an index that does not round from its fraction under the rule', () => {
    // Under truncation 79.995% is 79.99%, not the 80.00% the row says.
    expect(reason(() => rankCommunes(handFixture({ exact: true }), { year: 2026, rounding: 'truncate' }))).toBe('REPORT_INDEX_MISMATCH');
  });

  it('normalises names to NFC and sorts an NFD name like its NFC spelling', () => {
    const input = handFixture();
    const nfd = { ...input, communes: input.communes.map((c) => ({ ...c, name: c.name.normalize('NFD') })) };
    const a = rankCommunes(input, { year: 2026 }).communes.map((c) => [c.code, c.name]);
    const b = rankCommunes(nfd, { year: 2026 }).communes.map((c) => [c.code, c.name]);
    expect(b).toEqual(a);
  });

  it('takes the framework’s groups as they are', () => {
    const bands: GroupBand[] = (sampleFramework satisfies Framework).groups;
    const r = rankCommunes({ ...handFixture(), bands: [...bands].reverse() }, { year: 2026 });
    expect(r.communes.map((c) => c.group?.label ?? null).slice(0, 7)).toEqual([
      'Nhóm 1: từ 80% trở lên',
      'Nhóm 1: từ 80% trở lên',
      'Nhóm 1: từ 80% trở lên',
      'Nhóm 1: từ 80% trở lên',
      'Nhóm 2: từ 70% đến dưới 80%',
      'Nhóm 3: từ 60% đến dưới 70%',
      'Nhóm 4: dưới 60%',
    ]);
    const fits: FrameworkFits = [true, true];
    expect(fits).toEqual([true, true]);
  });
});

describe('input checks', () => {
  const base = handFixture();
  const withRow = (patch: Partial<ReportInput['communes'][number]>): ReportInput => ({
    ...base,
    communes: base.communes.map((c, i) => (i === 0 ? { ...c, ...patch } : c)),
  });

  it('refuses two rows with one code', () => {
    expect(reason(() => rankCommunes(withRow({ code: '00102' }), { year: 2026 }))).toBe('REPORT_DUPLICATE_CODE');
  });

  it('refuses indices that are not integer hundredths, and bad dates and points', () => {
    expect(reason(() => rankCommunes(withRow({ appraisedIndex: 80.5 }), { year: 2026 }))).toBe('REPORT_ROW_INVALID');
    expect(reason(() => rankCommunes(withRow({ selfIndex: -1 }), { year: 2026 }))).toBe('REPORT_ROW_INVALID');
    expect(reason(() => rankCommunes(withRow({ receivedOn: '2026-02-30' }), { year: 2026 }))).toBe('REPORT_ROW_INVALID');
    expect(reason(() => rankCommunes(withRow({ items: [{ code: '1.1', points: 101, max: 100 }] }), { year: 2026 }))).toBe('REPORT_ROW_INVALID');
    const twice = [
      { code: '1.1', points: 1, max: 100 },
      { code: '1.1', points: 1, max: 100 },
    ];
    expect(reason(() => rankCommunes(withRow({ items: twice }), { year: 2026 }))).toBe('REPORT_ROW_INVALID');
    // The same code once among fields and once among items is fine (a field "1" and an item "1").
    expect(() => rankCommunes(withRow({ fields: [{ code: '1', points: 1, max: 2 }], items: [{ code: '1', points: 1, max: 2 }] }), { year: 2026 })).not.toThrow();
  });

  it('refuses bad options, bands and last year', () => {
    expect(reason(() => rankCommunes(base, { year: 2026, deadline: '5/10/2026' }))).toBe('REPORT_OPTION_INVALID');
    expect(reason(() => rankCommunes(base, { year: 2026, types: [] }))).toBe('REPORT_OPTION_INVALID');
    expect(reason(() => rankCommunes({ ...base, bands: [] }, { year: 2026 }))).toBe('REPORT_BANDS_INVALID');
    expect(reason(() => rankCommunes(base, { year: 2025 }))).toBe('REPORT_LAST_YEAR_INVALID');
    const rows = [...(base.lastYear?.rows ?? []), { code: '00101', name: 'Bình Minh', index: 1 }];
    expect(reason(() => rankCommunes({ ...base, lastYear: { year: 2025, rows } }, { year: 2026 }))).toBe('REPORT_LAST_YEAR_INVALID');
  });
});
