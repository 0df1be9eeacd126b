import { z } from 'zod';
import {
  ChangeStatusRequest, CreatedReferral, CreateReferralRequest, InboxQuery, RecordOutsideRequest, ReferralDetail, ReferralList, TimeLimits,
} from '../../contracts/referrals.contracts.js';
import {
  changeReferralStatus, createReferral, getReferralDetail, getTimeLimits, listClientReferrals, listInbox, printReferral, recordMadeOutside, referralPrintout,
  renderReferralPdf, setTimeLimits,
} from '../../domain/referrals/index.js';
import { PROFESSIONAL_ROLES } from '../../domain/identity/roles.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['referrals'];
const IdParams = z.object({ id: z.string().max(64) });

export const referralsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/referrals',
    summary: 'Send (or draft) a referral to a service; 409 consent_required when no consent or statutory basis covers its provider',
    tags,
    auth: 'professional',
    body: CreateReferralRequest,
    status: 201,
    response: CreatedReferral,
    handler: ({ body, actor, tx }) => tx((t) => createReferral(t, actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals',
    summary: 'Incoming or outgoing referrals of the caller’s organisation, with “action needed”',
    tags,
    auth: 'professional',
    query: InboxQuery,
    response: ReferralList,
    handler: ({ query, actor, tx }) =>
      tx((t) => listInbox(t, actor, query.box, { status: query.status, actionNeeded: query.actionNeeded === undefined ? undefined : query.actionNeeded === 'true' })),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals/time-limits',
    summary: 'Days after which an unreceived or undecided referral raises an alert',
    tags,
    // Admins too: they set the county default on the supervision page and must see what it is.
    auth: [...PROFESSIONAL_ROLES, 'manager', 'admin'],
    response: TimeLimits,
    handler: ({ actor, tx }) => tx((t) => getTimeLimits(t, actor)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/referrals/time-limits',
    summary: 'Set the time limits (manager: own organisation as receiver; admin: county default)',
    tags,
    auth: ['manager', 'admin'],
    body: TimeLimits,
    response: TimeLimits,
    handler: ({ body, actor, tx }) => tx((t) => setTimeLimits(t, actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals/:id',
    summary: 'One referral with its status history and the statuses the caller may set',
    tags,
    auth: 'professional',
    params: IdParams,
    response: ReferralDetail,
    handler: ({ params, actor, tx }) => tx((t) => getReferralDetail(t, actor, params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/referrals/:id',
    summary: 'Change the status (Gravity SDOH Task statuses); 409 invalid_transition, 403 when the other side sets that status',
    tags,
    auth: 'professional',
    params: IdParams,
    body: ChangeStatusRequest,
    response: CreatedReferral,
    handler: ({ params, body, actor, tx }) => tx((t) => changeReferralStatus(t, actor, params.id, body.status, body.reason)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/referrals/:id/outside',
    summary: 'Record that a referral to a provider outside Polku was made by other means',
    tags,
    auth: 'professional',
    params: IdParams,
    body: RecordOutsideRequest,
    response: z.object({ id: z.string().uuid(), outsideSystem: z.boolean() }),
    handler: ({ params, body, actor, tx }) => tx((t) => recordMadeOutside(t, actor, params.id, body.note)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals/:id/print',
    summary: 'A printable referral (HTML, print or save as PDF in the browser) for providers outside Polku',
    tags,
    auth: 'professional',
    params: IdParams,
    produces: 'text/html',
    handler: async ({ params, actor, lang, tx, reply }) => {
      const html = await tx((t) => printReferral(t, actor, params.id, lang));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals/:id/print.pdf',
    summary: 'The printed referral as a PDF (fi, sv or en) for providers that do not use Polku',
    tags,
    auth: 'professional',
    params: IdParams,
    query: z.object({ lang: z.enum(['fi', 'sv', 'en']).default('fi') }),
    produces: 'application/pdf',
    handler: async ({ params, query, actor, tx, reply }) => {
      const printout = await tx((t) => referralPrintout(t, actor, params.id, query.lang, 'referral.print.pdf'));
      // Rendered after the transaction: it is not database work.
      const pdf = await renderReferralPdf(printout);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="lahete-${params.id.slice(0, 8)}-${query.lang}.pdf"`)
        .send(pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/referrals',
    summary: 'The referrals of one client',
    tags,
    clientData: { param: 'id' },
    params: IdParams,
    response: ReferralList,
    handler: ({ params, actor, tx }) => tx((t) => listClientReferrals(t, actor, params.id)),
  }),
];
