import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { communeSetup, fixedClock, tempDir } from '../../../test/helpers/context';
import type { AppRuntime } from '../../app/runtime';
import { createAppRuntime } from '../../app/runtime';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let cleanup: () => void;
let dialogAnswer: string | null = null;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  rt = createAppRuntime({
    dbPath: `${t.dir}/app.sqlite`,
    appVersion: '0.0.0-test',
    platform: 'test',
    clock: fixedClock(),
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => dialogAnswer,
      openFiles: async () => [],
      chooseFolder: async () => null,
      saveFile: async () => null,
      openPath: async () => undefined,
    },
    pdf: { fromHtml: async () => new Uint8Array() },
  });
});
afterEach(() => {
  rt.close();
  cleanup();
});

describe('router refusals', () => {
  it('refuses a sender that is not the app window, before looking at the input', async () => {
    const r = await rt.route('setup:complete', { setup: communeSetup }, { url: 'https://evil.example/' });
    expect(r).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', messageKey: 'UNTRUSTED_SENDER' } });
    expect(rt.db.prepare('SELECT count(*) AS n FROM identity').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown channel', async () => {
    const r = await rt.route('fs:readFile', { path: '/etc/passwd' }, trusted);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses input that does not match the channel schema, naming the field', async () => {
    const r = await rt.route('settings:set', { key: 'language', value: 42 }, trusted);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(r.error.details?.['fields'] as object)).toContain('value');
    }
    const r2 = await rt.route('settings:set', { key: 'dbPath', value: '/tmp/x' }, trusted);
    expect(r2.ok).toBe(false);
  });

  it('returns stable codes and no stack traces for service errors', async () => {
    const r = await rt.route('framework:active', undefined, trusted);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_SET_UP', messageKey: 'NOT_SET_UP' } });
    const done = await rt.route('setup:complete', { setup: communeSetup }, trusted);
    expect(done.ok).toBe(true);
    const twice = await rt.route('setup:complete', { setup: communeSetup }, trusted);
    expect(twice.ok).toBe(false);
    if (!twice.ok) {
      expect(twice.error.code).toBe('ALREADY_SET_UP');
      expect(JSON.stringify(twice)).not.toMatch(/at .*\.ts:\d+/u);
    }
  });

  it('refuses a bad commune code with the field and reason', async () => {
    const r = await rt.route('setup:complete', { setup: { ...communeSetup, unitCode: '2673' } }, trusted);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.['fields']).toMatchObject({ 'setup.unitCode': 'COMMUNE_CODE' });
  });

  it('serves every declared channel', async () => {
    for (const channel of CHANNELS) {
      const r = await rt.route(channel, undefined, trusted);
      if (!r.ok) expect(r.error.code).not.toBe('UNKNOWN_CHANNEL');
    }
  });

  it('framework:choose returns null when the dialog is cancelled and a readable error for a broken file', async () => {
    dialogAnswer = null;
    expect(await rt.route('framework:choose', undefined, trusted)).toEqual({ ok: true, value: null });
    const t = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${t.dir}/bad.json`, '{"schemaVersion": 1, "title": ');
    dialogAnswer = `${t.dir}/bad.json`;
    const r = await rt.route('framework:choose', undefined, trusted);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FILE_UNREADABLE');
    writeFileSync(`${t.dir}/wrong.json`, JSON.stringify({ schemaVersion: 1, title: 'x' }));
    dialogAnswer = `${t.dir}/wrong.json`;
    const r2 = await rt.route('framework:choose', undefined, trusted);
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.error.code).toBe('FRAMEWORK_INVALID');
      expect((r2.error.details?.['issues'] as unknown[]).length).toBeGreaterThan(0);
    }
    t.cleanup();
  });
});
