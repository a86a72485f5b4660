import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { KeyStore, keyPathFor } from '../signing/key-store';
import type { CliIO } from './io';

/**
 * The key passphrase for a headless command: CHISO_PASSPHRASE, or a prompt with hidden echo when
 * a terminal is attached. With neither, refuse (PASSPHRASE_REQUIRED): the CLI never creates or
 * uses an unprotected key. `variable` lets a backup use its own passphrase variable.
 */
export async function passphraseFor(io: CliIO, question: string, variable = 'CHISO_PASSPHRASE'): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  if (io.prompt) {
    const answer = await io.prompt(question);
    if (answer) return answer;
  }
  throw new AppError('PASSPHRASE_REQUIRED', `set ${variable} or run in a terminal`, { variable });
}

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

/** The CLI runs in Node, without Electron's safeStorage: keys it creates use a passphrase. */
export function cliKeyStore(dbPath: string): KeyStore {
  return new KeyStore(keyPathFor(resolve(dbPath)));
}
