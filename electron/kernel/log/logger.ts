/**
 * The app's log: one JSON object a line in `<data folder>/logs/chiso.log`, rotated by size
 * (chiso.log → chiso.1.log → … → chiso.<maxFiles-1>.log, the oldest dropped), so the logs never
 * take more than maxFiles × maxBytes of the disk. Every line goes through the Redactor first
 * (redact.ts): no key, passphrase or person's detail reaches the disk. Logging never throws: a
 * full disk or a read-only folder loses the line, not the user's action.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readOwnText } from '../files/own-file';
import { Redactor } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, details?: Record<string, unknown>): void;
  warn(event: string, details?: Record<string, unknown>): void;
  error(event: string, details?: Record<string, unknown>): void;
  /** A secret the process holds (a passphrase from the environment): cut from every later line. */
  addSecret(value: string | undefined | null): void;
}

export interface FileLoggerOptions {
  /** The folder of the log files (created when first written). */
  dir: string;
  /** Bytes of one file before it rotates; 1 MiB. */
  maxBytes?: number;
  /** Files kept, the current one included; 5. */
  maxFiles?: number;
  now?: () => Date;
  /** Also written here (the terminal in development); already redacted. */
  echo?: (line: string) => void;
}

export const LOG_FILE = 'chiso.log';
export const LOG_DEFAULTS = { maxBytes: 1024 * 1024, maxFiles: 5 } as const;

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

function rotatedName(i: number): string {
  return i === 0 ? LOG_FILE : `chiso.${i}.log`;
}

export function createFileLogger(options: FileLoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? LOG_DEFAULTS.maxBytes;
  const maxFiles = Math.max(1, options.maxFiles ?? LOG_DEFAULTS.maxFiles);
  const now = options.now ?? (() => new Date());
  const redactor = new Redactor();
  const current = join(options.dir, LOG_FILE);

  function rotate(): void {
    rmSync(join(options.dir, rotatedName(maxFiles - 1)), { force: true });
    for (let i = maxFiles - 2; i >= 0; i--) {
      const from = join(options.dir, rotatedName(i));
      if (existsSync(from)) renameSync(from, join(options.dir, rotatedName(i + 1)));
    }
  }

  function write(level: LogLevel, event: string, details?: Record<string, unknown>): void {
    try {
      const entry = { t: now().toISOString(), level, event: redactor.text(event), ...(details ? (redactor.value(details) as Record<string, unknown>) : {}) };
      const line = `${JSON.stringify(entry)}\n`;
      options.echo?.(line.trimEnd());
      mkdirSync(options.dir, { recursive: true });
      let size = 0;
      try {
        size = statSync(current).size;
      } catch {
        // no file yet
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(current, line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // A log line is never worth failing the user's action for.
    }
  }

  return {
    info: (event, details) => write('info', event, details),
    warn: (event, details) => write('warn', event, details),
    error: (event, details) => write('error', event, details),
    addSecret: (value) => redactor.addSecret(value),
  };
}

/** A logger that writes nothing (tests, and until the data folder is known). */
export const nullLogger: Logger = { info() {}, warn() {}, error() {}, addSecret() {} };

/** The log files in `dir`, oldest first, with their text (the support bundle). */
export function readLogFiles(dir: string, maxFiles: number = LOG_DEFAULTS.maxFiles): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: { name: string; text: string }[] = [];
  for (let i = maxFiles - 1; i >= 0; i--) {
    const name = rotatedName(i);
    if (!names.includes(name)) continue;
    try {
      out.push({ name, text: readOwnText(join(dir, name), 4 * LOG_DEFAULTS.maxBytes) });
    } catch {
      // a file rotated away while read: skipped
    }
  }
  return out;
}
