/**
 * The files an import looks at: each path given, and every `*.json` under a folder given,
 * recursively, in name order. A symbolic link to a folder is not followed (no loops, no leaving
 * the folder chosen); a link to a file is listed and the bounded reader decides. A path that does
 * not exist or is not readable is listed as it is, so it gets its own refusal.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Listed {
  path: string;
  /** A folder that could not be read: its own refusal, the rest of the batch goes on. */
  unreadable?: true;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, out: Listed[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    out.push({ path: dir, unreadable: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.json')) out.push({ path });
  }
}

export function listPackageFiles(paths: readonly string[]): Listed[] {
  const out: Listed[] = [];
  for (const p of paths) {
    if (isDirectory(p)) walk(p, out);
    else out.push({ path: p });
  }
  return out;
}
