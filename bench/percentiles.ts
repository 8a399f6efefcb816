/** Latency statistics of a list of samples, in milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `task` `iterations` times after a warm-up, and returns p50 and p99 in milliseconds. */
export async function measure(task: () => unknown, iterations: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(200, iterations); i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await task();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}
