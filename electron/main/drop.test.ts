import { describe, expect, it } from 'vitest';
import { DROP_CHANNEL, DroppedPaths, MAX_DROPPED, registerDrop } from './drop';

describe('files dropped on the window', () => {
  it('main holds a drop\'s paths behind a one-shot token; another token, or the same twice, gets nothing', () => {
    const store = new DroppedPaths();
    const token = store.hold(['/media/usb/xa', '/home/a/r1.json'])!;
    expect(token).toMatch(/^[0-9a-f-]{36}$/u);
    expect(store.take('not-it')).toEqual([]);
    expect(store.take(token)).toEqual(['/media/usb/xa', '/home/a/r1.json']);
    expect(store.take(token)).toEqual([]);
    const first = store.hold(['/a.json'])!;
    store.hold(['/b.json']);
    expect(store.take(first)).toEqual([]);
  });

  it('takes only absolute paths, as Electron gives them', () => {
    const store = new DroppedPaths();
    for (const bad of [[], ['relative/x.json'], [''], [42], ['/a\0b'], 'x', null, Array.from({ length: MAX_DROPPED + 1 }, (_, i) => `/f${i}.json`)]) {
      expect(store.hold(bad)).toBeNull();
    }
  });

  it('the private channel hears only the app\'s own page', async () => {
    const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, paths: unknown) => unknown>();
    const store = new DroppedPaths();
    registerDrop({ handle: (c, l) => void handlers.set(c, l) }, store, (url) => url.startsWith('app://chiso/'));
    const hold = handlers.get(DROP_CHANNEL)!;
    expect(await hold({ senderFrame: { url: 'https://evil.example/' } }, ['/etc/passwd'])).toBeNull();
    expect(await hold({ senderFrame: null }, ['/etc/passwd'])).toBeNull();
    const token = (await hold({ senderFrame: { url: 'app://chiso/index.html' } }, ['/media/usb'])) as string;
    expect(store.take(token)).toEqual(['/media/usb']);
  });
});
