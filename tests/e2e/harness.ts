import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createScratchPostgres } from '../helpers/test-db.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 90_000;

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** What the server printed so far; handy in failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts Polku (`src/main.ts`) on a free port with demo data in a fresh PGlite data
 * directory, or — when DATABASE_URL is set — in a fresh scratch PostgreSQL database of that
 * server, dropped on stop: every test file starts from the same demo world, never from what
 * an earlier file or an earlier run left behind.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npx vite build` before the e2e tests.');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-e2e-'));
  const scratch = process.env.DATABASE_URL && !('DATABASE_URL' in env) ? await createScratchPostgres() : null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', POLKU_DATA_DIR: dataDir, POLKU_DEMO: '1',
      ...(scratch ? { DATABASE_URL: scratch.url } : {}), ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output: () => output, stop };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Polku exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Polku did not answer ${baseUrl}/healthz within ${SERVER_START_TIMEOUT_MS} ms:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM'); // lets PGlite checkpoint and release the data-dir lock
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Debian's Chromium; no browser is ever downloaded. */
/**
 * One server (fresh demo world) and one browser for a whole test file: started before its first
 * test, stopped after its last. Read `server` and `browser` inside tests, not at module load.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  }, SERVER_START_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the e2e ${what} is not running (use it inside a test)`);
    return v;
  };
  return {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context (own cookies and localStorage) whose relative URLs resolve
 * against `baseUrl`, so `page.goto('/kirjaudu')` works. Desktop size unless told otherwise.
 */
export async function newPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Helsinki', ...options });
  return context.newPage();
}

/**
 * Logs in through the login form (password `demo` unless given) and waits until the
 * app has left the login page and shows a page heading. The page's context needs a
 * baseURL (use `newPage`).
 */
export async function login(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/kirjaudu');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/kirjaudu'));
  await page.locator('main h1').first().waitFor();
}

export interface AxeOptions {
  /** CSS selectors to leave out, e.g. a third-party widget. Use sparingly and say why. */
  exclude?: string[];
  disableRules?: string[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page; fails on serious or critical findings. */
export async function expectNoSeriousAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length === 0) return;
  const report = serious
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n');
      return `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}`;
    })
    .join('\n');
  throw new Error(`axe found ${serious.length} serious/critical accessibility problem(s) on ${page.url()}:\n${report}`);
}
