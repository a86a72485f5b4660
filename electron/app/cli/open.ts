import { resolve } from 'node:path';
import type { Identity } from '../../../shared/identity';
import { readJsonFile } from '../handlers';
import type { ServiceContext } from '../../kernel/context';
import { systemClock } from '../../kernel/context';
import { completeSetup } from '../../features/setup/identity';
import { openDatabase } from '../../kernel/db/open';
import type { CliIO } from '../../kernel/commands/io';

export interface CliServices {
  ctx: ServiceContext;
  completeSetup(setup: unknown, framework?: unknown): Identity;
  close(): void;
}

/** Open the store for a command; the actor in the audit log is the CLI user. */
export function openServices(dbPath: string): CliServices {
  const db = openDatabase(dbPath);
  const ctx: ServiceContext = { db, clock: systemClock, actor: () => 'chiso-cli' };
  return {
    ctx,
    completeSetup: (setup, framework) => completeSetup(ctx, setup, framework),
    close: () => db.close(),
  };
}

export function readJsonArg(file: string, io: CliIO): Promise<unknown> {
  return readJsonFile(resolve(io.cwd, file));
}
