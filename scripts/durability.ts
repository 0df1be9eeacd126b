/**
 * Durability drill on embedded PGlite (issue 10, item 9): start the real server on a data
 * directory, run concurrent acknowledged writes over HTTP, `kill -9` it mid-flight, restart, and
 * check that every write the server acknowledged is still there. Prints the reopen time of each
 * cycle. Also checks that a second process on the same directory fails fast with exit code 2.
 *
 * The server runs as in production: compiled JavaScript (scripts/build-server.ts, built once at
 * the start of the drill and reported separately) under plain `node`, no tsx, no web app build.
 * "Reopen" is the time from spawning the process after the kill to the first write acknowledged
 * (a login, which writes a session row, then a 201 for a new client); the server's own figures
 * (modules loaded, database open incl. WAL recovery and migration check, app built) are printed
 * next to it.
 *
 *   npm run durability            # 20 cycles
 *   npm run durability -- 5       # 5 cycles
 *
 * tests/api/durability.test.ts runs the same drill with 3 cycles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface CycleResult {
  cycle: number;
  acknowledged: number;
  lost: string[];
  /** Spawn → the first write acknowledged (login + a 201 client), ms: what the requirement's "reopen" means. */
  reopenMs: number;
  /** Spawn → /healthz answering, ms. */
  healthyMs: number;
  /** The server's own figure: database open (PGlite start, WAL recovery, migration check, reference data), ms. */
  databaseMs: number | null;
  /** The server's own "started in" figure: opening the database and building the app, ms. */
  openMs: number | null;
  /** Process start → server modules loaded (Node start-up and loading the compiled bundle), ms. */
  loadedMs: number | null;
}

export interface DrillResult {
  cycles: CycleResult[];
  /** Compiling the server once (esbuild bundle), ms: paid at build time, not at each start. */
  buildMs: number;
  firstStartMs: number;
  secondProcess: { exitCode: number | null; ms: number; message: string };
}

interface Server { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function startServer(serverFile: string, dataDir: string, port: number, demo: boolean): Server {
  const child = spawn(process.execPath, [serverFile], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      POLKU_DATA_DIR: dataDir,
      POLKU_DEMO: demo ? '1' : '0',
      POLKU_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => out, exited };
}

async function waitReady(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server not ready in ${timeoutMs} ms:\n${server.output()}`);
}

/** Spawned → the first write acknowledged: log in (a session row) and create one client. */
async function waitFirstWrite(server: Server, prefix: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  let cookie: string | null = null;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    try {
      cookie ??= await login(server.port);
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ firstName: 'Kestävyys', lastName: `${prefix}first`, birthDate: '1990-01-01', confirmNotDuplicate: true }),
      });
      if (res.status === 201) return;
      throw new Error(`first write answered ${res.status}: ${await res.text()}`);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // TypeError = not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no write accepted in ${timeoutMs} ms:\n${server.output()}`);
}

/** A number from the server's start-up line, e.g. `database 812 ms`. */
function startFigure(output: string, re: RegExp): number | null {
  const m = re.exec(output);
  return m ? Number(m[1]) : null;
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ohjaaja', password: 'demo' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('polku_session='));
  return cookie!.split(';')[0]!;
}

/** Writers create clients until the server dies; returns the names the server acknowledged. */
function writeUntilKilled(port: number, cookie: string, prefix: string, writers: number) {
  const acknowledged: string[] = [];
  let stop = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const lastName = `${prefix}w${w}n${i}`;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/clients`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ firstName: 'Kestävyys', lastName, birthDate: '1990-01-01', confirmNotDuplicate: true }),
        });
        if (res.status === 201) acknowledged.push(lastName);
        else if (!stop) throw new Error(`write answered ${res.status}: ${await res.text()}`);
      } catch (e) {
        if (!stop && !(e instanceof TypeError)) throw e; // TypeError = connection lost: the kill
        return;
      }
    }
  });
  return { acknowledged, stop: () => (stop = true), done: Promise.all(loops) };
}

/** Names with this prefix that the server returns; per writer, so no list hits the limit. */
async function findWritten(port: number, cookie: string, prefix: string, writers: number): Promise<Set<string>> {
  const found = new Set<string>();
  for (let w = 0; w < writers; w++) {
    const q = `${prefix}w${w}n`;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/clients?q=${encodeURIComponent(q)}&limit=200`, { headers: { cookie } });
    if (!res.ok) throw new Error(`search answered ${res.status}`);
    const { items } = (await res.json()) as { items: { lastName: string }[] };
    if (items.length >= 200) throw new Error('too many writes per writer for one search page; lower the write time');
    for (const it of items) found.add(it.lastName);
  }
  return found;
}

