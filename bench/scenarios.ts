/**
 * The benchmark scenarios: which endpoints a worker, a manager or the public hit, with what
 * variety. Each connection acts as one logged-in worker (its cookie is kept in the connection's
 * context) and picks clients it really has a relationship with, so every read passes the
 * access check and writes its audit row as in production.
 */
import type { Request } from 'autocannon';

export interface BenchWorker {
  cookie: string;
  clientIds: string[];
  /** Clients of this worker that have a shared plan (client-overview reads the plan). */
  planClientIds: string[];
  /** A service of the worker's own organisation: a referral to it needs no consent (internal). */
  ownServiceId: string | null;
}

export interface Fixture {
  workers: BenchWorker[];
  managerCookie: string | null;
  serviceIds: string[];
  municipalityCodes: string[];
  reportFrom: string;
  reportTo: string;
}

export interface Scenario {
  name: string;
  /** Routes the scenario needs; a scenario whose route is not registered is reported 'skipped'. */
  routes: [method: string, url: string][];
  describe: string;
  requests: (f: Fixture) => Request[];
}

// Varied Finnish queries: base forms, inflected forms, compounds, two-word queries, a place name.
export const SEARCH_QUERIES = [
  'mielenterveys', 'päihteet', 'velkaneuvonta', 'velkaa', 'asumisen tuki', 'nuoret', 'yksinäisyys', 'vertaistukiryhmä',
  'perhe neuvonta', 'masennus', 'omaishoitajan', 'kotoutuminen', 'lapsiperheen arki', 'talous', 'liikunta ikäihmiset',
  'muisti', 'jaksaminen', 'koulunkäynti', 'työllisyys järvenpää', 'toimeentulo', 'harrastukset', 'uni', 'vanhemmuus', 'kuntoutus',
];
export const NEEDS = [
  'Asiakas on yksinäinen ja velkaantunut, tarvitsee apua talouteen.', 'Nuori on jäänyt pois koulusta ja pelaa öisin.',
  'Iäkäs omaishoitaja on uupunut.', 'Perhe tarvitsee tukea vanhemmuuteen ja arkeen.', 'Työtön asiakas haluaa kuntoutukseen ja työhön.',
  'Maahan muuttanut perhe tarvitsee tukea asumiseen ja kieleen.', 'Päihteiden käyttö on lisääntynyt ja mieliala on matala.',
];

const any = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const json = { 'content-type': 'application/json' };

/** The connection's worker: chosen once per connection, kept in its context. */
function workerOf(f: Fixture, ctx: Record<string, unknown>): BenchWorker {
  if (!ctx.worker) ctx.worker = any(f.workers);
  return ctx.worker as BenchWorker;
}

function withCookie(req: Request, cookie: string, extra: Partial<Request> = {}): Request {
  return { ...req, ...extra, headers: { ...(req.headers ?? {}), ...(extra.headers ?? {}), cookie } };
}

export const searchRequest = (): Request => ({
  method: 'GET',
  setupRequest: (req) => ({ ...req, path: `/api/v1/services?q=${encodeURIComponent(any(SEARCH_QUERIES))}&limit=20` }),
});

function referralWrite(f: Fixture): Request {
  return {
    method: 'POST',
    setupRequest: (req, ctx) => {
      const w = workerOf(f, ctx);
      const body = JSON.stringify({ clientId: any(w.clientIds), serviceId: w.ownServiceId, reason: 'Asiakas tarvitsee tukea arkeen (kuormitustesti).', urgency: 'normal' });
      return withCookie(req, w.cookie, { path: '/api/v1/referrals', headers: json, body });
    },
  };
}

/** Reads of one client that a worker opens together: plan, path, referrals (the client overview). */
function overviewRequests(f: Fixture): Request[] {
  const get = (suffix: string, first: boolean): Request => ({
    method: 'GET',
    setupRequest: (req, ctx) => {
      const w = workerOf(f, ctx);
      if (first || !ctx.client) ctx.client = any(w.planClientIds.length > 0 ? w.planClientIds : w.clientIds);
      return withCookie(req, w.cookie, { path: `/api/v1/clients/${String(ctx.client)}/${suffix}` });
    },
  });
  return [get('plan', true), get('path', false), get('referrals', false)];
}

/**
 * A worker's client list (/asiakkaat): what that screen fetches, its first page by name with each client's
 * next task and alerts (overdue tasks, plan review, no contact) and the counts by level. Until 23 Nov 2026 this scenario also read `/me/tasks` (every open task, used by no screen) and
 * `/me/alerts` (no screen either: the today view, scenario `today`, has its own route).
 */
