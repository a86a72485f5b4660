/**
 * A pool that cannot start (no worker script where the app looks, a packaged app.asar that refuses
 * it) is no error: the batch runs on the writer's thread with the same verdicts, and the app's log
 * says why (AppContext.logWarn, logs/chiso.log in the window).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../../shared/ipc/import';
import { channelApp, type ChannelApp } from '../../../test/helpers/channels';
import { provinceSetup } from '../../../test/helpers/context';
import { addToRoster, enrol, makeCommune, type Commune } from '../../../test/fixtures/reviewer-imports';
import { POOL_FROM } from './batch';
import type * as PoolModule from './pool';

vi.mock('./pool', async (original) => {
  const real = await original<typeof PoolModule>();
  return { ...real, defaultWorkerCount: () => 2, ExaminePool: { start: () => Promise.reject(new Error('import-worker.js not found')) } };
});

let a: ChannelApp | undefined;
let c: Commune | undefined;
afterEach(() => {
  c?.store.cleanup();
  a?.cleanup();
});

it('a batch whose pool cannot start is checked on the writer\'s thread, and the log says so', async () => {
  const warned: [string, Record<string, unknown>][] = [];
  a = channelApp({ logWarn: (event, details) => warned.push([event, details]) });
  await a.call('setup:complete', { setup: provinceSetup });
  c = makeCommune('26734', 'commune');
  enrol(a, c);
  addToRoster(a, '26734');
  const usb = a.folder('usb');
  const file = c.export();
  for (let i = 0; i < POOL_FROM; i++) copyFileSync(file, join(usb, `r1-${String(i).padStart(2, '0')}.json`));
  a.folders.push(usb);
  const preview = (await a.call('import:choose', { from: 'folder' })) as { ok: true; value: ImportPreview };
  expect(preview.value.results.map((r) => r.outcome)).toEqual(['accepted', ...Array.from({ length: POOL_FROM - 1 }, () => 'duplicate')]);
  expect(warned).toEqual([['import.pool', { notice: expect.stringContaining('import-worker.js not found') as string, files: POOL_FROM, dryRun: true }]]);
});
