// The packaging configuration, checked without building: electron-builder.yml loaded by
// electron-builder's own loader and schema, the files allow-list run through electron-builder's
// own file matcher, the fuses, the targets, the Windows installer's language and install mode,
// the native module's unpacking and rebuild, the icons and the NSIS include.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ConfigLib from 'app-builder-lib/out/util/config/config';
import type * as FileMatcherLib from 'app-builder-lib/out/fileMatcher';
import type * as BuilderUtil from 'builder-util';
import type * as MinimatchLib from 'minimatch';
import { ICO_SIZES, ICON_SIZE, PNG_SIGNATURE, crc32, renderIcon, scanlines } from '../../scripts/make-icon';

const root = join(__dirname, '..', '..');
// electron-builder's internals, resolved from electron-builder itself (the versions it runs with).
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder/package.json'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const configLib = fromBuilder('app-builder-lib/out/util/config/config.js') as typeof ConfigLib;
const { FileMatcher } = fromBuilder('app-builder-lib/out/fileMatcher.js') as typeof FileMatcherLib;
const { DebugLogger } = fromLib('builder-util') as typeof BuilderUtil;
const { Minimatch } = fromLib('minimatch') as typeof MinimatchLib;

type Config = Awaited<ReturnType<typeof configLib.getConfig>>;
type Json = Record<string, unknown>;
let config: Config;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

beforeAll(async () => {
  config = await configLib.getConfig(root, null, null);
});

const validate = (c: unknown) => configLib.validateConfiguration(c as Config, new DebugLogger(false));

/** The `files` patterns, as plain strings. */
function filePatterns(): string[] {
  const files = config.files;
  const list = Array.isArray(files) ? files : [files];
  return list.flatMap((f) => (typeof f === 'string' ? [f] : f && typeof f === 'object' && 'filter' in f ? [f.filter ?? []].flat() : []));
}

