import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { secureCookies: true, rateLimitPerMinute: 0 } });
});
afterAll(async () => {
  await t?.close();
});

const me = (cookie: string) => t.call('GET', '/api/v1/auth/me', { cookie });

describe('sessions', () => {
  it('gives a new session id at every login and keeps cookies Secure behind HTTPS', async () => {
    const first = await t.login('sosiaalityo');
    const res = await t.call('POST', '/api/v1/auth/login', { cookie: first, body: { username: 'sosiaalityo', password: 'demo' } });
    const second = res.cookies.find((c) => c.name === 'polku_session')!;
    expect(second.secure).toBe(true);
    expect(`polku_session=${second.value}`).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401); // the pre-login session is gone
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const cookie = await t.login('ohjaaja');
    expect((await me(cookie)).statusCode).toBe(200);
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute();
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session after 12 hours however active it is', async () => {
    const cookie = await t.login('ohjaaja');
    await t.db.updateTable('sessions').set({ absolute_expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends every session of a disabled user at once, and applies a role change on the next request', async () => {
    const cookie = await t.login('valmentaja');
    await t.db.updateTable('users').set({ role: 'manager' }).where('username', '=', 'valmentaja').execute();
    expect((await me(cookie)).json().role).toBe('manager');
    await t.db.updateTable('users').set({ disabled: true }).where('username', '=', 'valmentaja').execute();
    expect((await me(cookie)).statusCode).toBe(401);
    const again = await t.call('POST', '/api/v1/auth/login', { body: { username: 'valmentaja', password: 'demo' } });
    expect(again.statusCode).toBe(401);
    await t.db.updateTable('users').set({ disabled: false, role: 'employment-coach' }).where('username', '=', 'valmentaja').execute();
  });
});

describe('brute-force protection', () => {
  it('answers the 11th failed login within 15 minutes with 429 and Retry-After, and logs it', async () => {
    for (let i = 0; i < 10; i++) {
      // Each try from another address: the per-account limit alone must stop the 11th.
      const r = await t.call('POST', '/api/v1/auth/login', { body: { username: 'opettaja', password: `wrong-${i}` }, remoteAddress: `10.0.0.${i + 1}` });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.call('POST', '/api/v1/auth/login', { body: { username: 'opettaja', password: 'demo' }, remoteAddress: '10.0.0.99' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    const logged = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login-throttled').where('username', '=', 'opettaja').execute();
    expect(logged.length).toBe(1);
  });

  it('limits one address trying many accounts', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'];
    for (const n of names) await t.call('POST', '/api/v1/auth/login', { body: { username: n, password: 'x' }, remoteAddress: '10.9.9.9' });
    const blocked = await t.call('POST', '/api/v1/auth/login', { body: { username: 'kela', password: 'demo' }, remoteAddress: '10.9.9.9' });
    expect(blocked.statusCode).toBe(429);
    const other = await t.call('POST', '/api/v1/auth/login', { body: { username: 'kela', password: 'demo' }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });
});

describe('audit log integrity', () => {
  it('chains every row to the previous one in its chain', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['chain', 'id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(5);
    const last = new Map<number, string>();
    for (const r of rows) {
      expect(r.prev_hash ?? null).toBe(last.get(r.chain) ?? null);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      last.set(r.chain, r.hash);
    }
  });

  it('cannot be forged with newlines in logged text', async () => {
    await t.call('POST', '/api/v1/auth/login', { body: { username: 'x\nauth.login allowed=true', password: 'x' } });
    const row = await t.db.selectFrom('audit_log').select('username').where('username', 'like', 'x%').executeTakeFirstOrThrow();
    expect(row.username).not.toContain('\n');
  });
});

describe('general rate limit', () => {
  it('answers 429 past the per-minute limit', async () => {
    const limited = await createTestApp({ demo: false, config: { rateLimitPerMinute: 5 } });
    try {
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push((await limited.call('GET', '/api/v1/auth/me')).statusCode);
      expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
      expect(codes[6]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('security headers on router-level errors', () => {
  // Fastify's frameworkErrors path (414 over-long parameter, 400 malformed URL) runs no hooks.
  it('sets the same protective headers on 414 and 400 as on every other answer', async () => {
    const cookie = await t.login('ohjaaja');
    const normal = await t.call('GET', '/api/v1/auth/me', { cookie });
    const tooLong = await t.call('GET', `/api/v1/clients/${'a'.repeat(500)}`, { cookie, lang: 'sv' });
    const badUrl = await t.call('GET', '/api/v1/clients/%E0%A4%A', { cookie, lang: 'en' });
    const badPage = await t.call('GET', '/asiakkaat/%E0%A4%A', { lang: 'fi' });
    expect([normal.statusCode, tooLong.statusCode, badUrl.statusCode, badPage.statusCode]).toEqual([200, 414, 400, 400]);
    expect(JSON.parse(tooLong.body).error.message).toContain('Adressen');
    for (const res of [normal, tooLong, badUrl, badPage]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    }
  });
});
