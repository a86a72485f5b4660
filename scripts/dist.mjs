#!/usr/bin/env node
// `npm run dist` (after `electron-vite build`): electron-builder with electron-builder.yml.
// electron-builder's npmRebuild rebuilds node_modules/better-sqlite3 in place for Electron's
// ABI, and @electron/rebuild then skips the module while its .forge-meta marker says so. The
// Node build (tests, CLI, bench) is kept aside here and put back afterwards, marker removed,
// so `npm test` still works after packaging and the next `npm run dist` rebuilds again.
// Extra arguments go to electron-builder (`npm run dist -- --linux deb`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release');
const binary = join(release, 'better_sqlite3.node');
const marker = join(release, '.forge-meta');
const kept = join(root, '.cache', 'dist', 'better_sqlite3.node-for-node');

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('Chưa có bản dựng trong out/: chạy `npm run dist` (gồm electron-vite build), không gọi thẳng script này.');
  process.exit(2);
}
if (!existsSync(binary)) {
  console.error(`Không thấy ${binary}: chạy \`npm ci\` trước.`);
  process.exit(2);
}
mkdirSync(dirname(kept), { recursive: true });
copyFileSync(binary, kept);
rmSync(marker, { force: true });
let status = 1;
try {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  const res = spawnSync(bin, process.argv.slice(2), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  status = res.status ?? 1;
  if (status !== 0) {
    console.error('Đóng gói không thành công. Cần mạng để tải Electron và công cụ của electron-builder (NSIS, AppImage, fpm) ở lần đầu; xem README, mục "Cài đặt / Installers".');
  }
} finally {
  // Replaced, not written through: node_modules may be hard-linked to other checkouts.
  rmSync(binary, { force: true });
  copyFileSync(kept, binary);
  rmSync(marker, { force: true });
}
process.exit(status);
