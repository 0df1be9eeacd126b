/**
 * latest.json (the agreed shape) and latest.md: the numbers, the targets of issue 11 and
 * pass/miss per target for the engine that ran.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ScenarioResult {
  name: string;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  ratioToBaseline: number;
  status?: 'ok' | 'skipped';
  note?: string;
}

export interface RunSummary {
  database: 'pglite' | 'postgres';
  clients: number;
  baseline: { rps: number };
  scenarios: ScenarioResult[];
}

export interface RunExtras {
  command: string;
  durationSec: number;
  connections: number;
  pathEvents: number;
  services: number;
  workers: number;
  generateSec: number;
  peakRssMb: number;
  generation: { table: string; rows: number; ms: number; status: string; note?: string }[];
  notes: string[];
}

interface Target {
  what: string;
  check: (s: RunSummary, x: RunExtras) => boolean | null; // null = not measured in this run
}

const find = (s: RunSummary, name: string) => s.scenarios.find((x) => x.name === name && x.status !== 'skipped');
const p95Under = (name: string, ms: number): Target['check'] => (s) => { const r = find(s, name); return r ? r.p95Ms <= ms && r.errors === 0 : null; };
const ratioOver = (name: string, ratio: number): Target['check'] => (s) => { const r = find(s, name); return r ? r.ratioToBaseline >= ratio : null; };

const REPORTS = ['report-interfaces', 'report-segments', 'report-caseloads', 'report-referrals', 'report-service-gaps', 'report-feedback'];
const importRate: Target['check'] = (s) => { const r = find(s, 'import-fresh-insert'); return r ? r.rps >= 2000 : null; };

function targets(s: RunSummary): Target[] {
  const rss: Target = { what: 'RSS ≤ 1 GB (issue: at 100k clients)', check: (_s, x) => x.peakRssMb <= 1024 };
  if (s.database === 'postgres') {
    return [
      ...['caseload', 'client-overview', 'catalog-search'].flatMap((n): Target[] => [
        { what: `${n} p95 ≤ 25 ms, 0 errors`, check: p95Under(n, 25) },
        { what: `${n} ≥ 25 % of baseline req/s`, check: ratioOver(n, 0.25) },
      ]),
      { what: 'mixed ≥ 300 req/s with 0 errors', check: (x) => { const r = find(x, 'mixed'); return r ? r.rps >= 300 && r.errors === 0 : null; } },
      ...REPORTS.map((n): Target => ({ what: `${n} ≤ 1 s (p95, 10 managers at once)`, check: p95Under(n, 1000) })),
      { what: 'import ≥ 2k services/s (fresh insert)', check: importRate },
      { what: 'catalog-search-50k p95 ≤ 10 ms (issue 3)', check: p95Under('catalog-search-50k', 10) },
      // The search itself, every request searching (result cache off): beside the served figure, not instead of it.
      { what: 'catalog-search-50k-uncached p95 ≤ 10 ms, one user (1 connection)', check: p95Under('catalog-search-50k-uncached-1c', 10) },
      { what: 'catalog-search-50k-uncached p95 ≤ 10 ms, 10 connections', check: p95Under('catalog-search-50k-uncached', 10) },
      rss,
    ];
  }
  return [
    ...['caseload', 'client-overview', 'catalog-search'].map((n): Target => ({ what: `${n} p95 ≤ 50 ms, 0 errors`, check: p95Under(n, 50) })),
    { what: 'pk-read-under-heavy-search p99 ≤ 100 ms', check: (x) => { const r = find(x, 'pk-read-under-heavy-search'); return r ? r.p99Ms <= 100 : null; } },
    { what: 'cold-start ≤ 5 s', check: (x) => { const r = find(x, 'cold-start'); return r ? r.p50Ms <= 5000 : null; } },
    { what: 'import ≥ 2k services/s (fresh insert)', check: importRate },
    { what: 'catalog-search-50k p95 ≤ 25 ms (issue 3)', check: p95Under('catalog-search-50k', 25) },
    // The search itself, every request searching (result cache off): beside the served figure, not instead of it.
    { what: 'catalog-search-50k-uncached p95 ≤ 25 ms, one user (1 connection)', check: p95Under('catalog-search-50k-uncached-1c', 25) },
    { what: 'catalog-search-50k-uncached p95 ≤ 25 ms, 10 connections', check: p95Under('catalog-search-50k-uncached', 25) },
    rss,
  ];
}

export function writeResults(dir: string, s: RunSummary, x: RunExtras): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const shaped = { database: s.database, clients: s.clients, baseline: s.baseline, scenarios: s.scenarios.map(({ name, rps, p50Ms, p95Ms, p99Ms, errors, ratioToBaseline, status, note }) => ({ name, rps, p50Ms, p95Ms, p99Ms, errors, ratioToBaseline, ...(status === 'skipped' ? { status, note } : {}) })) };
  fs.writeFileSync(json, `${JSON.stringify(shaped, null, 2)}\n`);
  const md = path.join(dir, 'latest.md');
  fs.writeFileSync(md, markdown(s, x));
  // A copy per engine, so a PGlite run and a PostgreSQL run can be compared side by side.
  fs.copyFileSync(json, path.join(dir, `${s.database}-latest.json`));
  fs.copyFileSync(md, path.join(dir, `${s.database}-latest.md`));
  return { json, md };
}

function markdown(s: RunSummary, x: RunExtras): string {
  const mark = (v: boolean | null) => (v === null ? '— not measured' : v ? '✅ pass' : '❌ miss');
  const lines = [
    `# Benchmark ${new Date().toISOString()} — ${s.database}, ${s.clients.toLocaleString('en')} clients`,
    '',
    `Command: \`${x.command}\` · ${x.durationSec} s per scenario · ${x.connections} connections · 127.0.0.1 · node ${process.version}`,
    `Data: ${s.clients.toLocaleString('en')} clients, ${x.pathEvents.toLocaleString('en')} path events (target), ${x.services.toLocaleString('en')} generated services, ${x.workers} workers; generated in ${x.generateSec.toFixed(0)} s.`,
    `Peak RSS of the process (server + load generator + database for PGlite): ${x.peakRssMb} MB.`,
    `Baseline (bare Fastify JSON route, same process and run): **${s.baseline.rps.toLocaleString('en')} req/s**.`,
    '',
    '| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | × baseline |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...s.scenarios.map((r) => r.status === 'skipped'
      ? `| ${r.name} | skipped | | | | | ${r.note ?? ''} |`
      : `| ${r.name} | ${r.rps} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.errors} | ${r.ratioToBaseline} |`),
    '',
    '## Targets (issue 11)',
    '',
    '| target | result |',
    '|---|---|',
    ...targets(s).map((t) => `| ${t.what} | ${mark(t.check(s, x))} |`),
    '',
    '## Data generation',
    '',
    '| table | rows | s | status |',
    '|---|---:|---:|---|',
    ...x.generation.map((g) => `| ${g.table} | ${g.rows} | ${(g.ms / 1000).toFixed(1)} | ${g.status}${g.note ? ` (${g.note})` : ''} |`),
    '',
    ...(x.notes.length > 0 ? ['## Notes', '', ...x.notes.map((n) => `- ${n}`), ''] : []),
  ];
  return `${lines.join('\n')}\n`;
}
