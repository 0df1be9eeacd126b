/**
 * Drives one scenario with autocannon against a loopback server and measures each response.
 * Percentiles are computed from every response time (autocannon's own histogram has no p95).
 *
 * By default autocannon runs in a child process of its own (bench/load-child.ts, forked with the
 * parent's tsx loader): on 2 cores a load generator inside the server's process competes with the
 * server's event loop, and every latency it measures then includes the time the generator itself
 * waited for the event loop (and, on PGlite, for the synchronous WebAssembly queries). The child
 * gets the scenario by name plus the fixture (plain data) and builds the same autocannon requests,
 * so the scenario code is shared; it sends back every response time. `inProcess: true` keeps the
 * old way (bench flag `--in-process`), to compare the two.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import { SCENARIOS, searchRequest, type Fixture } from './scenarios.js';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

/** What to send, as plain data (it crosses a process boundary). */
export type LoadSource =
  | { scenario: string; fixture: Fixture }
  /** Fixed requests without setupRequest functions. */
  | { requests: Request[] }
  /** GET `prefix + one of values` (chosen at random per request). */
  | { pick: { prefix: string; values: string[] } };

export interface LoadOptions {
  url: string;
  durationSec: number;
  connections: number;
  source: LoadSource;
  /** Run autocannon in this process (the harness before 22 Nov 2026 evening). */
  inProcess?: boolean;
}

/** Raw outcome of one autocannon window: every response time and the error counts. */
export interface RawLoad {
  times: number[];
  bad: number;
  errors: number;
  timeouts: number;
  durationSec: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const any = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** The autocannon requests of a source (in whichever process runs autocannon). */
export function requestsOf(source: LoadSource): Request[] {
  if ('scenario' in source) {
    if (source.scenario === 'catalog-search') return [searchRequest()];
    const s = SCENARIOS.find((x) => x.name === source.scenario);
    if (!s) throw new Error(`unknown scenario ${source.scenario}`);
    return s.requests(source.fixture);
  }
  if ('requests' in source) return source.requests;
  const { prefix, values } = source.pick;
  return [{ method: 'GET', setupRequest: (q) => ({ ...q, path: `${prefix}${any(values)}` }) }];
}

/** One autocannon window in the current process. */
export function runAutocannon(url: string, durationSec: number, connections: number, requests: Request[]): Promise<RawLoad> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bad = 0;
    const instance = autocannon({ url, connections, duration: durationSec, timeout: 30, requests }, (err, result) => {
      if (err) return reject(err);
      resolve({ times, bad, errors: result.errors, timeouts: result.timeouts, durationSec: result.duration });
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) bad++;
    });
  });
}

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/** One autocannon window in a child process (inherits this process's tsx loader via execArgv). */
function runInChild(o: LoadOptions): Promise<RawLoad> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    child.once('message', (m: { ok: true; raw: RawLoad } | { ok: false; error: string }) => {
      done = true;
      child.disconnect();
      if (m.ok) resolve(m.raw);
      else reject(new Error(`load child: ${m.error}`));
    });
    child.once('error', reject);
    // 'close', not 'exit': 'exit' can come before a large answer still in the IPC channel has been read (a
    // run failed that way: "exited with 0 before answering"); 'close' comes after the channel has closed.
    child.once('close', (code) => { if (!done) reject(new Error(`load child exited with ${code} before answering`)); });
    // The child runs until this process disconnects (after the answer), so an exit before it is a failure.
    child.send({ url: o.url, durationSec: o.durationSec, connections: o.connections, source: o.source });
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const raw = o.inProcess ? await runAutocannon(o.url, o.durationSec, o.connections, requestsOf(o.source)) : await runInChild(o);
  const times = raw.times.sort((a, b) => a - b);
  return {
    rps: round(times.length / Math.max(raw.durationSec, 0.001), 0),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    // Non-2xx answers, socket errors and timeouts all count: a benchmark that "passes" on 500s is worthless.
    errors: raw.bad + raw.errors + raw.timeouts,
    requests: times.length,
  };
}
