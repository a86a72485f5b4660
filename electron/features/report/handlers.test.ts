import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryPreview, ReportView } from '../../../shared/ipc/report';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { handUnit } from '../../../test/fixtures/report-store';
import { SPECIAL_FILES_SUPPORTED, specialFiles } from '../../../test/helpers/special-files';
import { USER_FILE_LIMITS } from '../../kernel/files/user-file';

let a: ChannelApp;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: provinceSetup });
  handUnit(a.ctx.db);
});
afterEach(() => a.cleanup());

const query = { year: 2026, basis: 'appraised', types: null };
const value = <T>(r: { ok: boolean; value?: unknown }): T => {
  expect(r).toMatchObject({ ok: true });
  return r.value as T;
};

describe('report channels', () => {
  it('report:view gives the ranking rows, the figures, the JSON, the paragraphs and the types present', async () => {
    const v = value<ReportView>(await a.call('report:view', query));
    expect(v.rows.map((r) => r.rank)).toEqual([1, 1, 1, 4, 5, 6, null]);
    expect(v.rows[1]).toMatchObject({ code: '00002', lastYearIndex: 8100, change: -100, itemsAtSelfScore: 2, groupCode: 'nhom-1' });
    expect(v.json.mean).toBe(74.58);
    expect(v.typesPresent).toEqual(['xa', 'phuong']);
    expect(v.lastYearSource).toBe('imported');
    expect(v.paragraphs[0]).toMatch(/^Chỉ số CCHC trung bình .* đạt 74,58%, giảm 0,52 điểm % so với năm 2025/u);
    const phuong = value<ReportView>(await a.call('report:view', { ...query, types: ['phuong'] }));
    expect(phuong.rows.map((r) => r.code)).toEqual(['00004']);
    expect(phuong.typesPresent).toEqual(['xa', 'phuong']);
    expect(await a.call('report:view', { ...query, basis: 'council' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('exports where the dialog says; a cancelled dialog writes nothing; an unwritable place fails whole', async () => {
    const dir = a.folder('out');
    a.saves.push(join(dir, 'xh.xlsx'), null, join(dir, 'missing', 'xh.csv'));
    expect(value(await a.call('report:exportXlsx', query))).toEqual({ file: join(dir, 'xh.xlsx') });
    expect(existsSync(join(dir, 'xh.xlsx'))).toBe(true);
    expect(value(await a.call('report:exportCsv', query))).toBeNull();
    expect(await a.call('report:exportCsv', query)).toMatchObject({ ok: false, error: { code: 'FILE_WRITE_FAILED' } });
    expect(readdirSync(dir)).toEqual(['xh.xlsx']);
  });

  it('history: choose previews, import writes all rows; a refused file is kept out whole', async () => {
    const bad = join(a.dir, 'bad.csv');
    writeFileSync(bad, 'Mã,Tên,Chỉ số\n00001,Bình Minh,101\n');
    a.files.push(bad);
    const refused = value<{ token: string; preview: HistoryPreview }>(await a.call('report:historyChoose', { year: 2024 }));
    expect(refused.preview.rows[0]).toMatchObject({ line: 2, status: 'refused', reason: 'chỉ số 101 lớn hơn 100%' });
    expect(await a.call('report:historyImport', { token: refused.token })).toMatchObject({ ok: false, error: { code: 'HISTORY_INVALID' } });
    const good = join(a.dir, 'good.csv');
    writeFileSync(good, 'Mã,Tên,Chỉ số,Nhóm\n00001,Bình Minh,77,Nhóm 2\n');
    a.files.push(good);
    const chosen = value<{ token: string; preview: HistoryPreview }>(await a.call('report:historyChoose', { year: 2024 }));
    expect(chosen.preview).toMatchObject({ year: 2024, replaces: 0, counts: { matched: 1, refused: 0 } });
    expect(value<HistoryPreview>(await a.call('report:historyImport', { token: chosen.token })).rows).toHaveLength(1);
    expect(a.ctx.db.prepare('SELECT year, code, index_percent, group_label FROM history_results WHERE year = 2024').all()).toEqual([
      { year: 2024, code: '00001', index_percent: 7700, group_label: 'Nhóm 2' },
    ]);
  });

  it.runIf(SPECIAL_FILES_SUPPORTED)('reads a results file through the bounded reader: a FIFO or a device is NOT_A_FILE, an oversized file FILE_TOO_LARGE', async () => {
    for (const file of specialFiles(a.dir, 'csv')) {
      a.files.push(file);
      expect(await a.call('report:historyChoose', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'NOT_A_FILE' } });
    }
    const big = join(a.dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, USER_FILE_LIMITS.history + 1);
    closeSync(fd);
    a.files.push(big);
    expect(await a.call('report:historyChoose', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });

  it('refuses a commune before any dialog opens', async () => {
    const b = channelApp();
    try {
      await b.call('setup:complete', { setup: communeSetup });
      b.files.push(join(b.dir, 'x.csv'));
      expect(await b.call('report:view', query)).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
      expect(await b.call('report:historyChoose', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
      expect(b.files).toHaveLength(1);
    } finally {
      b.cleanup();
    }
  });
});
