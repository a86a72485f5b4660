import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../../test/helpers/assessment';
import { communeSetup, fixedClock, provinceSetup, tempDir } from '../../../test/helpers/context';
import type { AppRuntime } from '../../app/runtime';
import { createAppRuntime } from '../../app/runtime';

const trusted = { url: 'app://chiso/index.html' };
let rt: AppRuntime;
let dir: string;
let cleanup: () => void;
const opened: string[] = [];
let many: string[] = [];
let one: string | null = null;
let save: string | null = null;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  opened.length = 0;
  rt = createAppRuntime({
    dbPath: join(dir, 'app.sqlite'),
    appVersion: '0.0.0-test',
    platform: 'test',
    clock: fixedClock(),
    isTrustedSender: (s) => s.url.startsWith('app://chiso/'),
    dialogs: {
      openFile: async () => one,
      openFiles: async () => many,
      chooseFolder: async () => null,
      saveFile: async () => save,
      openPath: async (p) => {
        opened.push(p);
      },
    },
    pdf: { fromHtml: async (html) => new TextEncoder().encode(`%PDF-fake ${html.length}`) },
  });
  await rt.route('setup:complete', { setup: communeSetup }, trusted);
});
afterEach(() => {
  rt.close();
  cleanup();
});

describe('assessment and evidence channels', () => {
  it('attach goes through main\'s dialog; preview returns the bytes; open hands a named copy to the system', async () => {
    many = [];
    expect(await rt.route('evidence:attach', { code: '1.1' }, trusted)).toEqual({ ok: true, value: null });
    const pdf = join(dir, 'Kế hoạch.pdf');
    writeFileSync(pdf, tinyPdf());
    many = [pdf];
    const r = await rt.route('evidence:attach', { code: '1.1' }, trusted);
    expect(r.ok).toBe(true);
    const id = (r as { value: { added: { id: number }[] } }).value.added[0]!.id;
    const p = await rt.route('evidence:preview', { id }, trusted);
    expect(p).toMatchObject({ ok: true, value: { name: 'Kế hoạch.pdf', mediaType: 'application/pdf' } });
    expect(Buffer.from((p as { value: { base64: string } }).value.base64, 'base64')).toEqual(readFileSync(pdf));
    expect(await rt.route('evidence:open', { id }, trusted)).toEqual({ ok: true, value: null });
    expect(basename(opened[0]!)).toBe('Kế hoạch.pdf');
    expect(readFileSync(opened[0]!)).toEqual(readFileSync(pdf));
  });

  it('refuses a path sent by the renderer (no such input) and an unknown item', async () => {
    many = [];
    const r = await rt.route('evidence:attach', { code: '1.1', path: '/etc/passwd' }, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    many = [join(dir, 'x.pdf')];
    writeFileSync(many[0]!, tinyPdf());
    expect(await rt.route('evidence:attach', { code: '42' }, trusted)).toMatchObject({ ok: false, error: { code: 'ITEM_NOT_FOUND' } });
  });

  it('loads a file chosen in main, and writes the summary where the user saves it', async () => {
    one = null;
    expect(await rt.route('assessment:loadFile', undefined, trusted)).toEqual({ ok: true, value: null });
    one = join(dir, 'e.json');
    writeFileSync(one, JSON.stringify({ items: { '1.1': { input: { type: 'binary', done: true } } } }));
    expect(await rt.route('assessment:loadFile', undefined, trusted)).toMatchObject({ ok: true, value: { file: 'e.json', sections: [{ name: 'items', count: 1 }] } });
    save = join(dir, 'out.pdf');
    expect(await rt.route('assessment:exportPdf', undefined, trusted)).toEqual({ ok: true, value: { path: save } });
    expect(readFileSync(save, 'utf8')).toMatch(/^%PDF-fake \d+$/u);
    save = join(dir, 'out.xlsx');
    expect(await rt.route('assessment:exportXlsx', undefined, trusted)).toEqual({ ok: true, value: { path: save } });
    expect(readFileSync(save).subarray(0, 2).toString()).toBe('PK');
    const view = await rt.route('assessment:get', undefined, trusted);
    expect(view).toMatchObject({ ok: true, value: { entries: { '1.1': { entry: { input: { type: 'binary', done: true } } } }, lock: { finalised: false, revision: 0 } } });
  });

  it('parses the entry with the contract once: a malformed one is refused with its field, nothing stored', async () => {
    const r = await rt.route('assessment:setEntry', { code: '1.1', entry: { input: { type: 'binary', done: 'yes' } } }, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: { 'entry.input.done': expect.any(String) } } } });
    expect(await rt.route('assessment:setEntry', { code: '1.1', entry: null }, trusted)).toMatchObject({ ok: true, value: { code: '1.1', changed: false } });
    const view = (await rt.route('assessment:get', undefined, trusted)) as { value: { entries: object } };
    expect(view.value.entries).toEqual({});
  });

  it('chooseFile previews a file and writes nothing; loadChosen loads that very text once; a stale token loads nothing', async () => {
    await rt.route('assessment:setEntry', { code: '1.1', entry: { input: { type: 'binary', done: false } } }, trusted);
    one = null;
    expect(await rt.route('assessment:chooseFile', undefined, trusted)).toEqual({ ok: true, value: null });
    one = join(dir, 'e.json');
    writeFileSync(one, JSON.stringify({ items: { '1.1': { input: { type: 'binary', done: true } }, '1.2': { input: { type: 'ratio', numerator: 1, denominator: 2 } } } }));
    const r = await rt.route('assessment:chooseFile', undefined, trusted);
    expect(r).toMatchObject({ ok: true, value: { file: 'e.json', preview: { counts: { new: 1, changed: 1, same: 0 } } } });
    const { token, preview } = (r as { value: { token: string; preview: { items: { code: string; change: string; before: unknown; after: unknown }[] } } }).value;
    expect(preview.items.find((i) => i.code === '1.1')).toMatchObject({ change: 'changed', before: { input: { done: false } }, after: { input: { done: true } } });
    const untouched = (await rt.route('assessment:get', undefined, trusted)) as { value: { entries: Record<string, unknown> } };
    expect(Object.keys(untouched.value.entries)).toEqual(['1.1']);
    expect(untouched.value.entries['1.1']).toMatchObject({ entry: { input: { done: false } } });
    // The file changes on disk after the preview: what loads is what was previewed.
    writeFileSync(one, JSON.stringify({ items: { '1.3': { input: { type: 'binary', done: true } } } }));
    expect(await rt.route('assessment:loadChosen', { token }, trusted)).toMatchObject({ ok: true, value: { file: 'e.json', sections: [{ name: 'items', count: 2 }] } });
    const loaded = (await rt.route('assessment:get', undefined, trusted)) as { value: { entries: Record<string, unknown> } };
    expect(Object.keys(loaded.value.entries).sort()).toEqual(['1.1', '1.2']);
    expect(await rt.route('assessment:loadChosen', { token }, trusted)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});

describe('the last item on the criteria screen', () => {
  it('is remembered per year without a change-log row, survives a new runtime over the same database, and forgets codes the framework lacks', async () => {
    expect(await rt.route('assessment:lastItem', undefined, trusted)).toEqual({ ok: true, value: null });
    const rows = async () => ((await rt.route('audit:list', {}, trusted)) as { value: unknown[] }).value.length;
    const before = await rows();
    expect(await rt.route('assessment:setLastItem', { code: '3.2' }, trusted)).toEqual({ ok: true, value: null });
    expect(await rows()).toBe(before);
    expect(await rt.route('assessment:lastItem', undefined, trusted)).toEqual({ ok: true, value: '3.2' });
    rt.close();
    rt = createAppRuntime({ dbPath: join(dir, 'app.sqlite'), appVersion: '0.0.0-test', platform: 'test', clock: fixedClock(), isTrustedSender: () => true });
    expect(await rt.route('assessment:lastItem', undefined, trusted)).toEqual({ ok: true, value: '3.2' });
    // Another year (a corrected setup) has its own place.
    expect(await rt.route('setup:correct', { year: 2027 }, trusted)).toMatchObject({ ok: true });
    expect(await rt.route('assessment:lastItem', undefined, trusted)).toEqual({ ok: true, value: null });
    expect(await rt.route('assessment:setLastItem', { code: '99.9' }, trusted)).toEqual({ ok: true, value: null });
    expect(await rt.route('assessment:lastItem', undefined, trusted)).toEqual({ ok: true, value: null });
  });

  it('is the commune\'s: a reviewing unit is refused both ways before anything is read or written', async () => {
    const t = tempDir();
    const so = createAppRuntime({ dbPath: join(t.dir, 'so.sqlite'), appVersion: '0.0.0-test', platform: 'test', clock: fixedClock(), isTrustedSender: () => true });
    try {
      expect(await so.route('setup:complete', { setup: provinceSetup }, trusted)).toMatchObject({ ok: true });
      expect(await so.route('assessment:lastItem', undefined, trusted)).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
      expect(await so.route('assessment:setLastItem', { code: '1.1' }, trusted)).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
    } finally {
      so.close();
      t.cleanup();
    }
  });
});
