import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { AnyRoute } from '../../src/server/route.js';
import { allRoutes } from '../../src/server/routes/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { validExample } from './access-matrix.examples.js';

/**
 * Property-based bad input (issue 10, item 8): every route with a body or query schema, called by
 * users of several roles with arbitrary JSON, wrong types, huge and odd unicode strings,
 * prototype-pollution keys and garbage path parameters. Must hold for every request:
 *   - never a 5xx;
 *   - every 4xx is `{"error":{"code","message"}}` with a non-empty message;
 *   - nothing half-written: when a whole batch answered 4xx, no table's row count moved
 *     (except the audit log, where refused attempts belong, and sessions).
 *
 * POLKU_FUZZ_RUNS = requests per route × role (default 26 → over 10,000 requests in total);
 * POLKU_FUZZ_SEED reproduces a run (the seed is printed).
 */
const RUNS = Number(process.env.POLKU_FUZZ_RUNS ?? 26);
const SEED = Number(process.env.POLKU_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const USERS = ['ohjaaja', 'opettaja', 'esihenkilo', 'admin', 'anni'] as const;
/** Tables that may grow on refused requests by design: refusals are audited; sessions are touched. */
const MAY_CHANGE = new Set(['audit_log', 'sessions']);
const routes = allRoutes().filter((r) => r.body || r.query);
let t: TestApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) cookies.set(u, await t.login(u));
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** Row counts of every table, read past row-level security (as the session user) so nothing hides. */
async function rowCounts(db: Kysely<DB>): Promise<Map<string, number>> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE NONE`.execute(tx);
    const { rows: tables } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(tx);
    const union = tables.map((x) => `SELECT '${x.name}' AS name, count(*)::int AS n FROM "${x.name}"`).join(' UNION ALL ');
    const { rows } = await sql<{ name: string; n: number }>`${sql.raw(union)}`.execute(tx);
    return new Map(rows.map((r) => [r.name, Number(r.n)]));
  });
}

function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([name, n]) => !MAY_CHANGE.has(name) && before.get(name) !== n).map(([name, n]) => `${name} ${before.get(name)}→${n}`);
}

// ---- arbitraries --------------------------------------------------------------------------

const ODD_CHARS = ['a', 'ä', 'Å', '😀', '\u0000', '\u202e', '\ud800', '\n', "'", '"', '\\', '%', '<', '\u200b', '𝔘'];
const hugeString = fc
  .tuple(fc.constantFrom(...ODD_CHARS), fc.constantFrom(101, 1_001, 10_001, 100_001, 3_000_000))
  .map(([c, n]) => c.repeat(n));
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '-1', '1e309', '0x10', "'; DROP TABLE clients; --", '../../etc/passwd', '%00', '${7*7}'),
  hugeString,
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  oddString,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);
/** Keys a careless merge turns into prototype pollution; JSON.parse makes them own properties. */
const protoObject = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
  .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}:{"isAdmin":true,"role":"admin","polluted":${JSON.stringify(v)}}}`) as object);

/** A valid example of the schema with one field replaced, one extra key or a pollution key merged in. */
function mutatedExample(schema: AnyRoute['body']) {
  const valid = validExample(schema)?.value;
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return fc.jsonValue({ maxDepth: 3 });
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constant(valid), // sometimes valid: the handler runs with garbage ids and odd values
    keys.length
      ? fc.tuple(fc.constantFrom(...keys), wrongType).map(([k, v]) => ({ ...(valid as object), [k]: v }))
      : wrongType,
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), wrongType).map(([k, v]) => ({ ...(valid as object), [k]: v })),
    // Spreading keeps `__proto__` an own key (no setter runs), so it reaches the server as sent.
    protoObject.map((p) => ({ ...p, ...(valid as object) })),
  );
}

/** A body: arbitrary JSON, wrong types, pollution keys, a mutated valid example, or unreadable text. */
function bodyArb(route: AnyRoute) {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ json: v })),
    wrongType.map((v) => ({ json: v })),
    protoObject.map((v) => ({ json: v })),
    mutatedExample(route.body).map((v) => ({ json: v })),
    mutatedExample(route.body).map((v) => ({ json: v })),
    fc.constantFrom('{"a":', '{"__proto__":{"x":1}}', '[1,2', '\u0000', 'nul', '{"a":1}{"b":2}').map((raw) => ({ raw })),
  );
}

/** A query string: the schema's own keys and random ones, with odd or repeated values. */
function queryArb(route: AnyRoute) {
  const example = (validExample(route.query)?.value ?? {}) as Record<string, unknown>;
  const known = Object.keys(example).concat(['q', 'limit', 'from', 'to', 'lang']);
  const key = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor'));
  const value = fc.oneof(oddString.filter((s) => s.length < 20_000), fc.integer().map(String), fc.constantFrom('true', '[]', '{}', '2026-13-45'));
  return fc.array(fc.tuple(key, value, fc.boolean()), { maxLength: 6 }).map((pairs) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(example)) qs.append(k, String(v));
    // `set` replaces a known key's valid value with the odd one; `append` repeats the key (an array).
    for (const [k, v, replace] of pairs) qs[replace ? 'set' : 'append'](k, v);
    return qs.toString();
  });
}

const paramArb = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
  fc.constantFrom('0', '-1', '999999999999', 'null', '%00', '..', 'a'.repeat(500), '00000000-0000-0000-0000-000000000000', '186', '%E2%80%AE'),
);

