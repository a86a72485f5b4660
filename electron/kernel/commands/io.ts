/** Where a command writes; tests capture it instead of the terminal. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ask on the terminal with hidden echo (only when one is attached). */
  prompt?: ((question: string) => Promise<string>) | undefined;
  /** A status line rewritten in place on the terminal (progress); absent when stderr is not a terminal. */
  status?: ((line: string) => void) | undefined;
}

/** Bad arguments: the CLI prints the message and the way to the help, and exits 2. */
export class UsageError extends Error {}
