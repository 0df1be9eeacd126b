import { z } from 'zod';
import { CaseloadQuery, CaseloadResponse, IdParams } from '../../contracts/clients.contracts.js';
import { RecommendationRequest, RecommendationResponse } from '../../contracts/guidance.contracts.js';
// The guidance module's index.ts exports its pure rules; its use cases live in guidance.service.
import { caseload, recommend, recommendForClient } from '../../domain/guidance/guidance.service.js';
import { defineRoute, type AnyRoute } from '../route.js';

export const guidanceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/guidance/recommendations',
    summary: 'Services for a situation (age, group, municipality, needs, profile, life situation) with reasons; suggested segment and level',
    tags: ['guidance'],
    auth: 'professional',
    body: RecommendationRequest,
    response: RecommendationResponse,
    handler: ({ body, actor, lang, tx }) => tx((t) => recommend(t, actor, body, lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/recommendations',
    summary: 'Services for one client from their record (age, home municipality, assessment, self-assessment, concerns)',
    tags: ['guidance'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: IdParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
    response: RecommendationResponse,
    handler: ({ params, query, actor, lang, tx }) => tx((t) => recommendForClient(t, actor, params.id, query.limit, lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/guidance/caseload',
    summary: 'The caller’s active clients by guidance level, with the 40-client limit of intensive case management; the list a page at a time by name (?page=, ?pageSize= default 50, at most 500)',
    tags: ['guidance'],
    auth: 'professional',
    query: CaseloadQuery,
    response: CaseloadResponse,
    handler: ({ actor, query, tx }) => tx((t) => caseload(t, actor, query.page, query.pageSize)),
  }),
];