function urlArb(route: AnyRoute) {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return fc.tuple(fc.array(paramArb, { minLength: names.length, maxLength: names.length }), route.query ? queryArb(route) : fc.constant(''))
    .map(([values, qs]) => {
      let i = 0;
      const path = route.url.replace(/:(\w+)/g, () => values[i++]!);
      return qs ? `${path}?${qs}` : path;
    });
}

// ---- the property ---------------------------------------------------------------------------

interface Outcome { status: number; problem?: string }

async function send(route: AnyRoute, cookie: string, url: string, body: { json?: unknown; raw?: string } | undefined): Promise<Outcome> {
  const headers: Record<string, string> = {};
  let payload: unknown;
  if (body && 'raw' in body) {
    headers['content-type'] = 'application/json';
    payload = body.raw;
  } else if (body) {
    payload = JSON.stringify(body.json ?? null);
    headers['content-type'] = 'application/json';
  }
  // Logging in rotates (ends) the caller's session, so the login route is fuzzed without one.
  const res = await t.call(route.method, url, { cookie: route.url === '/api/v1/auth/login' ? undefined : cookie, body: payload, headers, lang: 'fi' });
  if (res.statusCode >= 500) return { status: res.statusCode, problem: `${res.statusCode} ${res.body.slice(0, 300)}` };
  if (res.statusCode >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      return { status: res.statusCode, problem: `${res.statusCode} body is not JSON: ${res.body.slice(0, 200)}` };
    }
    const e = parsed?.error;
    if (typeof e?.code !== 'string' || !e.code || typeof e.message !== 'string' || !e.message.trim()) {
      return { status: res.statusCode, problem: `${res.statusCode} error body lacks code/message: ${res.body.slice(0, 200)}` };
    }
  }
  return { status: res.statusCode };
}

describe('fuzzing every route schema (fast-check)', () => {
  it('answers router-level errors (over-long path parameter, bad URL) in the localized error shape', async () => {
    const cookie = await t.login('ohjaaja');
    const long = 'a'.repeat(500);
    for (const [lang, word] of [['fi', 'Osoite'], ['sv', 'Adressen'], ['en', 'address']] as const) {
      const res = await t.call('GET', `/api/v1/clients/${long}`, { cookie, lang });
      expect(res.statusCode).toBe(414);
      const body = JSON.parse(res.body) as { error: { code: string; message: string; correlationId: string } };
      expect(body.error.code).toBe('uri_too_long');
      expect(body.error.message).toContain(word);
      expect(body.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).not.toContain('FST_ERR');
    }
    const bad = await t.call('GET', '/api/v1/clients/%E0%A4%A', { cookie, lang: 'en' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'bad_request' });
    expect(bad.body).not.toContain('FST_ERR');
  });

  it(`answers ${RUNS} odd requests per route × role with clear 4xx and no partial writes`, { timeout: 900_000 }, async () => {
    console.log(`fuzz: seed ${SEED}, ${routes.length} routes × ${USERS.length} users × ${RUNS} runs`);
    const started = Date.now();
    const failures: string[] = [];
    let requests = 0;
    let batchesCompared = 0;
    let batchesWithSuccess = 0;
    const statuses = new Map<number, number>();
    let counts = await rowCounts(t.db);
    for (const [ri, route] of routes.entries()) {
      for (const [ui, user] of USERS.entries()) {
        // A fuzzed request may legitimately end the session (e.g. a role change): log in again.
        if ((await t.call('GET', '/api/v1/auth/me', { cookie: cookies.get(user) })).statusCode === 401) cookies.set(user, await t.login(user));
        const cookie = cookies.get(user)!;
        const outcomes: Outcome[] = [];
        let problem = '';
        const input = fc.tuple(urlArb(route), route.body ? bodyArb(route) : fc.constant(undefined));
        try {
          await fc.assert(
            fc.asyncProperty(input, async ([url, body]) => {
              const o = await send(route, cookie, url, body);
              outcomes.push(o);
              if (o.problem) {
                problem = `${url.slice(0, 160)} body=${JSON.stringify(body)?.slice(0, 300)} → ${o.problem}`;
                throw new Error(problem);
              }
            }),
            { numRuns: RUNS, seed: SEED + ri * 31 + ui, endOnFailure: true },
          );
        } catch (e) {
          failures.push(`${route.method} ${route.url} as ${user} (seed ${SEED + ri * 31 + ui}): ${problem || String((e as Error).message).slice(0, 600)}`);
        }
        requests += outcomes.length;
        for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
        const after = await rowCounts(t.db);
        if (outcomes.every((o) => o.status >= 400)) {
          batchesCompared++;
          const changed = changedTables(counts, after);
          if (changed.length) failures.push(`${route.method} ${route.url} as ${user}: only 4xx answers but rows changed: ${changed.join(', ')}`);
        } else {
          batchesWithSuccess++; // a valid example got through: its write is legitimate
        }
        counts = after;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${requests} requests in ${seconds.toFixed(1)} s (${t.engine}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `${batchesCompared} all-4xx batches compared row counts, ${batchesWithSuccess} batches had a success`,
    );
    expect(failures).toEqual([]);
    if (RUNS >= 26) expect(requests).toBeGreaterThanOrEqual(10_000);
  });
});
