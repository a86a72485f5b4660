import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { communeSetup, fixedClock, tempDir } from '../../../test/helpers/context';
import { createHandlers } from '../../app/handlers';
import type { AppRuntime, RuntimeOptions } from '../../app/runtime';
import { createAppRuntime } from '../../app/runtime';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let dir: string;
let cleanup: () => void;
let dialogAnswer: string | null = null;

const options = (): RuntimeOptions => ({
  dbPath: `${dir}/app.sqlite`,
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

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dialogAnswer = null;
  rt = createAppRuntime(options());
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

  it('has exactly one handler per channel of the contract, none extra', () => {
    expect(Object.keys(createHandlers(rt.app)).sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers every channel with a value or a stable code, never an unexpected failure, before and after setup', async () => {
    const logged: string[] = [];
    const watched = createAppRuntime({ ...options(), dbPath: `${dir}/watched.sqlite`, logError: (channel) => void logged.push(channel) });
    try {
      for (const round of ['before setup', 'after setup']) {
        for (const channel of CHANNELS) {
          const r = await watched.route(channel, undefined, trusted);
          if (!r.ok) expect([round, channel, r.error.code]).not.toContain('INTERNAL');
        }
        if (round === 'before setup') expect(await watched.route('setup:complete', { setup: communeSetup }, trusted)).toMatchObject({ ok: true });
      }
      expect(logged).toEqual([]);
    } finally {
      watched.close();
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

describe('policy at the router', () => {
  it('refuses a wrong role or a finalised assessment before the handler opens a dialog', async () => {
    const asked: string[] = [];
    const cancelled = <T>(dialog: string, answer: T) => async (): Promise<T> => {
      asked.push(dialog);
      return answer;
    };
    const counting = createAppRuntime({
      ...options(),
      dbPath: `${dir}/policy.sqlite`,
      dialogs: {
        openFile: cancelled('openFile', null),
        openFiles: cancelled<string[]>('openFiles', []),
        chooseFolder: cancelled('chooseFolder', null),
        saveFile: cancelled('saveFile', null),
        openPath: async () => undefined,
      },
    });
    try {
      expect(await counting.route('evidence:attach', { code: '1.1' }, trusted)).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
      await counting.route('setup:complete', { setup: communeSetup }, trusted);
      expect(await counting.route('assessment:finalise', undefined, trusted)).toMatchObject({ ok: true });
      for (const [channel, input] of [['evidence:attach', { code: '1.1' }], ['assessment:loadFile', undefined], ['survey:import', undefined]] as const) {
        expect(await counting.route(channel, input, trusted)).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_LOCKED' } });
      }
      // Reading is not writing: the summary may still be saved while finalised.
      expect(await counting.route('assessment:exportPdf', undefined, trusted)).toEqual({ ok: true, value: null });
      expect(asked).toEqual(['saveFile']);
    } finally {
      counting.close();
    }
  });

  it('refuses a reviewing unit what only a commune does, naming no stack', async () => {
    await rt.route('setup:complete', { setup: { role: 'reviewer', level: 'province', unitCode: '49', unitName: 'Sở Nội vụ tỉnh Quảng Nam', provinceCode: '49', year: 2026 } }, trusted);
    for (const [channel, input] of [
      ['assessment:setEntry', { code: '1.1', entry: null }],
      ['survey:begin', { formNo: '1', keyedBy: 'Hoa', pass: 1 }],
      ['package:export', {}],
      ['enrolment:request', {}],
    ] as const) {
      expect(await rt.route(channel, input, trusted)).toEqual({ ok: false, error: { code: 'WRONG_ROLE', messageKey: 'WRONG_ROLE', details: { roles: ['commune'] } } });
    }
    expect(await rt.route('assessment:get', undefined, trusted)).toMatchObject({ ok: true });
  });
});
