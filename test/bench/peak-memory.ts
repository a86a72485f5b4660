import { readFileSync } from 'node:fs';

/**
 * This process's peak memory in KB: VmHWM on Linux. getrusage's maxRSS also counts the parent's
 * memory at the fork (the kernel carries it across exec), which would hide a child's own peak.
 */
export function peakKb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS;
}
