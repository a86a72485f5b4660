/**
 * The app as its adapters see it, over a fresh SQLite file: the real runtime (createAppRuntime)
 * with a fixed clock and actor, so tests call use cases through AppContext.perform, policy and
 * all, exactly as an IPC handler or a CLI command does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRuntime, RuntimeOptions } from '../../electron/app/runtime';
import { createAppRuntime } from '../../electron/app/runtime';
import type { ServiceContext } from '../../electron/kernel/context';
import type { AppContext } from '../../electron/kernel/use-case';
import { completeSetup } from '../../electron/features/setup/identity';
import { AppError } from '../../shared/errors';
import type { communeSetup, provinceSetup } from './context';
import { fixedClock, parsedSetup } from './context';

export interface TestApp {
  dir: string;
  file: string;
  runtime: AppRuntime;
  app: AppContext;
  ctx: ServiceContext;
  clock: ReturnType<typeof fixedClock>;
  cleanup(): void;
}

/** A cheap scrypt for keys made in tests. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

export function testApp(setup?: typeof communeSetup | typeof provinceSetup, options: Partial<RuntimeOptions> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
  const file = join(dir, 'test.sqlite');
  const clock = fixedClock();
  const runtime = createAppRuntime({ dbPath: file, appVersion: '0.0.0-test', platform: 'test', clock, actor: 'tester', keyScrypt: TEST_SCRYPT, ...options });
  if (setup) completeSetup(runtime.app.ctx, parsedSetup(setup));
  return {
    dir, file, runtime, app: runtime.app, ctx: runtime.app.ctx, clock,
    cleanup() {
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stable code a call is refused with, or undefined when it succeeds. */
export async function refusal(call: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (err) {
    return err instanceof AppError ? err.code : 'NOT_APP_ERROR';
  }
  return undefined;
}
