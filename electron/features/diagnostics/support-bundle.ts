/**
 * The support bundle ("gói hỗ trợ"): one JSON file a clerk can send when something goes wrong.
 * It holds what support needs to understand a failure and nothing a unit must keep to itself:
 *
 *  - the log files (already redacted when written; passed through the redactor once more);
 *  - versions: the app, Electron, Node, Chromium, SQLite, the schema, the operating system;
 *  - the database's figures: rows per table, pages, free pages, journal mode, quick_check;
 *  - the setup without any person: role, unit and province codes, year; settings that are neither
 *    secret nor personal; how many evidence files and bytes; whether a key file exists.
 *
 * Never in it: a key (private or public), a passphrase, a fingerprint, a row of any table (no
 * entries, no respondents' answers, no names of officers or keyers), a full path (it would carry
 * the Windows user name), the host name. Written whole or not at all (the atomic write).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { arch, release } from 'node:os';
import { basename, join } from 'node:path';
import type { SupportBundleWritten } from '../../../shared/ipc/diagnostics';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import { logsDir, readLogFiles } from '../../kernel/log/logger';
import { Redactor } from '../../kernel/log/redact';
import type { Destination } from '../../kernel/ports';
import type { AppContext } from '../../kernel/use-case';
import { evidenceDir } from '../evidence/blob-store';
import type { DatabaseFigures } from './stats-repo';
import { bundledSettings, databaseFigures, setupFacts } from './stats-repo';

export const SUPPORT_BUNDLE_FORMAT = 'chiso-support-bundle';

export interface SupportBundle {
  format: typeof SUPPORT_BUNDLE_FORMAT;
  formatVersion: 1;
  createdAt: string;
  note: string;
  versions: Record<string, string | null>;
  setup: ReturnType<typeof setupFacts>;
  settings: Record<string, string | null>;
  database: DatabaseFigures & { fileName: string; fileBytes: number | null; walBytes: number | null };
  evidence: { files: number; bytes: number };
  keyFilePresent: boolean;
  logs: { name: string; lines: string[] }[];
}

const NOTE =
  'Gói hỗ trợ của ứng dụng Chỉ số CCHC: nhật ký, phiên bản, số liệu thống kê cơ sở dữ liệu. Không chứa khóa, mật khẩu, dữ liệu cá nhân hay nội dung hồ sơ. ' +
  'Support bundle: logs, versions, database statistics. No keys, passphrases, personal data or dossier content.';

function fileBytes(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

function evidenceFigures(dataDir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  try {
    for (const name of readdirSync(evidenceDir(dataDir))) {
      if (!/^[0-9a-f]{64}$/u.test(name)) continue;
      files += 1;
      bytes += fileBytes(join(evidenceDir(dataDir), name)) ?? 0;
    }
  } catch {
    // no evidence folder yet
  }
  return { files, bytes };
}

export function buildSupportBundle(app: AppContext): SupportBundle {
  const { db } = app.ctx;
  const dbFile = db.name;
  const redactor = new Redactor();
  return {
    format: SUPPORT_BUNDLE_FORMAT,
    formatVersion: 1,
    createdAt: app.ctx.clock.now().toISOString(),
    note: NOTE,
    versions: {
      app: app.appVersion,
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
      node: process.versions.node,
      v8: process.versions.v8,
      platform: app.platform,
      arch: arch(),
      osRelease: release(),
    },
    setup: setupFacts(db),
    settings: bundledSettings(db),
    database: { fileName: basename(dbFile), fileBytes: fileBytes(dbFile), walBytes: fileBytes(`${dbFile}-wal`), ...databaseFigures(db) },
    evidence: evidenceFigures(app.dataDir),
    keyFilePresent: existsSync(app.keys.path),
    logs: readLogFiles(logsDir(app.dataDir)).map((f) => ({ name: f.name, lines: f.text.split('\n').filter(Boolean).map((l) => redactor.text(l)) })),
  };
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Build the bundle and write it into the folder the user chose; null when they cancelled. */
export async function writeSupportBundle(app: AppContext, folder: Destination): Promise<SupportBundleWritten | null> {
  const bundle = buildSupportBundle(app);
  const dir = await folder();
  if (!dir) return null;
  const path = join(dir, `chiso-goi-ho-tro-${stamp(app.ctx.clock.now())}.json`);
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  writeFileAtomic(path, json, { details: { name: basename(path) } });
  return { path, bytes: Buffer.byteLength(json) };
}

