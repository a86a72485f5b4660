import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testKey } from '../../../test/fixtures/test-keys';
import { setUpCommune } from '../../../test/fixtures/commune-report';
import { testApp, type TestApp } from '../../../test/helpers/app';
import { captureIO } from '../../../test/helpers/cli-io';
import { freshStore, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import { openDatabase } from '../../kernel/db/open';
import type { CliIO } from '../../kernel/commands/io';
import { prepareEnrolmentRequest } from '../enrolment/commune-enrolment';
import { approveEnrolmentRequest } from '../enrolment/reviewer-enrolment';

let t: TestApp;
let io: CliIO;
let out: string[];
let err: string[];
beforeEach(() => {
  // A set-up reviewing unit's database, closed so the command line opens it as it would.
  t = testApp(provinceSetup);
  t.runtime.close();
  ({ io, out, err } = captureIO(t.dir));
});
afterEach(() => t.cleanup());

const db = ['--db', 'test.sqlite'];
const dump = () => {
  const d = openDatabase(t.file);
  try {
    return JSON.stringify([d.prepare('SELECT * FROM communes ORDER BY code').all(), d.prepare('SELECT * FROM audit_log').all()]);
  } finally {
    d.close();
  }
};

describe('chiso communes', () => {
  it('imports a roster (dry run first writes nothing), lists it as text and JSON', async () => {
    writeFileSync(join(t.dir, 'xa.csv'), '\uFEFFMã,Tên,Loại\r\n26734,Xã Bình Đào,Xã\r\n00004,Phường Ba Đình,Phường\r\n');
    const before = dump();
    expect(await runCli(['communes', 'import', ...db, '--dry-run', 'xa.csv'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Chạy thử \(chưa ghi gì\): 2 mới, 0 thay đổi/u);
    expect(dump()).toBe(before);
    expect(await runCli(['communes', 'import', ...db, 'xa.csv'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Đã nhập danh sách xã: 2 mới/u);
    out.length = 0;
    expect(await runCli(['communes', 'list', ...db], io)).toBe(0);
    expect(out[0]).toMatch(/^00004 {2}phường +Phường Ba Đình$/u);
    expect(out.at(-1)).toBe('2 xã, phường, đặc khu (2 đang hoạt động).');
    out.length = 0;
    expect(await runCli(['communes', 'list', ...db, '--json'], io)).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual([
      { code: '00004', name: 'Phường Ba Đình', type: 'phuong', active: true },
      { code: '26734', name: 'Xã Bình Đào', type: 'xa', active: true },
    ]);
  });

  it('prints every refused row by line, exits 1 and writes nothing', async () => {
    writeFileSync(join(t.dir, 'bad.csv'), 'code,name,type\n26734,Xã Bình Đào,xã\n26734,Xã Trùng,xã\n1,Xã Một,quận\n');
    const before = dump();
    expect(await runCli(['communes', 'import', ...db, 'bad.csv'], io)).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('dòng 3 (26734): mã 26734 trùng với dòng 2');
    expect(text).toMatch(/dòng 4 \(1\): mã "1" không hợp lệ.*loại "quận" không hợp lệ/u);
    expect(text).toContain('Lỗi [ROSTER_INVALID]');
    expect(dump()).toBe(before);
  });

  it('refuses a file of another kind and a missing one', async () => {
    writeFileSync(join(t.dir, 'xa.txt'), 'Mã,Tên,Loại\n');
    expect(await runCli(['communes', 'import', ...db, 'xa.txt'], io)).toBe(1);
    expect(err.join('\n')).toContain('FILE_UNREADABLE');
    expect(await runCli(['communes', 'import', ...db, 'nope.csv'], io)).toBe(1);
    expect(err.join('\n')).toContain('FILE_NOT_FOUND');
    expect(await runCli(['communes', 'import', ...db], io)).toBe(2);
  });

  it('sets a deadline; a day that does not exist is a usage error', async () => {
    expect(await runCli(['communes', 'deadline', ...db, '--year', '2026', '--date', '2026-12-15'], io)).toBe(0);
    expect(out.at(-1)).toBe('Hạn nộp năm 2026: 2026-12-15.');
    expect(await runCli(['communes', 'deadline', ...db, '--year', '2026', '--date', '2026-02-30'], io)).toBe(2);
    expect(await runCli(['communes', 'deadline', ...db, '--year', '2026', '--date', '2030-01-01'], io)).toBe(1);
    expect(err.join('\n')).toContain('INVALID_INPUT');
    const d = openDatabase(t.file);
    expect(d.prepare('SELECT * FROM report_deadlines').all()).toEqual([{ year: 2026, deadline: '2026-12-15' }]);
    d.close();
  });
});

describe('chiso enrol reject', () => {
  let xa: TestStore;
  let requestText: string;
  beforeEach(() => {
    xa = freshStore();
    setUpCommune(xa.ctx);
    requestText = prepareEnrolmentRequest(xa.ctx, testKey('commune'), { appVersion: '0.1.0' }).record.text;
    writeFileSync(join(t.dir, 'request.json'), requestText);
  });
  afterEach(() => xa.cleanup());

  it('records who, when and why; the same request can never be approved afterwards', async () => {
    expect(await runCli(['enrol', 'reject', ...db, '--reason', 'Dấu vân tay trên phiếu khác tệp', 'request.json'], io)).toBe(0);
    expect(out.join('\n')).toContain('Lý do: Dấu vân tay trên phiếu khác tệp');
    expect(out.join('\n')).toContain('Người từ chối: chiso-cli');
    const again = testApp(undefined, { dbPath: t.file });
    try {
      const row = again.ctx.db.prepare("SELECT actor, action, entity_key FROM audit_log WHERE action = 'enrolment.reject'").all();
      expect(row).toHaveLength(1);
      expect(() => approveEnrolmentRequest(again.ctx, readFileSync(join(t.dir, 'request.json')), testKey('reviewer'))).toThrow(expect.objectContaining({ code: 'ENROLMENT_REJECTED' }));
      expect(again.ctx.db.prepare('SELECT count(*) n FROM enrolled_keys').get()).toEqual({ n: 0 });
    } finally {
      again.runtime.close();
    }
  });

  it('needs a reason of at least 5 characters', async () => {
    expect(await runCli(['enrol', 'reject', ...db, 'request.json'], io)).toBe(2);
    expect(await runCli(['enrol', 'reject', ...db, '--reason', 'sai', 'request.json'], io)).toBe(1);
    expect(err.join('\n')).toContain('INVALID_INPUT');
  });

  it('cannot reject a request already approved', async () => {
    const so = testApp(undefined, { dbPath: t.file });
    try {
      approveEnrolmentRequest(so.ctx, requestText, testKey('reviewer'));
    } finally {
      so.runtime.close();
    }
    expect(await runCli(['enrol', 'reject', ...db, '--reason', 'Nhầm xã', 'request.json'], io)).toBe(1);
    expect(err.join('\n')).toContain('ENROLMENT_ALREADY_APPROVED');
  });

  it('refuses a tampered request file', async () => {
    const tampered = requestText.replace(/"name":"[^"]*"/u, '"name":"Người Khác"');
    expect(tampered).not.toBe(requestText);
    writeFileSync(join(t.dir, 'bad.json'), tampered);
    expect(await runCli(['enrol', 'reject', ...db, '--reason', 'Không rõ người lập', 'bad.json'], io)).toBe(1);
    const d = openDatabase(t.file);
    expect(d.prepare("SELECT count(*) n FROM audit_log WHERE action = 'enrolment.reject'").get()).toEqual({ n: 0 });
    d.close();
  });
});
