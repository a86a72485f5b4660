/**
 * The state machine behind useApiCall and useApiLoad (use-api-call.ts), without React so it
 * is tested in Node: busy while a call runs, the error of the last failed call until the next
 * one starts, the last call kept for retry, and nothing published or handed back once the
 * component that owns it has gone (or once a newer load has replaced it).
 */

export interface CallState {
  /** At least one foreground call is running. */
  busy: boolean;
  /** What the last failed call threw (an ApiError for a refusal); null when none, or once the next call starts. */
  error: unknown;
}

export const IDLE: CallState = { busy: false, error: null };

export interface RunOptions {
  /**
   * A load that follows a changing input (a search box): a later run with this option makes this
   * one's result and failure count for nothing, so an old answer arriving late never wins.
   */
  latestOnly?: boolean;
  /**
   * A write made in the background while the user goes on (one keyed survey answer): it does not
   * make the call busy, does not hide the error on show, and is not what retry repeats.
   * Its failure is shown like any other.
   */
  background?: boolean;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false };

export class ApiCallMachine {
  private current: CallState = IDLE;
  private running = 0;
  private sequence = 0;
  private newestLoad = 0;
  private attached = true;
  private last: { action: () => Promise<unknown>; options: RunOptions } | null = null;

  /** `publish` receives every new state while the owner is attached (React's setState). */
  constructor(private readonly publish: (state: CallState) => void) {}

  get state(): CallState {
    return this.current;
  }

  /**
   * Run one call. The outcome is `ok` with the value only if it succeeded, the owner is still
   * attached and (for latestOnly) no newer load has started; otherwise `{ ok: false }`, so code
   * after `await` never acts for a screen that has gone.
   */
  async run<T>(action: () => Promise<T>, options: RunOptions = {}): Promise<Outcome<T>> {
    const id = ++this.sequence;
    if (options.latestOnly) this.newestLoad = id;
    if (!options.background) {
      this.last = { action, options };
      this.running += 1;
      this.update({ busy: true, error: null });
    }
    const counts = (): boolean => this.attached && (!options.latestOnly || id === this.newestLoad);
    try {
      const value = await action();
      return counts() ? { ok: true, value } : { ok: false };
    } catch (error) {
      if (counts()) this.update({ error });
      return { ok: false };
    } finally {
      if (!options.background) {
        this.running -= 1;
        this.update({ busy: this.running > 0 });
      }
    }
  }

  /** Run the last foreground call again, with the same options; nothing when there was none. */
  async retry(): Promise<Outcome<unknown>> {
    return this.last ? this.run(this.last.action, this.last.options) : { ok: false };
  }

  clearError(): void {
    this.update({ error: null });
  }

  /** Show a failure that did not come through run (a check made before calling). */
  fail(error: unknown): void {
    this.update({ error });
  }

  /** The owner is on screen (again: React's development mode mounts twice). */
  attach(): void {
    this.attached = true;
    this.publish(this.current);
  }

  /** The owner has gone: later results are dropped and nothing more is published. */
  detach(): void {
    this.attached = false;
  }

  private update(change: Partial<CallState>): void {
    const next = { ...this.current, ...change };
    if (next.busy === this.current.busy && next.error === this.current.error) return;
    this.current = next;
    if (this.attached) this.publish(next);
  }
}
