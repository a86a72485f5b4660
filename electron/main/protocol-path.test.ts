import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, resolveAppPath } from './protocol-path';

const root = resolve('/srv/app/renderer');

describe('app:// protocol paths', () => {
  it('serves files under the renderer root', () => {
    expect(resolveAppPath(root, 'app://chiso/index.html')).toBe(`${root}${sep}index.html`);
    expect(resolveAppPath(root, 'app://chiso/')).toBe(`${root}${sep}index.html`);
    expect(resolveAppPath(root, 'app://chiso/assets/index-abc.js')).toBe(`${root}${sep}assets${sep}index-abc.js`);
  });

  it('keeps dot segments that the URL parser folds inside the root', () => {
    expect(resolveAppPath(root, 'app://chiso/../../etc/passwd')).toBe(`${root}${sep}etc${sep}passwd`);
    expect(resolveAppPath(root, 'app://chiso/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}${sep}etc${sep}passwd`);
  });

  it.each([
    'app://chiso/assets/..%2f..%2f..%2fsecret',
    'app://chiso/a%00.html',
    'app://chiso/..%5c..%5csecret',
    'app://chiso/assets%5cindex.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://chiso/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('trusts only the app origin (and the dev server when one runs)', () => {
    expect(isTrustedRendererUrl('app://chiso/index.html#/setup', undefined)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('https://evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('app://chisox/index.html', undefined)).toBe(false);
  });
});
