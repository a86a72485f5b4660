/** chiso import and chiso status through the capturing io, over a real reviewing unit's database. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import type { TestStore } from '../../../test/helpers/context';
import { addToRoster, dumpDatabase, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import { runCli } from '../../app/cli/chiso';
import { vietnamDay } from '../../../shared/calendar-date';
import { openDatabase, type Db } from '../../kernel/db/open';
import { storeTypedDeadline } from '../settings/deadline';

let r: TestStore;
let a: Commune;
let usb: string;
const communes: Commune[] = [];

beforeEach(() => {
  r = makeReviewer();
  a = makeCommune('26734', 'commune');
  communes.push(a);
  enrol(r, a);
  addToRoster(r, '26734', 'Xã Bình Đào');
  addToRoster(r, '26735', 'Phường An Mỹ', 'phuong');
  addToRoster(r, '26736', 'Xã Tam Kỳ');
  usb = join(r.dir, 'usb');
  mkdirSync(usb);
  // The reviewer's database is used by the CLI from here on: close the test's handle.
  r.db.close();
});
afterEach(() => {
  for (const c of communes.splice(0)) c.store.cleanup();
  r.cleanup();
});

async function cli(argv: string[]) {
  const c = captureIO(r.dir);
  const code = await runCli(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('chiso import', () => {
  it('--json: one object per file with file, outcome, code, commune, revision; exit 1 when one was refused', async () => {
    copyFileSync(a.export(), join(usb, 'r1.json'));
    const r2 = a.export();
    copyFileSync(r2, join(usb, 'r2.json'));
    copyFileSync(r2, join(usb, 'r2-again.json'));
    const stranger = makeCommune('26736', 'communeNext');
    communes.push(stranger);
    copyFileSync(stranger.export(), join(usb, 'unknown-key.json'));
    const res = await cli(['import', '--db', 'test.sqlite', '--json', 'usb']);
    expect(res.code).toBe(1);
    const rows = JSON.parse(res.out) as { file: string; outcome: string; code: string | null; commune: string | null; revision: number | null }[];
    expect(rows.map((x) => [x.file.slice(usb.length + 1), x.outcome, x.code, x.commune, x.revision])).toEqual([
      ['r1.json', 'accepted', null, '26734', 1],
      ['r2-again.json', 'accepted', null, '26734', 2],
      ['r2.json', 'duplicate', null, '26734', 2],
      ['unknown-key.json', 'refused', 'KEY_UNKNOWN', '26736', null],
    ]);
  });

  it('progress goes to the status line (a terminal\'s stderr), never into --json stdout; Ctrl-C stops cleanly with what was done', async () => {
    copyFileSync(a.export(), join(usb, 'r1.json'));
    copyFileSync(a.export(), join(usb, 'r2.json'));
    copyFileSync(a.export(), join(usb, 'r3.json'));
    const c = captureIO(r.dir);
    const status: string[] = [];
    c.io.status = (line) => {
      status.push(line);
      // The person presses Ctrl-C once the first file is done.
      if (line.startsWith('1/3')) process.emit('SIGINT');
    };
    const code = await runCli(['import', '--db', 'test.sqlite', '--json', 'usb'], c.io);
    expect(code).toBe(1);
    expect(status[0]).toMatch(/^1\/3 tệp · nhận 1 · đã có 0 · từ chối 0/u);
    expect(status.at(-1)).toBe('');
    const rows = JSON.parse(c.out.join('\n')) as { file: string; outcome: string }[];
    expect(rows.map((x) => [x.file.slice(usb.length + 1), x.outcome])).toEqual([['r1.json', 'accepted']]);
    expect(c.err.join('\n')).toContain('Đã dừng: 2 tệp chưa xử lý');
    expect(process.listenerCount('SIGINT')).toBe(0);
    const again = await cli(['import', '--db', 'test.sqlite', '--json', 'usb']);
    expect((JSON.parse(again.out) as { outcome: string }[]).map((x) => x.outcome)).toEqual(['duplicate', 'accepted', 'accepted']);
  });

  it('exit 0 when nothing was refused, a duplicate included; --dry-run writes nothing and says so', async () => {
    const file = a.export();
    copyFileSync(file, join(usb, 'a.json'));
    copyFileSync(file, join(usb, 'b.json'));
    const before = (() => {
      const s = makeReviewerView();
      try {
        return dumpDatabase(s);
      } finally {
        s.db.close();
      }
    })();
    const dry = await cli(['import', '--db', 'test.sqlite', '--dry-run', 'usb']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Chạy thử');
    expect(dry.out).toContain('SẼ NHẬN');
    expect(dry.out).toMatch(/ĐÃ CÓ .*b\.json.*\(trùng với một tệp phía trên; chỉ nhận một lần\)/u);
    const dryJson = await cli(['import', '--db', 'test.sqlite', '--dry-run', '--json', 'usb']);
    expect((JSON.parse(dryJson.out) as { outcome: string; sameChoice?: boolean }[]).map((r) => [r.outcome, r.sameChoice ?? false])).toEqual([['accepted', false], ['duplicate', true]]);
    const s = makeReviewerView();
    try {
      expect(dumpDatabase(s)).toEqual(before);
    } finally {
      s.db.close();
    }
    const real = await cli(['import', '--db', 'test.sqlite', 'usb']);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/ĐÃ NHẬN .*a\.json/u);
    expect(real.out).toContain('đã nhận 1 · đã có 1 · từ chối 0');
  });

  it('a refusal prints the code and the sentence; no path is a usage error (exit 2)', async () => {
    writeFileSync(join(usb, 'x.json'), '{"format": 1');
    const res = await cli(['import', '--db', 'test.sqlite', join(usb, 'x.json')]);
    expect(res.code).toBe(1);
    expect(res.out).toContain('TỪ CHỐI');
    expect(res.out).toContain('[NOT_JSON]');
    expect((await cli(['import', '--db', 'test.sqlite'])).code).toBe(2);
  });
});

describe('chiso status', () => {
  it('every roster commune: not received, received on time or late, flagged', async () => {
    // The deadline is the day before the fixed clock's day (in Vietnam): anything received now is late.
    const today = vietnamDay(new Date().toISOString());
    const s = makeReviewerView();
    s.db.prepare(`INSERT INTO report_deadlines (year, deadline) VALUES (2026, '2000-01-01')`).run();
    s.db.close();
    copyFileSync(a.export(), join(usb, 'a.json'));
    const stranger = makeCommune('26736', 'communeNext');
    communes.push(stranger);
    copyFileSync(stranger.export(), join(usb, 'z.json'));
    await cli(['import', '--db', 'test.sqlite', 'usb']);
    const res = await cli(['status', '--db', 'test.sqlite', '--year', '2026', '--json']);
    expect(res.code).toBe(0);
    const board = JSON.parse(res.out) as { deadline: string; rows: { code: string; state: string; revision: number | null; onTime: boolean | null; refusedAttempts: number; receivedAt: string | null }[] };
    expect(board.deadline).toBe('2000-01-01');
    expect(board.rows.map((x) => [x.code, x.state, x.revision, x.onTime, x.refusedAttempts])).toEqual([
      ['26734', 'received', 1, false, 0],
      ['26735', 'not-received', null, null, 0],
      ['26736', 'flagged', null, null, 1],
    ]);
    expect(vietnamDay(board.rows[0]!.receivedAt!)).toBe(today);
    const text = await cli(['status', '--db', 'test.sqlite', '--year', '2026']);
    expect(text.out).toContain('trễ hạn');
    expect(text.out).toContain('CHƯA NHẬN');
    expect(text.out).toContain('CẦN XEM');
    expect((await cli(['status', '--db', 'test.sqlite', '--year', '26'])).code).toBe(2);

    const v = makeReviewerView();
    v.db.prepare(`UPDATE report_deadlines SET deadline = '2100-12-31' WHERE year = 2026`).run();
    v.db.close();
    const later = JSON.parse((await cli(['status', '--db', 'test.sqlite', '--year', '2026', '--json'])).out) as typeof board;
    expect(later.rows[0]).toMatchObject({ state: 'received', onTime: true });
  });
});

describe('chiso status: what the commune confirmed when it sent', () => {
  it('the overrides with the commune\'s reason in --json, and a sentence each under the commune in the text', async () => {
    storeTypedDeadline(a.store.ctx, 2026, '2026-01-02');
    copyFileSync(a.exportOverriding('Chờ UBND huyện ký văn bản'), join(usb, 'a.json'));
    expect((await cli(['import', '--db', 'test.sqlite', 'usb'])).code).toBe(0);
    const board = JSON.parse((await cli(['status', '--db', 'test.sqlite', '--year', '2026', '--json'])).out) as {
      rows: { code: string; completeness: { forms: { saved: number; minimum: number }; overrides: { code: string; reason: string }[] } | null }[];
    };
    const row = board.rows.find((x) => x.code === '26734')!;
    expect(row.completeness!.overrides).toContainEqual({ code: 'DEADLINE_PASSED', reason: 'Chờ UBND huyện ký văn bản' });
    expect(board.rows.find((x) => x.code === '26735')!.completeness).toBeNull();
    const { saved, minimum } = row.completeness!.forms;
    const text = (await cli(['status', '--db', 'test.sqlite', '--year', '2026'])).out.split('\n');
    const at = text.findIndex((l) => l.startsWith('26734'));
    const under = text.slice(at + 1, at + 4).map((l) => l.trim());
    expect(under).toContain('Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: Chờ UBND huyện ký văn bản');
    expect(under).toContain(`Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu (${saved}/${minimum}), lý do: Chờ UBND huyện ký văn bản`);
    expect(text[at + 4]).toMatch(/^26735/u);
  });
});

/** A handle on the reviewer's database file, for reading what the CLI wrote (closed after use). */
function makeReviewerView(): { db: Db } {
  return { db: openDatabase(r.file) };
}
