import { describe, expect, it } from 'vitest';
import { isoToDateText, monthGrid, parseDateText } from './date-text';

describe('parseDateText (dd/mm/yyyy, whatever the OS language)', () => {
  it.each([
    ['15/02/2026', '2026-02-15'],
    ['1/2/2026', '2026-02-01'],
    ['15-02-2026', '2026-02-15'],
    ['15.02.2026', '2026-02-15'],
    [' 15/02/2026 ', '2026-02-15'],
    ['15022026', '2026-02-15'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2100', '2100-12-31'],
  ])('reads %j as %s (day first, never month first)', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, iso });
  });

  it('reads an empty box as no date', () => {
    expect(parseDateText('')).toEqual({ ok: true, iso: null });
    expect(parseDateText('   ')).toEqual({ ok: true, iso: null });
  });

  it.each([
    ['02/15/2026', 'MONTH'],
    ['31/04/2026', 'DAY'],
    ['29/02/2026', 'DAY'],
    ['00/01/2026', 'DAY'],
    ['15/00/2026', 'MONTH'],
    ['15/02/26', 'FORMAT'],
    ['2026-02-15', 'FORMAT'],
    ['15 tháng 2', 'FORMAT'],
    ['15/02/1899', 'YEAR'],
    ['15/02/2101', 'YEAR'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseDateText(text)).toEqual({ ok: false, problem });
  });
});

describe('isoToDateText', () => {
  it('shows a stored date as dd/mm/yyyy and nothing for a non-date', () => {
    expect(isoToDateText('2026-02-15')).toBe('15/02/2026');
    expect(isoToDateText('')).toBe('');
    expect(isoToDateText(null)).toBe('');
    expect(isoToDateText('2026-02-30')).toBe('');
    expect(isoToDateText('15/02/2026')).toBe('');
  });

  it('round-trips with parseDateText', () => {
    expect(parseDateText(isoToDateText('2024-02-29'))).toEqual({ ok: true, iso: '2024-02-29' });
  });
});

describe('monthGrid', () => {
  it('lays a month out Monday first', () => {
    const feb = monthGrid(2026, 2); // 1 February 2026 is a Sunday
    expect(feb[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(feb.flat().filter((d) => d !== null)).toHaveLength(28);
    expect(feb.every((w) => w.length === 7)).toBe(true);
  });
});
