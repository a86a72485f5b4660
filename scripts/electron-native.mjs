#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/electron-<version>/,
// beside (not instead of) the copy node_modules holds for Node. Node (tests, CLI, bench)
// keeps using node_modules; the Electron main process passes the cached file to
// better-sqlite3 as `nativeBinding`. Runs before `npm start` / `npm run dev`, only when the
// cached file is missing. Packaging (`npm run dist`) rebuilds node_modules for Electron itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const electronPkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
const version = electronPkg.version;
const target = join(root, '.cache', 'electron-native', `electron-${version}`, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const work = mkdtempSync(join(tmpdir(), 'chiso-native-'));
console.log(`Đang biên dịch better-sqlite3 cho Electron ${version} (chỉ lần đầu, khoảng 1–2 phút)…`);
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) });
  const env = { ...process.env };
  // A machine-wide `nodedir` would point node-gyp at Node's headers instead of Electron's.
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  const res = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit', env },
  );
  if (res.status !== 0) {
    console.error('Không biên dịch được better-sqlite3 cho Electron. Cần trình biên dịch C++ (Windows: Visual Studio Build Tools; macOS: Xcode CLT; Linux: g++, make, python3) và mạng để tải header của Electron.');
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`Xong: ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
