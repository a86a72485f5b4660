/**
 * `chiso`: the app on the command line. Each command opens the same runtime as the window
 * (createAppRuntime) with the command line's ports: no dialog (paths come from arguments), no
 * print engine (documents are written as HTML), no OS secret storage (keys use a passphrase).
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../../kernel/context';
import type { CommandEnv } from '../../kernel/commands/command';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import type { PdfPrinter } from '../../kernel/ports';
import type { ScryptParams } from '../../kernel/signing/sealed-key';
import { COMMANDS } from '../commands';
import type { Logger } from '../logging';
import { createFileLogger, logsDir, nullLogger } from '../logging';
import { createAppRuntime } from '../runtime';
import { reportError } from './report';
import { processIO } from './terminal';
import { CLI_APP_VERSION } from './version';

/** Tests only: a fixed clock, a print engine, cheaper scrypt. */
export interface CliOptions {
  clock?: Clock;
  pdf?: PdfPrinter;
  keyScrypt?: ScryptParams;
}

export function helpText(): string {
  return ['chiso — Chỉ số CCHC cấp xã, giao diện dòng lệnh', '', ...Object.values(COMMANDS).map((c) => c.help).filter(Boolean), ''].join('\n');
}

/** Run one command line; returns the exit code (0 ok, 1 refused/invalid, 2 usage). */
export async function runCli(argv: string[], io: CliIO = processIO, options: CliOptions = {}): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  // The log sits beside the database a command opens (<folder>/logs), as the window's does.
  let log: Logger = nullLogger;
  const env: CommandEnv = {
    io,
    open(dbPath, openOptions) {
      log = createFileLogger({ dir: logsDir(dirname(resolve(dbPath))) });
      log.addSecret(io.env['CHISO_PASSPHRASE']);
      log.addSecret(io.env['CHISO_BACKUP_PASSPHRASE']);
      log.info('cli.command', { command: name, version: CLI_APP_VERSION });
      const rt = createAppRuntime({ dbPath, appVersion: CLI_APP_VERSION, actor: 'chiso-cli', logError: (channel, err) => log.error('cli.internal', { command: name, channel, error: err }), logWarn: (event, details) => log.warn(event, { command: name, ...details }), ...options, ...(openOptions?.recoverOnCorrupt ? { recoverOnCorrupt: true } : {}) });
      return { app: rt.app, close: () => rt.close() };
    },
  };
  try {
    if (!command) throw new UsageError(`không có lệnh "${name}"`);
    const exit = await command.run(args, env);
    if (exit !== 0) log.warn('cli.refused', { command: name, exit });
    return exit;
  } catch (err) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      reportError(io, err instanceof UsageError ? err : new UsageError((err as Error).message));
      return 2;
    }
    log.error(code === 'INTERNAL' || !code ? 'cli.error' : 'cli.refused', { command: name, error: err });
    reportError(io, err);
    return 1;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
