import { describe, expect, it } from 'vitest';
import type { CallState } from './api-call';
import { ApiCallMachine } from './api-call';

/** A promise settled by the test, so calls finish in the order the test chooses. */
function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, no) => {
    resolve = ok;
    reject = no;
  });
  return { promise, resolve, reject };
}

function setup(): { m: ApiCallMachine; published: CallState[] } {
  const published: CallState[] = [];
  const m = new ApiCallMachine((s) => published.push(s));
  return { m, published };
}

const boom = new Error('refused');

describe('ApiCallMachine', () => {
  it('is busy while a call runs and hands back its value', async () => {
    const { m, published } = setup();
    const d = deferred<number>();
    const running = m.run(() => d.promise);
    expect(m.state).toEqual({ busy: true, error: null });
    d.resolve(7);
    expect(await running).toEqual({ ok: true, value: 7 });
    expect(m.state).toEqual({ busy: false, error: null });
    expect(published).toEqual([{ busy: true, error: null }, { busy: false, error: null }]);
  });

  it('keeps the failure to show, and the next call hides it when it starts', async () => {
    const { m } = setup();
    expect(await m.run(() => Promise.reject(boom))).toEqual({ ok: false });
    expect(m.state).toEqual({ busy: false, error: boom });
    const d = deferred<string>();
    const next = m.run(() => d.promise);
    expect(m.state).toEqual({ busy: true, error: null });
    d.resolve('ok');
    await next;
    expect(m.state.error).toBeNull();
  });

  it('stays busy until the last of overlapping calls ends; a failure shows whichever call made it', async () => {
    const { m } = setup();
    const a = deferred<string>();
    const b = deferred<string>();
    const ra = m.run(() => a.promise);
    const rb = m.run(() => b.promise);
    a.reject(boom);
    expect(await ra).toEqual({ ok: false });
    expect(m.state).toEqual({ busy: true, error: boom });
    b.resolve('b');
    expect(await rb).toEqual({ ok: true, value: 'b' });
    expect(m.state).toEqual({ busy: false, error: boom });
  });

  it('drops an older load that answers after a newer one started (latestOnly)', async () => {
    const { m } = setup();
    const old = deferred<string>();
    const newer = deferred<string>();
    const rOld = m.run(() => old.promise, { latestOnly: true });
    const rNew = m.run(() => newer.promise, { latestOnly: true });
    newer.resolve('12');
    expect(await rNew).toEqual({ ok: true, value: '12' });
    old.resolve('1');
    expect(await rOld).toEqual({ ok: false });
    // A late failure of the replaced load is not shown either.
    const again = deferred<string>();
    const rFail = m.run(() => Promise.reject(boom), { latestOnly: true });
    const rLast = m.run(() => again.promise, { latestOnly: true });
    expect(await rFail).toEqual({ ok: false });
    expect(m.state.error).toBeNull();
    again.resolve('x');
    await rLast;
    expect(m.state).toEqual({ busy: false, error: null });
  });

  it('does not let a plain call be replaced: two actions both deliver', async () => {
    const { m } = setup();
    const a = deferred<number>();
    const b = deferred<number>();
    const ra = m.run(() => a.promise);
    const rb = m.run(() => b.promise);
    b.resolve(2);
    a.resolve(1);
    expect(await ra).toEqual({ ok: true, value: 1 });
    expect(await rb).toEqual({ ok: true, value: 2 });
  });

  it('runs background writes without busy, keeps the shown error, shows their failure, and never retries them', async () => {
    const { m } = setup();
    await m.run(() => Promise.reject(boom));
    const d = deferred<void>();
    const bg = m.run(() => d.promise, { background: true });
    expect(m.state).toEqual({ busy: false, error: boom });
    d.resolve();
    expect(await bg).toEqual({ ok: true, value: undefined });
    const other = new Error('answer not saved');
    await m.run(() => Promise.reject(other), { background: true });
    expect(m.state.error).toBe(other);
    let calls = 0;
    await m.run(async () => ++calls);
    await m.run(() => Promise.resolve('bg'), { background: true });
    await m.retry();
    expect(calls).toBe(2);
  });

  it('retry runs the last call again with its options; nothing to retry at first', async () => {
    const { m } = setup();
    expect(await m.retry()).toEqual({ ok: false });
    expect(m.state).toEqual({ busy: false, error: null });
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw boom;
      return attempts;
    };
    await m.run(flaky, { latestOnly: true });
    expect(m.state.error).toBe(boom);
    expect(await m.retry()).toEqual({ ok: true, value: 2 });
    expect(m.state).toEqual({ busy: false, error: null });
  });

  it('after detach: nothing published, results and failures dropped; attach publishes the state again', async () => {
    const { m, published } = setup();
    const ok = deferred<string>();
    const bad = deferred<string>();
    const rOk = m.run(() => ok.promise);
    const rBad = m.run(() => bad.promise);
    const before = published.length;
    m.detach();
    ok.resolve('late');
    bad.reject(boom);
    expect(await rOk).toEqual({ ok: false });
    expect(await rBad).toEqual({ ok: false });
    expect(published.length).toBe(before);
    expect(m.state).toEqual({ busy: false, error: null });
    m.attach();
    expect(published.at(-1)).toEqual({ busy: false, error: null });
  });

  it('clearError and fail set the error by hand, publishing only real changes', () => {
    const { m, published } = setup();
    m.clearError();
    expect(published).toEqual([]);
    m.fail(boom);
    expect(m.state.error).toBe(boom);
    m.fail(boom);
    m.clearError();
    expect(published).toEqual([{ busy: false, error: boom }, { busy: false, error: null }]);
  });
});
