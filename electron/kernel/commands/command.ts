/**
 * How a feature adds a `chiso` command (features/<f>/commands.ts). The CLI entry (electron/app/cli)
 * registers them; features never import it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../use-case';
import type { CliIO } from './io';
import { UsageError } from './io';

export interface CommandEnv {
  io: CliIO;
  /** Start the app's runtime over a database (created when missing), with the command line's ports. */
  open(dbPath: string, options?: { recoverOnCorrupt?: boolean }): OpenedApp;
}

export interface OpenedApp {
  app: AppContext;
  close(): void;
}

export interface Command {
  /** The command's lines in `chiso help`. */
  help: string;
  /** Returns the exit code: 0 done, 1 refused. Throws UsageError for bad arguments (exit 2). */
  run(args: string[], env: CommandEnv): Promise<number>;
}

/** `--db FILE`, resolved against the working directory; refused when missing. */
export function dbPath(values: { db?: string | undefined }, io: CliIO, options: { mustExist?: boolean } = {}): string {
  if (!values.db) throw new UsageError('thiếu --db FILE');
  const path = resolve(io.cwd, values.db);
  if (options.mustExist && !existsSync(path)) throw new AppError('FILE_NOT_FOUND', values.db);
  return path;
}

/** Run `fn` with the app open over `path`, closing it afterwards whatever happens. */
export async function withApp<T>(env: CommandEnv, path: string, fn: (app: AppContext) => Promise<T>): Promise<T> {
  const opened = env.open(path);
  try {
    return await fn(opened.app);
  } finally {
    opened.close();
  }
}

/** A path argument relative to the working directory, as a Destination (the command line's --out). */
export const outArg = (io: CliIO, out: string | undefined): (() => Promise<string>) => {
  if (!out) throw new UsageError('thiếu --out DIR');
  const path = resolve(io.cwd, out);
  return async () => path;
};

/** A feature's commands by name (`chiso <name> …`). */
export type Commands = Record<string, Command>;
