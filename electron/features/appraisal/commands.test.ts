/** chiso appraise / appraisal / diff through the capturing io, over real databases of both sides. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, editEntry, lyingTotals, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { testKey } from '../../../test/fixtures/test-keys';
import { captureIO } from '../../../test/helpers/cli-io';
import { runCli } from '../../app/cli/chiso';
import { openDatabase } from '../../kernel/db/open';
import { appraise, openAppraisal } from './appraisal';
import { exportAppraisalResult } from './result-package';

let w: AppraisalWorld;
beforeEach(() => {
  w = appraisalWorld();
});
afterEach(() => w.cleanup());

async function cli(dir: string, argv: string[], env: Record<string, string> = {}) {
  const c = captureIO(dir, env);
  const code = await runCli(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}
/** The reviewing unit's database is used by the CLI from here on. */
const so = (argv: string[], env?: Record<string, string>) => {
  if (w.so.db.open) w.so.db.close();
  return cli(w.so.dir, argv, env);
};

describe('chiso appraise', () => {
  it('--scores then --accept-self then lock; the summary always says how many items are still at the self-score', async () => {
    w.sendRevision();
    writeFileSync(join(w.so.dir, 'diem.json'), JSON.stringify({
      items: [
        { code: '1.3', points: 50, request: { kind: 'evidence', text: 'Bổ sung báo cáo quý II.' } },
        { code: '1.1', points: 'self', comment: 'Đạt.' },
      ],
    }));
    const scored = await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--scores', 'diem.json']);
    expect(scored.err).toBe('');
    expect(scored.code).toBe(0);
    expect(scored.out).toContain('Đã thẩm định 2/53 tiêu chí · còn 51 tiêu chí giữ điểm tự chấm');
    expect(scored.out).toContain('1 yêu cầu');

    const early = await so(['appraise', 'lock', '--db', 'test.sqlite', '--commune', COMMUNE]);
    expect(early.code).toBe(1);
    expect(early.err).toContain('APPRAISAL_INCOMPLETE');

    const acc = await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--accept-self', '--json']);
    expect(acc.code).toBe(0);
    expect(JSON.parse(acc.out)).toMatchObject({ round: 1, summary: { appraised: 53, stillAtSelfScore: 0 } });

    const locked = await so(['appraise', 'lock', '--db', 'test.sqlite', '--commune', COMMUNE]);
    expect(locked.code).toBe(0);
    expect(locked.out).toMatch(/^Xã Bình Đào \(26734\) năm 2026 · vòng 1 · hồ sơ lần 1 · ĐÃ KHÓA \(chiso-cli, 2026-/u);
  });

  it('a bad scores file writes nothing and says why; bad arguments exit 2', async () => {
    w.sendRevision();
    writeFileSync(join(w.so.dir, 'sai.json'), JSON.stringify({ items: [{ code: '1.1', points: -5 }] }));
    const bad = await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--scores', 'sai.json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('APPRAISAL_SCORES_INVALID');
    writeFileSync(join(w.so.dir, 'range.json'), JSON.stringify({ items: [{ code: '1.1', points: 'self' }, { code: '1.2', points: 9999 }] }));
    const range = await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--scores', 'range.json']);
    expect(range.code).toBe(1);
    expect(range.err).toContain('APPRAISAL_POINTS_OUT_OF_RANGE');
    const db = openDatabase(w.so.file);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM appraisal_items').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect((await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE])).code).toBe(2);
    expect((await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--accept-self', '--scores', 'x.json'])).code).toBe(2);
    expect((await so(['appraise', '--db', 'test.sqlite', '--commune', '12', '--accept-self'])).code).toBe(2);
  });

  it('assign, done and owed: who still owes what', async () => {
    w.sendRevision();
    expect((await so(['appraise', 'assign', '--db', 'test.sqlite', '--field', '1', '--appraiser', 'Sở Tư pháp'])).out).toContain('Sở Tư pháp');
    let board = await so(['appraise', 'owed', '--db', 'test.sqlite']);
    expect(board.out).toContain(`Sở Tư pháp: còn 1 xã (${COMMUNE})`);
    await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--accept-self']);
    expect((await so(['appraise', 'done', '--db', 'test.sqlite', '--commune', COMMUNE, '--field', '1'])).code).toBe(0);
    board = await so(['appraise', 'owed', '--db', 'test.sqlite']);
    expect(board.out).toMatch(/^1 +Sở Tư pháp: xong$/mu);
  });
});

describe('chiso appraisal export / import and chiso diff', () => {
  it('export writes a signed result with the unit key; a commune that pinned another key refuses it', async () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    mkdirSync(join(w.so.dir, 'usb'));
    const pass = { CHISO_PASSPHRASE: 'mật khẩu thử 2026' };
    expect((await so(['keys', 'create', '--db', 'test.sqlite'], pass)).code).toBe(0);
    const out = await so(['appraisal', 'export', '--db', 'test.sqlite', '--commune', COMMUNE, '--out', 'usb'], pass);
    expect(out.err).toContain('Vòng 1 · trả lời hồ sơ lần 1');
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/CCHC-TD-2026-26734-r1-1\.json$/u);
    expect(existsSync(out.out)).toBe(true);
    // That key is not the one the commune pinned: refused.
    w.xa.db.close();
    const wrong = await cli(w.xa.dir, ['appraisal', 'import', '--db', 'test.sqlite', out.out]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('KEY_UNKNOWN');
  }, 60_000);

  it('import at the commune; diff between revisions at the unit', async () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    const sent = w.so.db.transaction(() => exportAppraisalResult(w.so.ctx, COMMUNE, YEAR, { folder: w.usb, signer: testKey('reviewer'), appVersion: '0.1.0' }))();
    editEntry(w.xa, '1.3', { explanation: 'Đã bổ sung.' });
    w.sendRevision();
    w.xa.db.close();
    const imp = await cli(w.xa.dir, ['appraisal', 'import', '--db', 'test.sqlite', sent.path]);
    expect(imp.err).toBe('');
    expect(imp.out).toContain('ĐÃ NHẬN kết quả thẩm định vòng 1 cho hồ sơ lần 1');
    const d = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE, '--from', '1', '--to', '2']);
    expect(d.code).toBe(0);
    expect(d.out).toContain('1 tiêu chí thay đổi');
    expect(d.out).toMatch(/^1\.3 +thuyết minh$/mu);
    const j = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE, '--from', '1', '--to', '2', '--json']);
    expect(JSON.parse(j.out).changes).toEqual([expect.objectContaining({ code: '1.3', changes: ['explanation'] })]);
    const missing = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE, '--from', '1', '--to', '9']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('REVISION_NOT_FOUND');
  });
});

