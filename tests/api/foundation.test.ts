import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe(`foundation on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('reports health and the database engine', async () => {
    const res = await t.call('GET', '/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.engine });
  });

  it('logs in a demo user, tells who they are, and logs out', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'ohjaaja', password: 'demo' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'polku_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const session = `polku_session=${cookie.value}`;
    const me = await t.call('GET', '/api/v1/auth/me', { cookie: session });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'ohjaaja',
      role: 'client-counsellor',
      organization: { name: 'Keski-Uudenmaan hyvinvointialue', sector: 'wellbeing-county' },
    });
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie: session })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: session })).statusCode).toBe(401);
  });

  it('rejects a wrong password with 401 in the requested language and audits the attempt', async () => {
    const fi = await t.call('POST', '/api/v1/auth/login', { body: { username: 'ohjaaja', password: 'väärä' } });
    expect(fi.statusCode).toBe(401);
    expect(fi.json().error).toMatchObject({ code: 'invalid_credentials', message: 'Käyttäjätunnus tai salasana on väärin.' });
    const sv = await t.call('POST', '/api/v1/auth/login', { body: { username: 'ohjaaja', password: 'fel' }, lang: 'sv' });
    expect(sv.json().error.message).toBe('Fel användarnamn eller lösenord.');
    const rows = await t.db.selectFrom('audit_log').select(['action', 'allowed', 'username']).where('action', '=', 'auth.login-failed').execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ allowed: false, username: 'ohjaaja' });
  });

  it('answers bad input with 400 naming the field, never a stack trace', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 42 }, lang: 'en' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('"username"');
    expect(body.error.message).toContain('"password"');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    const broken = await t.call('POST', '/api/v1/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('bad_request');
  });

  it('refuses state changes from another origin', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'ohjaaja', password: 'demo' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_origin');
  });

  it('sets protective headers and no-store on API responses', async () => {
    const res = await t.call('GET', '/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const api = await t.call('GET', '/api/v1/auth/me');
    expect(api.statusCode).toBe(401);
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('publishes an OpenAPI 3 document generated from the route table', async () => {
    const res = await t.call('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });

  it('loads the seed world: county organisations of every sector and the nine seed clients', async () => {
    const sectors = await t.db.selectFrom('organizations').select('sector').distinct().execute();
    expect(sectors.map((s) => s.sector).sort()).toEqual(['kela', 'municipality', 'ngo', 'private', 'specialist-care', 'state', 'wellbeing-county']);
    const names = (await t.db.selectFrom('clients').select('first_name').execute()).map((c) => c.first_name);
    for (const n of ['Eero', 'Anni', 'Mohammed', 'Saara', 'Petri', 'Mari', 'Jaakko', 'Tiina', 'Nadina']) expect(names).toContain(n);
  });

  it('runs application SQL as a role that is neither superuser nor owner', async () => {
    const row = await sql<{ su: string; who: string }>`SELECT current_setting('is_superuser') AS su, current_user AS who`.execute(t.db);
    expect(row.rows[0]).toEqual({ su: 'off', who: 'polku_app' });
  });

  it('keeps the audit log append-only for the application role', async () => {
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow();
    await expect(sql`UPDATE audit_log SET allowed = true`.execute(t.db)).rejects.toThrow();
  });
});