export async function runDrill(options: { cycles: number; writers?: number; log?: (line: string) => void; readyTimeoutMs?: number }): Promise<DrillResult> {
  const writers = options.writers ?? 6;
  const log = options.log ?? (() => {});
  const readyTimeout = options.readyTimeoutMs ?? 180_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-durability-'));
  const run = Date.now().toString(36);
  // Inside the project (gitignored .tmp/) so that the bundle finds node_modules; one per drill.
  const buildDir = path.join(ROOT, '.tmp', `durability-server-${run}-${process.pid}`);
  const cycles: CycleResult[] = [];
  let server: Server | null = null;
  try {
    const { file: serverFile, ms: buildMs } = await buildServer(buildDir);
    log(`server compiled once (esbuild): ${buildMs} ms`);
    let t0 = Date.now();
    server = startServer(serverFile, dataDir, await freePort(), true);
    await waitReady(server, readyTimeout);
    const firstStartMs = Date.now() - t0;
    log(`first start with demo data: ${firstStartMs} ms`);

    // A second process on the same data directory must refuse at once, not corrupt it.
    t0 = Date.now();
    const intruder = startServer(serverFile, dataDir, await freePort(), false);
    const exitCode = await Promise.race([intruder.exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    if (exitCode === null) intruder.child.kill('SIGKILL');
    const secondProcess = { exitCode, ms: Date.now() - t0, message: intruder.output().trim() };
    log(`second process on the same data dir: exit ${exitCode} in ${secondProcess.ms} ms`);

    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const cookie = await login(server.port);
      const prefix = `Kesto${run}c${cycle}`;
      const writing = writeUntilKilled(server.port, cookie, prefix, writers);
      await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 600)));
      server.child.kill('SIGKILL'); // mid-flight: writers have requests outstanding
      writing.stop();
      await server.exited;
      await writing.done;

      t0 = Date.now();
      server = startServer(serverFile, dataDir, await freePort(), false);
      await waitReady(server, readyTimeout);
      const healthyMs = Date.now() - t0;
      await waitFirstWrite(server, `${prefix}r`, readyTimeout);
      const reopenMs = Date.now() - t0;
      const out = server.output();
      const r: CycleResult = {
        cycle,
        acknowledged: writing.acknowledged.length,
        lost: [],
        reopenMs,
        healthyMs,
        databaseMs: startFigure(out, /database (\d+) ms/),
        openMs: startFigure(out, /started in (\d+) ms/),
        loadedMs: startFigure(out, /modules loaded (\d+) ms/),
      };
      const found = await findWritten(server.port, await login(server.port), prefix, writers);
      r.lost = writing.acknowledged.filter((n) => !found.has(n));
      cycles.push(r);
      log(
        `cycle ${cycle}: ${r.acknowledged} acknowledged, ${r.lost.length} lost; reopen (spawn → first write) ${reopenMs} ms, ` +
          `healthz ${healthyMs} ms; server: modules ${r.loadedMs ?? '?'} ms, database ${r.databaseMs ?? '?'} ms, database + app ${r.openMs ?? '?'} ms`,
      );
    }
    return { cycles, buildMs, firstStartMs, secondProcess };
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

/** `min …, median …, max …` of a list of milliseconds. */
function spread(values: (number | null)[]): string {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return 'n/a';
  return `min ${v[0]}, median ${v[Math.floor(v.length / 2)]}, max ${v.at(-1)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = Number(process.argv[2] ?? 20);
  const loadBefore = os.loadavg();
  const result = await runDrill({ cycles, log: (l) => console.log(l) });
  const loadAfter = os.loadavg();
  const lost = result.cycles.reduce((n, c) => n + c.lost.length, 0);
  const acked = result.cycles.reduce((n, c) => n + c.acknowledged, 0);
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\n${cycles} cycles: ${acked} acknowledged writes, ${lost} lost`);
  console.log(`reopen (spawn → first write acknowledged) ms: ${spread(result.cycles.map((c) => c.reopenMs))}`);
  console.log(`  spawn → /healthz ms:                        ${spread(result.cycles.map((c) => c.healthyMs))}`);
  console.log(`  server: modules loaded ms:                  ${spread(result.cycles.map((c) => c.loadedMs))}`);
  console.log(`  server: database open ms:                   ${spread(result.cycles.map((c) => c.databaseMs))}`);
  console.log(`  server: database + app ms:                  ${spread(result.cycles.map((c) => c.openMs))}`);
  console.log(`server compile (once, not per start): ${result.buildMs} ms; first start with demo data: ${result.firstStartMs} ms`);
  console.log(`second process: exit ${result.secondProcess.exitCode} in ${result.secondProcess.ms} ms`);
  console.log(`load average (1/5/15 min) before: ${fmt(loadBefore)}, after: ${fmt(loadAfter)}; ${os.cpus().length} CPUs`);
  const ok = lost === 0 && result.secondProcess.exitCode === 2;
  process.exit(ok ? 0 : 1);
}
