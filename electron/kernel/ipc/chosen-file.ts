import { randomUUID } from 'node:crypto';
import type { AppError } from '../../../shared/errors';

/**
 * A file the user chose in main's dialog, held here until the renderer confirms by token: the
 * renderer never sends a path for main to read, it only gets the token back (with what the file
 * holds, a fingerprint say, to show first). One choice at a time: choosing again replaces it.
 */
export class ChosenFile<T> {
  private held: { token: string; value: T } | null = null;

  /** `expired`: the refusal for a token that is not (or no longer) the one held. */
  constructor(private readonly expired: () => AppError) {}

  hold(value: T): string {
    const token = randomUUID();
    this.held = { token, value };
    return token;
  }

  get(token: string): T {
    if (this.held?.token !== token) throw this.expired();
    return this.held.value;
  }

  /** Forget the choice once used. */
  release(): void {
    this.held = null;
  }
}
