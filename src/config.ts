import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  /** Public origin(s) accepted for state-changing browser requests, besides the request's own Host. */
  allowedOrigins: string[];
  /** Cookies get `Secure` when Polku is served over HTTPS (behind a TLS-terminating proxy). */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** Requests per minute per client address and session on one node; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.POLKU_DATA_DIR ?? './.polku-data'),
    databaseUrl: env.DATABASE_URL || null,
    // Demo data (and demo accounts) only when asked, or by default outside production.
    demo: env.POLKU_DEMO ? env.POLKU_DEMO === '1' : !production,
    allowedOrigins: (env.POLKU_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.POLKU_SECURE_COOKIES === '1',
    trustProxy: env.POLKU_TRUST_PROXY === '1',
    sessionIdleMinutes: Number(env.POLKU_SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.POLKU_SESSION_ABSOLUTE_HOURS ?? 12),
    rateLimitPerMinute: Number(env.POLKU_RATE_LIMIT_PER_MINUTE ?? 600),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