function caseloadRequests(f: Fixture): Request[] {
  return [ownRequest(f, '/api/v1/guidance/caseload?page=1')];
}

function ownRequest(f: Fixture, path: string): Request {
  return { method: 'GET', setupRequest: (req: Request, ctx: Record<string, unknown>) => withCookie(req, workerOf(f, ctx).cookie, { path }) };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'caseload',
    routes: [['GET', '/api/v1/guidance/caseload']],
    describe: "a worker's client list: the first page of their clients by name with each one's next task and alerts, and the counts by level (audited)",
    requests: caseloadRequests,
  },
  {
    name: 'today',
    routes: [['GET', '/api/v1/me/today']],
    describe: "a worker's today view (front page): due and overdue tasks, incoming referrals, alerts, meetings (audited)",
    requests: (f) => [ownRequest(f, '/api/v1/me/today')],
  },
  {
    name: 'client-overview',
    routes: [['GET', '/api/v1/clients/:id/plan'], ['GET', '/api/v1/clients/:id/path'], ['GET', '/api/v1/clients/:id/referrals']],
    describe: 'plan, path and referrals of one of the worker’s clients (3 requests in turn, each access-checked and audited)',
    requests: overviewRequests,
  },
  {
    name: 'catalog-search',
    routes: [['GET', '/api/v1/services']],
    describe: `public catalogue search, ${SEARCH_QUERIES.length} varied Finnish queries with facets`,
    requests: () => [searchRequest()],
  },
  {
    name: 'recommendations',
    routes: [['POST', '/api/v1/guidance/recommendations']],
    describe: 'service recommendations for a described situation (age, group, municipality, needs in free Finnish text)',
    requests: (f) => [{
      method: 'POST',
      setupRequest: (req, ctx) => {
        const age = 10 + Math.floor(Math.random() * 75);
        const clientGroup = age < 18 ? 'children-youth-families' : age < 65 ? 'working-age' : 'older-people';
        const body = JSON.stringify({ age, clientGroup, municipalityCode: any(f.municipalityCodes), needs: any(NEEDS), limit: 10 });
        return withCookie(req, workerOf(f, ctx).cookie, { path: '/api/v1/guidance/recommendations', headers: json, body });
      },
    }],
  },
  {
    name: 'referral-write',
    routes: [['POST', '/api/v1/referrals']],
    describe: 'a worker sends a referral to a service of their own organisation (referral + status event + path event + audit row)',
    requests: (f) => [referralWrite(f)],
  },
  {
    name: 'report-interfaces',
    routes: [['GET', '/api/v1/reports/interfaces']],
    describe: 'the interfaces (yhdyspinnat) report of a manager over all generated path events',
    requests: (f) => [{
      method: 'GET',
      path: `/api/v1/reports/interfaces?from=${f.reportFrom}&to=${f.reportTo}`,
      headers: { cookie: f.managerCookie ?? '' },
    }],
  },
  // The other management reports (issue 9: each ≤ 1 s over 1M path events on PostgreSQL).
  ...(['segments', 'caseloads', 'referrals', 'service-gaps', 'feedback'] as const).map((report): Scenario => ({
    name: `report-${report}`,
    routes: [['GET', `/api/v1/reports/${report}`]],
    describe: `the ${report} report of a manager over the whole period`,
    requests: (f) => [{
      method: 'GET',
      path: `/api/v1/reports/${report}?from=${f.reportFrom}&to=${f.reportTo}`,
      headers: { cookie: f.managerCookie ?? '' },
    }],
  })),
  {
    name: 'mixed',
    routes: [['GET', '/api/v1/clients/:id/plan'], ['GET', '/api/v1/services'], ['POST', '/api/v1/referrals']],
    describe: '70 % worker reads (client list page, plan, path, referrals), 20 % searches, 10 % referral writes',
    requests: (f) => {
      const reads = [...caseloadRequests(f), ...overviewRequests(f)];
      const search = searchRequest();
      const write = referralWrite(f);
      return [{
        method: 'GET',
        setupRequest: (req, ctx) => {
          const r = Math.random();
          const chosen = r < 0.7 ? any(reads) : r < 0.9 ? search : write;
          const built = chosen.setupRequest!({ ...req, method: chosen.method ?? 'GET' }, ctx);
          return { ...built, method: chosen.method ?? 'GET' };
        },
      }];
    },
  },
];
