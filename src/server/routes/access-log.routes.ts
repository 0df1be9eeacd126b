import { z } from 'zod';
import { clientAccessLog, grantEmergencyAccess, listEmergencyAccessForReview, reviewEmergencyAccess } from '../../domain/access/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['access'];
const IdParams = z.object({ id: z.string().max(64) });

export const AccessLogResponse = z.object({
  items: z.array(
    z.object({ at: z.string(), user: z.string().nullable(), organization: z.string().nullable(), action: z.string(), basis: z.string().nullable(), allowed: z.boolean() }),
  ),
});
const EmergencyItem = z.object({
  id: z.string().uuid(), clientId: z.string().uuid(), user: z.string(), reason: z.string(), grantedAt: z.string(), expiresAt: z.string(),
  reviewedAt: z.string().nullable(), reviewer: z.string().nullable(), reviewNote: z.string().nullable(),
});

export const accessLogRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/access-log',
    summary: 'Who has seen or changed the client’s data, on what basis, including refused attempts',
    tags,
    clientData: { param: 'id' },
    params: IdParams,
    response: AccessLogResponse,
    handler: ({ params, actor, tx }) => tx((t) => clientAccessLog(t, actor, params.id)),
  }),
  // Not marked clientData: it is the one door for a professional without any other basis.
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/emergency-access',
    summary: 'Emergency access: time-limited, needs a reason, audited with basis "emergency" and flagged for the managers’ review',
    tags,
    auth: 'professional',
    params: IdParams,
    body: z.object({ reason: z.string().trim().max(1000) }),
    status: 201,
    response: z.object({ id: z.string().uuid(), expiresAt: z.string() }),
    handler: ({ params, body, actor, tx }) => tx((t) => grantEmergencyAccess(t, actor, params.id, body.reason)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/emergency-access',
    summary: 'Emergency accesses of the manager’s organisation for review',
    tags,
    auth: ['manager', 'admin'],
    query: z.object({ unreviewed: z.enum(['true', 'false']).default('true') }),
    response: z.object({ items: z.array(EmergencyItem) }),
    handler: ({ query, actor, tx }) => tx((t) => listEmergencyAccessForReview(t, actor, query.unreviewed === 'true')),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/emergency-access/:id/review',
    summary: 'Mark an emergency access reviewed, with the manager’s note',
    tags,
    auth: ['manager', 'admin'],
    params: IdParams,
    body: z.object({ note: z.string().trim().min(3).max(1000) }),
    response: z.object({ ok: z.literal(true) }),
    handler: ({ params, body, actor, tx }) => tx((t) => reviewEmergencyAccess(t, actor, params.id, body.note)),
  }),
];
