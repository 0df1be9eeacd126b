/**
 * Drives one scenario with autocannon against a loopback server and measures each response.
 * Percentiles are computed from every response time (autocannon's own histogram has no p95).
 */
import autocannon, { type Request } from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

export interface LoadOptions {
  url: string;
  durationSec: number;
  connections: number;
  requests: Request[];
  headers?: Record<string, string>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bad = 0;
    const instance = autocannon(
      { url: o.url, connections: o.connections, duration: o.durationSec, timeout: 30, requests: o.requests, ...(o.headers ? { headers: o.headers } : {}) },
      (err, result) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        resolve({
          rps: round(times.length / Math.max(result.duration, 0.001), 0),
          p50Ms: round(percentile(times, 50)),
          p95Ms: round(percentile(times, 95)),
          p99Ms: round(percentile(times, 99)),
          // Non-2xx answers, socket errors and timeouts all count: a benchmark that "passes" on 500s is worthless.
          errors: bad + result.errors + result.timeouts,
          requests: times.length,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) bad++;
    });
  });
}
