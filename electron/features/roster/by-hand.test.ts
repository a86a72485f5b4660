import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/helpers/app';
import { captureIO } from '../../../test/helpers/cli-io';
import { provinceSetup } from '../../../test/helpers/context';
import { enrol, makeCommune } from '../../../test/fixtures/reviewer-imports';
import { runCli } from '../../app/cli/chiso';
import { openDatabase } from '../../kernel/db/open';
import type { CliIO } from '../../kernel/commands/io';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';

const db = ['--db', 'test.sqlite'];

describe('chiso communes add / edit / remove', () => {
  let t: TestApp;
  let io: CliIO;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    t = testApp(provinceSetup);
    t.runtime.close();
    ({ io, out, err } = captureIO(t.dir));
  });
  afterEach(() => t.cleanup());
  const rows = () => {
    const d = openDatabase(t.file);
    try {
      return [d.prepare('SELECT code, name, type, active FROM communes ORDER BY code').all(), (d.prepare(`SELECT action FROM audit_log WHERE action LIKE 'roster.%' ORDER BY id`).all() as { action: string }[]).map((r) => r.action)];
    } finally {
      d.close();
    }
  };

  it('adds with the type as people write it, edits name, type and activity, removes an unreferenced commune; every change audited', async () => {
    expect(await runCli(['communes', 'add', ...db, '--code', '26734', '--name', '  Xã   Bình Đào ', '--type', 'xã'], io)).toBe(0);
    expect(out.at(-1)).toBe('Đã thêm 26734 Xã Bình Đào (xã).');
    expect(await runCli(['communes', 'add', ...db, '--code', '26735', '--name', 'Phường Một', '--type', 'Phường'], io)).toBe(0);
    expect(await runCli(['communes', 'edit', ...db, '--code', '26735', '--name', 'Đặc khu Hai', '--type', 'đặc khu', '--active', 'no'], io)).toBe(0);
    expect(out.at(-1)).toBe('26735  đặc khu  Đặc khu Hai  (ngừng hoạt động)');
    expect(await runCli(['communes', 'remove', ...db, '--code', '26735'], io)).toBe(0);
    expect(rows()).toEqual([[{ code: '26734', name: 'Xã Bình Đào', type: 'xa', active: 1 }], ['roster.add', 'roster.add', 'roster.edit', 'roster.remove']]);
  });

  it('refuses a bad code, a duplicate code, an unknown type and an unknown commune, writing nothing', async () => {
    await runCli(['communes', 'add', ...db, '--code', '26734', '--name', 'Xã Bình Đào', '--type', 'xa'], io);
    const before = JSON.stringify(rows());
    err.length = 0;
    expect(await runCli(['communes', 'add', ...db, '--code', '2673', '--name', 'Xã Lẻ', '--type', 'xa'], io)).toBe(1);
    expect(await runCli(['communes', 'add', ...db, '--code', '26734', '--name', 'Xã Khác', '--type', 'xa'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Mã xã này đã có trong danh sách/u);
    expect(await runCli(['communes', 'add', ...db, '--code', '26736', '--name', 'Xã Ba', '--type', 'huyện'], io)).toBe(1);
    expect(await runCli(['communes', 'edit', ...db, '--code', '99999', '--name', 'Không có'], io)).toBe(1);
    expect(await runCli(['communes', 'remove', ...db, '--code', '99999'], io)).toBe(1);
    expect(await runCli(['communes', 'edit', ...db, '--code', '26734', '--active', 'maybe'], io)).toBe(2);
    expect(await runCli(['communes', 'add', ...db, '--code', '26736'], io)).toBe(2);
    expect(JSON.stringify(rows())).toBe(before);
  });
});

describe('roster channels by hand', () => {
  let so: ChannelApp;
  beforeEach(() => {
    so = channelApp();
  });
  afterEach(() => so.cleanup());

  it('a commune whose key is enrolled cannot be removed (COMMUNE_IN_USE) but can be deactivated', async () => {
    await so.call('setup:complete', { setup: provinceSetup });
    expect(await so.call('roster:add', { code: '26734', name: 'Xã Thử 26734', type: 'xa' })).toMatchObject({ ok: true, value: { code: '26734', active: true } });
    const commune = makeCommune('26734', 'commune');
    try {
      enrol({ ctx: so.ctx }, commune);
    } finally {
      commune.store.cleanup();
    }
    expect(await so.call('roster:remove', { code: '26734' })).toMatchObject({ ok: false, error: { code: 'COMMUNE_IN_USE' } });
    expect(await so.call('roster:edit', { code: '26734', active: false })).toMatchObject({ ok: true, value: { active: false } });
    expect(await so.call('roster:add', { code: '26735', name: '=CMD()', type: 'xa' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await so.call('roster:list')).toMatchObject({ ok: true, value: [{ code: '26734', active: false }] });
  });
});
