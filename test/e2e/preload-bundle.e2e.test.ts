/**
 * The built preload (out/preload/index.cjs) as Electron's sandbox runs it: a CommonJS script whose
 * `require` knows Electron only. It must expose one function per channel of the contract (taken
 * from shared/ipc/contract.ts at build time) and forward each to ipcRenderer.invoke.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { contract, EVENTS } from '../../shared/ipc/contract';

const BUNDLE = join(fileURLToPath(new URL('../..', import.meta.url)), 'out/preload/index.cjs');

function loadPreload() {
  if (!existsSync(BUNDLE)) throw new Error('out/preload is missing: run `npm run build` (npm test does) first');
  const required: string[] = [];
  const invoked: [string, unknown][] = [];
  const listening: string[] = [];
  let exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (_key: string, value: Record<string, unknown>) => void (exposed = value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => void invoked.push([channel, input]),
      on: (event: string) => void listening.push(event),
      removeListener: () => undefined,
    },
    // Electron knows a dropped file's path; a File the page made itself has none ('').
    webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
  };
  const require = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(BUNDLE, 'utf8'), { require, module, exports: module.exports });
  return { required, invoked, listening, exposed };
}

describe('the built preload', () => {
  it('requires Electron and nothing else (no zod, no shared module at run time)', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes exactly one function per channel of the contract, forwarded to ipcRenderer.invoke', async () => {
    const { exposed, invoked } = loadPreload();
    const names = Object.entries(exposed).flatMap(([domain, verbs]) =>
      domain === 'on' ? [] : Object.keys(verbs as object).map((verb) => `${domain}:${verb}`),
    );
    expect(names.sort()).toEqual(Object.keys(contract).sort());
    await (exposed['setup'] as { get(): Promise<unknown> }).get();
    await (exposed['evidence'] as { open(i: unknown): Promise<unknown> }).open({ id: 3 });
    expect(invoked).toEqual([['setup:get', undefined], ['evidence:open', { id: 3 }]]);
  });

  it('a drop: only the paths Electron gives go to main, on the private drop channel; a page-made File sends nothing', async () => {
    const { exposed, invoked } = loadPreload();
    const drop = exposed['pathsForDroppedFiles'] as (files: unknown[]) => Promise<unknown>;
    expect(await drop([{ name: 'x.json' }])).toBeNull();
    expect(invoked).toEqual([]);
    await drop([{ name: 'usb', path: '/media/usb' }, { name: 'fake.json' }]);
    expect(invoked).toEqual([['drop:hold', ['/media/usb']]]);
  });

  it('subscribes to declared events only', () => {
    const { exposed, listening } = loadPreload();
    const on = exposed['on'] as (event: string, listener: () => void) => () => void;
    on(EVENTS[0], () => undefined);
    on('fs:read', () => undefined);
    expect(listening).toEqual([EVENTS[0]]);
  });
});
