import { describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/ipc/import';
import { baseName, countOutcomes, verdictText, visibleRows } from './verdicts';
import { vi } from './i18n';

// The Vietnamese catalogue with i18next's {{name}} interpolation, enough for these sentences.
const t = (key: string, opts: Record<string, unknown> = {}): string => {
  const path = key.replace(/^reviewImport\./u, '').split('.');
  let v: unknown = vi;
  for (const p of path) v = (v as Record<string, unknown>)[p];
  return String(v).replace(/\{\{(\w+)\}\}/gu, (_, k: string) => String(opts[k]));
};

const base: ImportResult = {
  file: '/usb/26734-r1.json', outcome: 'accepted', code: null, message: null, commune: '26734', communeName: 'Xã A',
  year: 2026, revision: 1, packageId: 'p', sha256: 'h', mismatch: false,
};

describe('import verdicts', () => {
  it('names a first package, a later revision, a duplicate and an accepted file after the import', () => {
    expect(verdictText(base, false, t)).toBe('Mới');
    expect(verdictText({ ...base, revision: 3 }, false, t)).toBe('Bản sửa mới hơn');
    expect(verdictText({ ...base, outcome: 'duplicate' }, false, t)).toBe('Đã nhận trước đó');
    expect(verdictText({ ...base, outcome: 'duplicate', sameChoice: true }, false, t)).toBe('Trùng với một tệp phía trên (chỉ nhận một lần)');
    expect(verdictText(base, true, t)).toBe('Đã nhận');
  });

  it('shows a refusal sentence in full with hidden characters made visible', () => {
    const r: ImportResult = { ...base, outcome: 'refused', code: 'SIGNATURE_INVALID', message: 'Chữ ký sai\u202E; gửi lại.' };
    const text = verdictText(r, false, t);
    expect(text.startsWith('Bị từ chối: Chữ ký sai')).toBe(true);
    expect(text).not.toContain('\u202E');
    expect(text.endsWith('; gửi lại.')).toBe(true);
    expect(verdictText({ ...r, message: null }, false, t)).toBe('Bị từ chối: SIGNATURE_INVALID');
  });

  it('counts outcomes and keeps the file name only', () => {
    const rows = [base, { ...base, outcome: 'duplicate' as const }, { ...base, outcome: 'refused' as const }, base];
    expect(countOutcomes(rows)).toEqual({ accepted: 2, duplicate: 1, refused: 1 });
    expect(baseName('C:\\USB\\hồ sơ\\26734-r1.json')).toBe('26734-r1.json');
    expect(baseName('/usb/26734-r2.json')).toBe('26734-r2.json');
  });
});

describe('the rows shown', () => {
  const rows: ImportResult[] = Array.from({ length: 7 }, (_, i) => ({ ...base, file: `/usb/${i}.json`, outcome: i % 3 === 0 ? 'refused' : i % 3 === 1 ? 'accepted' : 'duplicate' }));
  it('keeps the files of one outcome in file order, the first `limit` of them shown', () => {
    expect(visibleRows(rows, 'refused', 10)).toMatchObject({ kept: 3, hidden: 0 });
    expect(visibleRows(rows, 'refused', 10).shown.map((r) => r.file)).toEqual(['/usb/0.json', '/usb/3.json', '/usb/6.json']);
    expect(visibleRows(rows, 'all', 4)).toMatchObject({ kept: 7, hidden: 3 });
    expect(visibleRows(rows, 'all', 4).shown.map((r) => r.file)).toEqual(['/usb/0.json', '/usb/1.json', '/usb/2.json', '/usb/3.json']);
    expect(visibleRows(rows, 'accepted', 0)).toMatchObject({ shown: [], kept: 2, hidden: 2 });
    expect(visibleRows([], 'all', 200)).toEqual({ shown: [], kept: 0, hidden: 0 });
  });
});
