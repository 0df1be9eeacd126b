import { z } from 'zod';
import {
  countOrganizations,
  findOrganization,
  findService,
  findServicesByIds,
  hsdsOrganization,
  hsdsPage,
  hsdsService,
  hsdsServiceSummary,
  listActiveServices,
  listOrganizationsPage,
  searchServices,
} from '../../domain/catalog/index.js';
import { notFound } from '../../domain/shared/errors.js';
import { defineRoute, type AnyRoute } from '../route.js';

/** Open Referral HSDS 3.0 read API (public directory data, no login). */
const BASE = '/api/hsds/v3';

const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(50),
});
const ServicesQuery = PageQuery.extend({
  search: z.string().trim().max(200).optional(),
  organization_id: z.uuid().optional(),
});
const IdParams = z.object({ id: z.uuid() });

export const hsdsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${BASE}/`,
    summary: 'HSDS API information',
    tags: ['hsds'],
    auth: 'public',
    handler: async () => ({ version: '3.0', profile: 'https://openreferral.org/', openapi_url: '/api/openapi.json' }),
  }),
  defineRoute({
    method: 'GET',
    url: `${BASE}/services`,
    summary: 'HSDS: paginated services with one-to-one fields (service_list)',
    tags: ['hsds'],
    auth: 'public',
    query: ServicesQuery,
    handler: ({ query, tx }) =>
      tx(async (t) => {
        const offset = (query.page - 1) * query.per_page;
        if (query.search) {
          const found = await searchServices(t, { q: query.search, organizationId: query.organization_id, limit: query.per_page, offset });
          const rows = await findServicesByIds(t, found.ids);
          return hsdsPage(rows.map(hsdsServiceSummary), found.total, query.page, query.per_page);
        }
        const { rows, total } = await listActiveServices(t, { limit: query.per_page, offset, organizationId: query.organization_id });
        return hsdsPage(rows.map(hsdsServiceSummary), total, query.page, query.per_page);
      }),
  }),
  defineRoute({
    method: 'GET',
    url: `${BASE}/services/:id`,
    summary: 'HSDS: one fully nested service',
    tags: ['hsds'],
    auth: 'public',
    params: IdParams,
    handler: ({ params, tx }) =>
      tx(async (t) => {
        const row = await findService(t, params.id);
        if (!row || row.status !== 'active') throw notFound();
        const codes = [...row.area_municipality_codes];
        const names = codes.length
          ? await t.selectFrom('municipalities').select(['code', 'name_fi']).where('code', 'in', codes).execute()
          : [];
        return hsdsService(row, new Map(names.map((m) => [m.code, m.name_fi])));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: `${BASE}/organizations`,
    summary: 'HSDS: paginated organisations',
    tags: ['hsds'],
    auth: 'public',
    query: PageQuery,
    handler: ({ query, tx }) =>
      tx(async (t) => {
        const rows = await listOrganizationsPage(t, { limit: query.per_page, offset: (query.page - 1) * query.per_page });
        return hsdsPage(rows.map(hsdsOrganization), await countOrganizations(t), query.page, query.per_page);
      }),
  }),
  defineRoute({
    method: 'GET',
    url: `${BASE}/organizations/:id`,
    summary: 'HSDS: one organisation with its services',
    tags: ['hsds'],
    auth: 'public',
    params: IdParams,
    handler: ({ params, tx }) =>
      tx(async (t) => {
        const org = await findOrganization(t, params.id);
        if (!org) throw notFound();
        const { rows } = await listActiveServices(t, { limit: 500, offset: 0, organizationId: org.id });
        return { ...hsdsOrganization(org), services: rows.map(hsdsServiceSummary) };
      }),
  }),
];