describe('chiso diff tells the whole story', () => {
  it('receipts on time and late, declared totals beside the recompute, the flagged revision, the item\'s two figures', async () => {
    w.so.db.prepare(`INSERT INTO report_deadlines (year, deadline) VALUES (?, '2026-11-22')`).run(YEAR);
    w.sendRevision();
    w.so.clock.advance(9.5 * 3_600_000); // 17:30 UTC: the 23rd in Vietnam
    expect(w.sendRevision(lyingTotals('1.2', 10))).toMatchObject({ outcome: 'accepted', mismatch: true });
    const d = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE]);
    expect(d.err).toBe('');
    expect(d.code).toBe(0);
    const lines = d.out.split('\n');
    expect(lines[0]).toBe('Xã 26734 năm 2026: lần 1 → lần 2: 1 tiêu chí thay đổi');
    expect(lines[1]).toBe('Lần 1: nhận 22/11/2026 · đúng hạn (hạn 22/11/2026)');
    expect(lines[2]).toMatch(/^ {2}Tổng điểm: \d+,\d\d · chỉ số: \d+,\d\d%$/u);
    expect(lines[3]).toBe('Lần 2: nhận 23/11/2026 · SAU HẠN (hạn 22/11/2026)');
    const totals = /^ {2}Tổng điểm: xã tự chấm (\d+),(\d\d) · tính lại (\d+),(\d\d) · chỉ số: xã tự chấm [\d,]+% · tính lại [\d,]+%$/u.exec(lines[4]!);
    expect(totals).not.toBeNull();
    const hundredths = (i: number) => Number(totals![i]) * 100 + Number(totals![i + 1]);
    expect(hundredths(1) - hundredths(3)).toBe(10);
    expect(lines[5]).toBe('  LỆCH KHI TÍNH LẠI: lúc nhận hồ sơ lần 2, điểm tính lại theo bộ tiêu chí khác điểm xã tự chấm.');
    expect(lines[6]).toMatch(/^1\.2 +điểm {2}([\d,]+) → [\d,]+ \(lần 2: xã tự chấm [\d,]+ · tính lại \1\)$/u);
    expect(lines).toHaveLength(7);

    const j = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE, '--from', '2', '--to', '1', '--json']);
    const c = JSON.parse(j.out);
    expect(c).toMatchObject({ communeCode: COMMUNE, year: YEAR, deadline: '2026-11-22', from: { revision: 2, onTime: false, mismatch: true }, to: { revision: 1, onTime: true, mismatch: false } });
    expect(c.changes[0].from.points - c.changes[0].from.recomputedPoints).toBe(10);

    const half = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE, '--from', '1']);
    expect(half.code).not.toBe(0);
    expect(half.err).toContain('--to');
  });

  it('without a deadline says so; a commune with one revision only is refused with a sentence', async () => {
    w.sendRevision();
    w.sendRevision();
    const d = await so(['diff', '--db', 'test.sqlite', '--commune', COMMUNE]);
    expect(d.out).toContain('Lần 2: nhận 22/11/2026 · chưa có hạn gửi');
    expect(d.out).toContain('0 tiêu chí thay đổi');
    const none = await so(['diff', '--db', 'test.sqlite', '--commune', '99999']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('REVISIONS_TOO_FEW');
    expect(none.err).toContain('mới gửi hồ sơ một lần');
  });
});

