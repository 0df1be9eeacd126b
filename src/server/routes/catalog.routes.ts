import { z } from 'zod';
import {
  CreateServiceRequest,
  ImportReport,
  ServiceDetail,
  ServiceHistory,
  ServiceIdParams,
  ServiceSearchQuery,
  ServiceSearchResult,
  UpdateServiceRequest,
} from '../../contracts/catalog.contracts.js';
import { createService, getService, importPtvDocument, searchBody, serviceHistory, updateService } from '../../domain/catalog/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const EDITORS = ['admin', 'manager'] as const;

export const catalogRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/services',
    summary: 'Search the service catalogue (public): Finnish-aware text search, filters, facets, pagination',
    tags: ['catalog'],
    auth: 'public',
    query: ServiceSearchQuery,
    response: ServiceSearchResult,
    lane: 'bulk',
    // A cached result costs one autocommitted read of the catalogue generation (catalog.service, searchBody).
    handler: ({ query, readThenTx }) => readThenTx((read, tx) => searchBody(read, tx, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/services/:id',
    summary: 'One service of the catalogue (public when published)',
    tags: ['catalog'],
    auth: 'public',
    params: ServiceIdParams,
    response: ServiceDetail,
    handler: ({ params, actor, tx }) => tx((t) => getService(t, actor ?? null, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/services',
    summary: "Add a service to the caller's own organisation (organisation admins and managers)",
    tags: ['catalog'],
    auth: EDITORS,
    body: CreateServiceRequest,
    status: 201,
    response: ServiceDetail,
    handler: ({ body, actor, tx }) => tx((t) => createService(t, actor, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/services/:id',
    summary: "Edit a service of the caller's own organisation; `version` guards against lost updates",
    tags: ['catalog'],
    auth: EDITORS,
    params: ServiceIdParams,
    body: UpdateServiceRequest,
    response: ServiceDetail,
    handler: ({ params, body, actor, tx }) => tx((t) => updateService(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/services/:id/history',
    summary: "Edit history of one of the caller's own organisation's services",
    tags: ['catalog'],
    auth: EDITORS,
    params: ServiceIdParams,
    response: ServiceHistory,
    handler: ({ params, actor, tx }) => tx((t) => serviceHistory(t, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/admin/imports/ptv',
    summary: 'Import PTV services (v11 JSON or the simplified list); idempotent upsert by PTV id',
    tags: ['catalog', 'admin'],
    auth: ['admin'],
    body: z.unknown(),
    response: ImportReport,
    // One transaction per batch: a long import does not hold one transaction for minutes.
    handler: ({ body, actor, tx }) => importPtvDocument((fn) => tx(fn), body, { countyCode: actor.countyCode, actor }),
  }),
];
