import { z } from 'zod';
import { ConsentList, Created, CreateConsentRequest, CreateStatutoryBasisRequest, RevokeConsentRequest, RevokeConsentResponse } from '../../contracts/consents.contracts.js';
import { giveConsent, listConsents, recordStatutoryBasis, revokeConsent } from '../../domain/consents/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['consents'];
const IdParams = z.object({ id: z.string().max(64) });
const clientData = { param: 'id' };

export const consentsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/consents',
    summary: 'The client’s consents and recorded statutory disclosure bases, with history',
    tags,
    clientData,
    params: IdParams,
    response: ConsentList,
    handler: ({ params, actor, lang, tx }) => tx((t) => listConsents(t, actor, params.id, lang)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/consents',
    summary: 'Record a consent to disclose data to organisations or sectors (by the client, a guardian, or the client in the portal)',
    tags,
    clientData,
    params: IdParams,
    body: CreateConsentRequest,
    status: 201,
    response: Created,
    handler: ({ params, body, actor, tx }) => tx((t) => giveConsent(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/statutory-bases',
    summary: 'Record a legal basis for disclosure without consent (e.g. duty to notify, SHL 35 §)',
    tags,
    auth: 'professional',
    clientData,
    params: IdParams,
    body: CreateStatutoryBasisRequest,
    status: 201,
    response: Created,
    handler: ({ params, body, actor, tx }) => tx((t) => recordStatutoryBasis(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/consents/:id/revoke',
    summary: 'Revoke a consent; takes effect on the next request and cancels open referrals it alone covered',
    tags,
    params: IdParams,
    body: RevokeConsentRequest,
    response: RevokeConsentResponse,
    handler: ({ params, body, actor, tx }) => tx((t) => revokeConsent(t, actor, params.id, body?.reason)),
  }),
];
