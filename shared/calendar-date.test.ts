import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf, isCalendarDate, onTimeDay, receivedOnTime, vietnamDay } from './calendar-date';

describe('isCalendarDate', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2026-11-22', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) expect(isCalendarDate(d), d).toBe(true);
  });
  it('refuses days that do not exist, other spellings and garbage', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '22/11/2026', '2026-11-22T00:00', ' 2026-11-22', '2026-11-22 ', 'garbage', '', '２０２６-11-22', '0000-01-01'])
      expect(isCalendarDate(d), d).toBe(false);
  });
  it('agrees with the day of every instant', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (t) => {
      expect(isCalendarDate(dayOf(t))).toBe(true);
    }));
  });
});

describe('vietnamDay', () => {
  it('turns to the next day at 17:00 UTC (midnight in Vietnam), from a Date or an ISO text', () => {
    expect(vietnamDay(new Date('2026-10-05T16:59:59Z'))).toBe('2026-10-05');
    expect(vietnamDay('2026-10-05T17:00:00Z')).toBe('2026-10-06');
    expect(vietnamDay('2026-12-31T18:30:00.000Z')).toBe('2027-01-01');
  });
});

describe('the on-time rule', () => {
  it('a day on or before the deadline is on time, the day after is late', () => {
    expect(onTimeDay('2026-10-04', '2026-10-05')).toBe(true);
    expect(onTimeDay('2026-10-05', '2026-10-05')).toBe(true);
    expect(onTimeDay('2026-10-06', '2026-10-05')).toBe(false);
    expect(onTimeDay('2026-09-30', '2026-10-01')).toBe(true);
    expect(onTimeDay('2027-01-01', '2026-12-31')).toBe(false);
  });
  it('an instant is judged on its Vietnam day: late from 17:00 UTC of the deadline day; no deadline, no verdict', () => {
    expect(receivedOnTime('2026-10-05T16:59:59Z', '2026-10-05')).toBe(true);
    expect(receivedOnTime(new Date('2026-10-05T17:00:00Z'), '2026-10-05')).toBe(false);
    expect(receivedOnTime('2026-10-04T17:00:00Z', '2026-10-05')).toBe(true);
    expect(receivedOnTime('2026-10-05T16:59:59Z', null)).toBeNull();
  });
  it('the instant and the day agree for every instant and deadline', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
      (t, d) => {
        const deadline = dayOf(d);
        expect(receivedOnTime(t, deadline)).toBe(onTimeDay(vietnamDay(t), deadline));
        expect(receivedOnTime(t, deadline)).toBe(t.getTime() + 7 * 3_600_000 < Date.parse(`${deadline}T00:00:00Z`) + 86_400_000);
      },
    ));
  });
});
