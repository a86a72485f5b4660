import { AppError } from '../../../shared/errors';
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
