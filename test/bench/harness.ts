/**
 * A small benchmark harness: timings are measured here, never asserted in tests.
 * Each measurement is reported beside a baseline measured in the same run, so the
 * ratio means something on a shared, noisy machine.
 */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function stats(samplesMs: number[]): Stats {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s.at(-1) ?? 0 };
}

/** Run fn `iterations` times after `warmup` runs; each sample in milliseconds. */
export async function sample(fn: () => unknown, iterations: number, warmup = Math.min(20, iterations)): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return stats(out);
}

export interface Row {
  suite: string;
  name: string;
  figure: string;
  target?: string;
  baseline?: string;
  ratio?: string;
}

export const rows: Row[] = [];

export function report(row: Row): void {
  rows.push(row);
  const parts = [`${row.suite} › ${row.name}: ${row.figure}`];
  if (row.target) parts.push(`target ${row.target}`);
  if (row.baseline) parts.push(`baseline ${row.baseline}`);
  if (row.ratio) parts.push(`ratio ${row.ratio}`);
  console.log(parts.join(' · '));
}

export const ms = (v: number): string => `${v.toFixed(3)} ms`;
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
