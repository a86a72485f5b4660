/**
 * The main process rebuilds its menu when the role or the language changes: before setup the menu
 * opens no screen; after the reviewing unit's setup it is the reviewer's; after the language
 * setting it is in English. The real entry runs against the stand-in Electron (as main-wiring).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../helpers/fake-electron';
import { provinceSetup } from '../helpers/context';

vi.mock('electron', () => import('../helpers/fake-electron'));

type Fake = typeof FakeElectron;
type IpcHandler = (event: unknown, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
const APP = { senderFrame: { url: 'app://chiso/index.html#/' } };

function menuIds(fake: Fake): string[] {
  const template = (fake.state.menu as { template: MenuItemConstructorOptions[] }).template;
  const walk = (t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu) : [])]);
  return walk(template).map((i) => i.id ?? '').filter(Boolean);
}
function topLabels(fake: Fake): string[] {
  return (fake.state.menu as { template: MenuItemConstructorOptions[] }).template.map((i) => String(i.label));
}

describe('the menu follows the role and the language', () => {
  let fake: Fake;
  const call = (channel: string, input?: unknown) => (fake.state.handlers.get(channel) as IpcHandler)(APP, input);

  beforeAll(async () => {
    fake = (await import('electron')) as unknown as Fake;
    await import('../../electron/main/index');
    await vi.waitFor(() => {
      if (fake.state.windows.length === 0 && fake.state.exitCode === null) throw new Error('main has not opened its window yet');
    }, { timeout: 20_000, interval: 20 });
  }, 30_000);

  afterAll(() => {
    fake.app.emit('window-all-closed');
  });

  it('opens no screen before setup, the reviewer\'s after setup, and English after the setting', async () => {
    expect(menuIds(fake)).toEqual([]);
    expect(await call('setup:complete', { setup: provinceSetup })).toMatchObject({ ok: true });
    expect(menuIds(fake)).toContain('/review/appraisal');
    expect(menuIds(fake)).not.toContain('/assessment');
    expect(topLabels(fake)[0]).toBe('Tệp');
    // A refused call changes nothing and leaves the menu as it was.
    expect(await call('settings:set', { key: 'language', value: 'x'.repeat(300) })).toMatchObject({ ok: false });
    expect(topLabels(fake)[0]).toBe('Tệp');
    expect(await call('settings:set', { key: 'language', value: 'en' })).toMatchObject({ ok: true });
    expect(topLabels(fake)[0]).toBe('File');
    expect(menuIds(fake)).toContain('/review/appraisal');
  });
});