describe('electron-builder.yml', () => {
  it('is the file electron-builder loads, and it passes electron-builder’s schema', async () => {
    expect(existsSync(join(root, 'electron-builder.yml'))).toBe(true);
    expect((pkg as Json).build).toBeUndefined();
    await expect(validate(config)).resolves.toBeUndefined();
    // The schema check is real: a misspelt fuse is refused.
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Chỉ số CCHC');
  });

  it('allows out/ and package.json and nothing else of the project', () => {
    const positives = filePatterns().filter((p) => !p.startsWith('!'));
    expect(positives.sort()).toEqual(['out/**', 'package.json']);

    // electron-builder's own matcher, with the node_modules exclusion it adds for the app folder
    // (production dependencies are copied by a separate step).
    const matcher = new FileMatcher(root, '/', (s) => s, filePatterns());
    matcher.addPattern('!**/node_modules/**');
    const filter = matcher.createFilter();
    const file = { isDirectory: () => false } as Parameters<typeof filter>[1];
    const packed = (rel: string) => filter(join(root, rel), file);

    for (const rel of ['package.json', 'out/main/index.js', 'out/main/chiso.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(packed(rel), rel).toBe(true);
    }
    for (const rel of ['out/main/index.js.map', 'r.sqlite', 'x.sqlite', 'out/app.sqlite-wal', '.cache/electron-native/electron-38.8.6/better_sqlite3.node', 'test-output/vitest.json', 'dist/latest.yml']) {
      expect(packed(rel), rel).toBe(false);
    }
    // Every file the repository tracks (sources, tests, docs, scripts, build resources) stays
    // out, except package.json.
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(50);
    expect(tracked.filter(packed)).toEqual(['package.json']);
  });

  it('ships better-sqlite3’s binary but not its sources or object files', () => {
    // Production dependencies get only the exclusions (electron-builder's node-module matcher).
    const matcher = new FileMatcher(root, '/', (s) => s, filePatterns().filter((p) => p.startsWith('!')));
    matcher.prependPattern('**/*');
    const filter = matcher.createFilter();
    const file = { isDirectory: () => false } as Parameters<typeof filter>[1];
    const kept = (rel: string) => filter(join(root, rel), file);
    const m = 'node_modules/better-sqlite3/';
    for (const rel of [`${m}build/Release/better_sqlite3.node`, `${m}lib/index.js`, `${m}package.json`, 'node_modules/zod/package.json']) {
      expect(kept(rel), rel).toBe(true);
    }
    for (const rel of [`${m}deps/sqlite3/sqlite3.c`, `${m}src/better_sqlite3.cpp`, `${m}build/Release/obj.target/better_sqlite3/src/better_sqlite3.o`, `${m}build/Release/test_extension.node`]) {
      expect(kept(rel), rel).toBe(false);
    }
  });

  it('keeps build tools out of the production dependencies', () => {
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'node-gyp']));
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'node-gyp', 'vite', 'typescript', 'vitest']) {
      expect(pkg.dependencies[tool], tool).toBeUndefined();
    }
  });

  it('unpacks better_sqlite3.node from the asar', () => {
    expect(config.asar).not.toBe(false);
    const unpack = [config.asarUnpack ?? []].flat().map((p) => new Minimatch(p, { dot: true }));
    expect(unpack.some((p) => p.match('node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(unpack.some((p) => p.match('out/main/index.js'))).toBe(false);
  });

  it('rebuilds native modules for Electron at packaging, never at install', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).not.toBe(true);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      const script = pkg.scripts[hook];
      if (script !== undefined) expect(script, hook).not.toMatch(/rebuild|node-gyp|electron-native|install-app-deps|prebuild/);
    }
    expect(pkg.scripts.dist).toMatch(/electron-vite build && node scripts\/dist\.mjs/);
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer for Windows and AppImage + deb for Linux', () => {
    const targets = (t: unknown) => [t ?? []].flat().map((x) => (typeof x === 'string' ? x : (x as { target: string }).target));
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('installs per user, in Vietnamese, without elevation, with both shortcuts, keeping the data', () => {
    const nsis = config.nsis!;
    expect(nsis.language).toBe('1066');
    expect(nsis.installerLanguages).toEqual(['vi_VN']);
    // A single-language list only takes effect in multi-language mode (otherwise en_US).
    expect(nsis.multiLanguageInstaller).toBe(true);
    expect(nsis.unicode).not.toBe(false);
    expect(nsis.oneClick).toBe(true);
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(config.win?.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
    expect(nsis.createDesktopShortcut).toBe(true);
    expect(nsis.createStartMenuShortcut).toBe(true);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
    expect(nsis.include).toBe('build/installer.nsh');
  });
});

describe('build/ resources', () => {
  /** PNG chunks after the signature, each CRC checked. */
  function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const out: Array<{ type: string; data: Buffer }> = [];
    let at = 8;
    while (at < png.length) {
      const len = png.readUInt32BE(at);
      const type = png.toString('ascii', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + len);
      expect(png.readUInt32BE(at + 8 + len), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
      out.push({ type, data });
      at += 12 + len;
    }
    return out;
  }
  function checkPng(png: Buffer, size: number): void {
    const cs = chunks(png);
    expect(cs[0]!.type).toBe('IHDR');
    expect(cs.at(-1)!.type).toBe('IEND');
    const ihdr = cs[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([size, size, 8, 6]);
    const pixels = inflateSync(Buffer.concat(cs.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    // What scripts/make-icon.ts draws today, so the committed file is not stale.
    expect(pixels.equals(scanlines(renderIcon(size), size))).toBe(true);
  }

  it('has build/icon.png, a valid 512×512 RGBA PNG drawn by scripts/make-icon.ts', () => {
    expect(ICON_SIZE).toBe(512);
    checkPng(readFileSync(join(root, 'build', 'icon.png')), 512);
    expect(config.linux?.icon).toBe('build/icon.png');
    // Redrawing 512×512 pixels in plain JS takes seconds on a loaded two-core machine.
  }, 60_000);

  it('has build/icon.ico with PNG images at 16, 32, 48 and 256', () => {
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, i) => {
      const e = 6 + 16 * i;
      expect(ico[e] === 0 ? 256 : ico[e]).toBe(size);
      checkPng(ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)), size);
    });
    expect(config.win?.icon).toBe('build/icon.ico');
  }, 60_000);

  it('has an NSIS include in Vietnamese that keeps updates silent', () => {
    const text = readFileSync(join(root, 'build', 'installer.nsh'), 'utf8');
    expect(text).not.toContain('\uFFFD');
    const opened = text.match(/^!macro /gm) ?? [];
    expect(opened.length).toBeGreaterThan(0);
    expect((text.match(/^!macroend/gm) ?? []).length).toBe(opened.length);
    expect(text).toMatch(/^!macro customUnInstall$/m);
    expect(text).toContain('Dữ liệu của đơn vị');
    // A message box during a silent (update) uninstall would block the update.
    expect(text).toMatch(/IfSilent \+2\s+MessageBox/);
    for (const name of text.match(/\$\{(CHISO_[A-Z_]+)\}/g) ?? []) {
      expect(text, name).toContain(`!define ${name.slice(2, -1)} `);
    }
  });
});

describe('electron-builder CLI', () => {
  it('starts offline (--help)', () => {
    const cli = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
    const res = spawnSync(cli, ['--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/--linux/);
    expect(res.stdout).toMatch(/--win/);
  }, 60_000);
});
