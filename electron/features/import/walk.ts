/**
 * The files an import looks at: each path given, and every `*.json` under a folder given,
 * recursively, in name order. A symbolic link to a folder is not followed (no loops, no leaving
 * the folder chosen); a link to a file is listed and the bounded reader decides. A path that does
 * not exist or is not readable is listed as it is, so it gets its own refusal.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Listed {
  path: string;
  /**
   * How the import log names it: the file's name, under the name of the folder chosen and the
   * folders between (`usb/xa-26734/r1.json`); never the folders above what was chosen (no home
   * folder in an exported log).
   */
  shown: string;
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

function walk(dir: string, shown: string, out: Listed[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    out.push({ path: dir, shown, unreadable: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, `${shown}/${e.name}`, out);
    else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.json')) out.push({ path, shown: `${shown}/${e.name}` });
  }
}

export function listPackageFiles(paths: readonly string[]): Listed[] {
  const out: Listed[] = [];
  for (const p of paths) {
    if (isDirectory(p)) walk(p, basename(p) || p, out);
    else out.push({ path: p, shown: basename(p) || p });
  }
  return out;
}
