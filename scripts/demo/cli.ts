/**
 * Running `chiso` commands in-process for the demo: the same runCli the terminal runs, with a
 * clock the demo moves forward (so receipt dates and the deadline mean something) and cheap key
 * derivation (scrypt N = 2^12 instead of 2^17, the tests' parameters: 22 communes each create
 * and unlock a key several times; the demo's keys protect nothing).
 */
import { runCli } from '../../electron/app/cli/chiso';
import type { CliIO } from '../../electron/kernel/commands/io';
import type { PdfPrinter } from '../../electron/kernel/ports';

export const DEMO_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

/** A clock the demo sets: every command runs at `at`, which then moves on a minute. */
export class DemoClock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  now(): Date {
    const d = new Date(this.t);
    this.t += 60_000;
    return d;
  }
}

export interface Runner {
  /** Runs a command; stops the demo when the exit code is not the expected one. Returns the lines printed. */
  run(title: string | null, argv: string[], options?: { passphrase?: string; expect?: number; quiet?: boolean }): Promise<string[]>;
}

export function runner(cwd: string, clock: DemoClock, options: { verbose: boolean; pdf?: PdfPrinter }): Runner {
  let step = 0;
  return {
    async run(title, argv, o = {}) {
      const show = options.verbose || (!o.quiet && title !== null);
      if (title !== null) {
        step += 1;
        if (show) console.log(`\n── ${step}. ${title}`);
      }
      if (show) console.log(`$ chiso ${argv.map((a) => (/[\s"]/u.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIO = {
        out: (l) => {
          out.push(l);
          if (show) console.log(`  ${l}`);
        },
        err: (l) => {
          err.push(l);
          if (show) console.log(`  ${l}`);
        },
        env: { ...process.env, CHISO_PASSPHRASE: o.passphrase ?? '' },
        cwd,
      };
      const code = await runCli(argv, io, { clock, keyScrypt: DEMO_SCRYPT, ...(options.pdf ? { pdf: options.pdf } : {}) });
      const expected = o.expect ?? 0;
      if (code !== expected) {
        if (!show) for (const l of [...out, ...err]) console.error(`  ${l}`);
        console.error(`\nDemo dừng: "chiso ${argv.join(' ')}" trả về ${code}, mong đợi ${expected}.`);
        process.exit(1);
      }
      return out;
    },
  };
}

/** The 13 groups of four of a fingerprint, as `keys show` prints it. */
export function fingerprintIn(lines: readonly string[]): string {
  const fp = lines.join('\n').match(/([0-9A-Z]{4}(?:[ -][0-9A-Z]{4}){12})/u)?.[1];
  if (!fp) throw new Error('no fingerprint in `keys show`');
  return fp;
}
