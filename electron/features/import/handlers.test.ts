import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { addToRoster, enrol, makeCommune, type Commune } from '../../../test/fixtures/reviewer-imports';
import type { ImportPreview, ImportProgress, ImportRun } from '../../../shared/ipc/import';

let a: ChannelApp;
let c: Commune;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: provinceSetup });
  c = makeCommune('26734', 'commune');
  enrol(a, c);
  addToRoster(a, '26734');
});
afterEach(() => {
  c.store.cleanup();
  a.cleanup();
});

describe('import channels', () => {
  it('import:choose dry-runs the chosen folder and writes nothing; import:run imports it once; the board shows it', async () => {
    const usb = a.folder('usb');
    copyFileSync(c.export(), join(usb, 'r1.json'));
    a.folders.push(usb);
    const preview = (await a.call('import:choose', { from: 'folder' })) as { ok: true; value: ImportPreview };
    expect(preview.value.results.map((r) => r.outcome)).toEqual(['accepted']);
    expect((await a.call('import:status', { year: 2026 })) as unknown).toMatchObject({ ok: true, value: { rows: [{ code: '26734', state: 'not-received' }] } });
    const done = (await a.call('import:run', { token: preview.value.token })) as { ok: true; value: ImportRun };
    expect(done.value).toMatchObject({ results: [{ outcome: 'accepted', commune: '26734', revision: 1 }], total: 1, stopped: false });
    expect(await a.call('import:status', { year: 2026 })).toMatchObject({ ok: true, value: { rows: [{ code: '26734', state: 'received', revision: 1 }] } });
    expect(await a.call('import:run', { token: preview.value.token })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('import:progress events while it runs; import:cancel stops it with the files finished kept; a check stopped half-way chooses nothing', async () => {
    const events: [string, unknown][] = [];
    let cancelOnFirst = false;
    const b = channelApp({
      emit: (event, payload) => {
        events.push([event, payload]);
        if (cancelOnFirst) {
          cancelOnFirst = false;
          void b.call('import:cancel');
        }
      },
    });
    const d = makeCommune('26734', 'commune');
    try {
      await b.call('setup:complete', { setup: provinceSetup });
      enrol(b, d);
      addToRoster(b, '26734');
      const usb = b.folder('usb');
      for (const name of ['r1.json', 'r2.json', 'r3.json']) copyFileSync(d.export(), join(usb, name));
      expect(await b.call('import:cancel')).toEqual({ ok: true, value: false });

      b.folders.push(usb);
      const preview = (await b.call('import:choose', { from: 'folder' })) as { ok: true; value: ImportPreview };
      expect(preview.value.results).toHaveLength(3);
      expect(events.at(-1)).toEqual(['import:progress', { done: 3, total: 3, accepted: 3, duplicates: 0, refused: 0, etaMs: 0 }]);
      expect(events.every(([e]) => e === 'import:progress')).toBe(true);

      events.length = 0;
      cancelOnFirst = true;
      const run = (await b.call('import:run', { token: preview.value.token })) as { ok: true; value: ImportRun };
      expect(run.value).toMatchObject({ total: 3, stopped: true, results: [{ outcome: 'accepted', revision: 1 }] });
      expect((events[0]![1] as ImportProgress).done).toBe(1);
      expect(await b.call('import:status', { year: 2026 })).toMatchObject({ ok: true, value: { rows: [{ code: '26734', state: 'received', revision: 1 }] } });

      b.folders.push(usb);
      cancelOnFirst = true;
      expect(await b.call('import:choose', { from: 'folder' })).toEqual({ ok: true, value: null });
    } finally {
      d.store.cleanup();
      b.cleanup();
    }
  });

  it('a drop: main takes the paths it holds under the token (once); any other token imports nothing', async () => {
    const held = new Map<string, string[]>();
    const b = channelApp();
    b.runtime.app.dialogs.dropped = (token) => {
      const paths = held.get(token) ?? [];
      held.delete(token);
      return paths;
    };
    const d = makeCommune('26734', 'commune');
    try {
      await b.call('setup:complete', { setup: provinceSetup });
      enrol(b, d);
      addToRoster(b, '26734');
      const usb = b.folder('usb');
      copyFileSync(d.export(), join(usb, 'r1.json'));
      held.set('drop-1', [usb]);
      expect(await b.call('import:choose', { from: 'drop', token: 'someone-elses' })).toEqual({ ok: true, value: null });
      const preview = (await b.call('import:choose', { from: 'drop', token: 'drop-1' })) as { ok: true; value: ImportPreview };
      expect(preview.value.results.map((r) => [r.outcome, r.revision])).toEqual([['accepted', 1]]);
      expect(await b.call('import:choose', { from: 'drop', token: 'drop-1' })).toEqual({ ok: true, value: null });
      expect(await b.call('import:choose', { from: 'drop' })).toEqual({ ok: true, value: null });
    } finally {
      d.store.cleanup();
      b.cleanup();
    }
  });

  it('a cancelled dialog gives null; a commune installation is refused before any dialog', async () => {
    expect(await a.call('import:choose', { from: 'folder' })).toEqual({ ok: true, value: null });
    const b = channelApp();
    try {
      await b.call('setup:complete', { setup: communeSetup });
      b.folders.push(b.folder('usb'));
      expect(await b.call('import:choose', { from: 'folder' })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
      expect(b.folders).toHaveLength(1);
    } finally {
      b.cleanup();
    }
  });
});
