import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIO } from '../../kernel/commands/io';

/** A hidden-echo prompt on the terminal (undefined when stdin is not a terminal). */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question) =>
    new Promise((done) => {
      let muted = false;
      const output = new Writable({
        write(chunk: Buffer, _enc, cb) {
          if (!muted) process.stderr.write(chunk);
          cb();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        done(answer);
      });
      muted = true;
    });
}

export const processIO: CliIO = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  env: process.env,
  cwd: process.cwd(),
  get prompt() {
    return terminalPrompt();
  },
  // '' clears the line. Never on stdout (where --json goes), never when stderr is a file or a pipe.
  status: process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
};
