import type { CliIO } from '../../electron/kernel/commands/io';

/** A CLI io that records what a command prints, working in `cwd`. */
export function captureIO(cwd: string, env: Record<string, string | undefined> = {}): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd }, out, err };
}