describe('chiso appraisal answer', () => {
  let w2: AppraisalWorld;
  beforeEach(() => {
    w2 = appraisalWorld();
  });
  afterEach(() => w2.cleanup());

  it('the commune answers a request by command line; the answer is stored for its next package', async () => {
    w2.sendRevision();
    openAppraisal(w2.so.ctx, COMMUNE, YEAR);
    appraise(w2.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.3', request: { kind: 'explain', text: 'Giải trình việc chậm báo cáo quý II.' } }]);
    const sent = w2.so.db.transaction(() => exportAppraisalResult(w2.so.ctx, COMMUNE, YEAR, { folder: w2.usb, signer: testKey('reviewer'), appVersion: '0.1.0' }))();
    w2.xa.db.close();
    expect((await cli(w2.xa.dir, ['appraisal', 'import', '--db', 'test.sqlite', sent.path])).out).toContain('1 yêu cầu');
    const r = await cli(w2.xa.dir, ['appraisal', 'answer', '--db', 'test.sqlite', '--item', '1.3', '--text', 'Báo cáo quý II gửi chậm 2 ngày do mất điện.']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Đã ghi câu trả lời cho tiêu chí 1.3');
    const db = openDatabase(join(w2.xa.dir, 'test.sqlite'));
    expect(JSON.stringify(db.prepare('SELECT * FROM appraisal_answers').all())).toContain('mất điện');
    db.close();
    expect((await cli(w2.xa.dir, ['appraisal', 'answer', '--db', 'test.sqlite', '--item', '1.3'])).code).toBe(2);
  });
});

describe('docs/examples/sample-appraisal-scores.json', () => {
  it('applies to the golden commune as documented', async () => {
    w.sendRevision();
    const r = await so(['appraise', '--db', 'test.sqlite', '--commune', COMMUNE, '--scores', join(__dirname, '../../../docs/examples/sample-appraisal-scores.json'), '--json']);
    expect(r.err).toBe('');
    const s = JSON.parse(r.out) as { summary: { appraised: number; requests: number }; items: { code: string; appraisedPoints: number | null }[] };
    expect(s.summary).toMatchObject({ appraised: 3, requests: 2 });
    expect(s.items.find((i) => i.code === '1.2')!.appraisedPoints).toBe(100);
  });
});
