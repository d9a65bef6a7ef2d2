export interface LatencySummary {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(times: number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: times.length,
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1)!),
  };
}

/** Warms up, then times `samples` sequential runs of `work`. */
export async function timeSequentially(work: () => Promise<unknown>, samples: number, warmup: number): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return summarize(times);
}
