import { z } from 'zod';
import {
  AlertList,
  ClientIdParams,
  CompleteTaskRequest,
  CreateTaskRequest,
  FollowupSettingsBody,
  MarkReadRequest,
  MyTasksQuery,
  NotificationList,
  RecordContactRequest,
  RecordContactResponse,
  Task,
  TaskIdParams,
  TaskList,
  TodayView,
} from '../../contracts/followup.contracts.js';
import {
  clientTasks,
  completeTask,
  createTask,
  getFollowupSettings,
  markNotificationsRead,
  myAlerts,
  myNotifications,
  myTasks,
  recordContact,
  saveFollowupSettings,
  todayView,
} from '../../domain/followup/index.js';
import { defineRoute, type AnyRoute } from '../route.js';
import { portalRoutes } from './portal.routes.js';

const Created = z.object({ id: z.string().uuid() });

/**
 * GET /api/v1/me/tasks is one URL for two audiences: the worker's tasks (this module's public
 * contract) and the client's own agreed tasks (the portal). Fastify allows one handler per URL,
 * so this route owns it and hands clients to the portal's handler, taken out of the portal's list.
 * TODO(lead): drop the portal's `get('/tasks', …)` line and this splice together.
 */
const portalTasksIndex = portalRoutes.findIndex((r) => r.method === 'GET' && r.url === '/api/v1/me/tasks');
const portalTasks = portalTasksIndex >= 0 ? portalRoutes.splice(portalTasksIndex, 1)[0] : undefined;

export const followupRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/tasks',
    summary: 'The worker’s own follow-up tasks (open by default), with overdue flags; for a client, the tasks agreed for them',
    tags: ['followup'],
    auth: 'authenticated',
    response: z.union([TaskList, portalTasks?.response ?? TaskList]),
    handler: (ctx) => {
      if (ctx.actor.role === 'client' && portalTasks) {
        return portalTasks.handler({ ...ctx, query: portalTasks.query ? portalTasks.query.parse(ctx.req.query ?? {}) : undefined });
      }
      const parsed = MyTasksQuery.safeParse(ctx.req.query ?? {});
      return ctx.tx((t) => myTasks(t, ctx.actor, parsed.success ? parsed.data.status : 'open'));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/alerts',
    summary: 'Alerts: task overdue, referral stuck, no contact, plan review overdue, caseload over limit, statutory deadline',
    tags: ['followup'],
    auth: 'professional',
    response: AlertList,
    handler: ({ actor, lang, tx }) => tx((t) => myAlerts(t, actor, lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/today',
    summary: 'The worker’s today view: due and overdue tasks, new incoming referrals, alerts, upcoming meetings',
    tags: ['followup'],
    auth: 'professional',
    response: TodayView,
    handler: ({ actor, lang, tx }) => tx((t) => todayView(t, actor, lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/notifications',
    summary: 'In-app reminders produced by the background job',
    tags: ['followup'],
    auth: 'professional',
    response: NotificationList,
    handler: ({ actor, tx }) => tx((t) => myNotifications(t, actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/notifications/read',
    summary: 'Mark reminders read',
    tags: ['followup'],
    auth: 'professional',
    body: MarkReadRequest,
    response: NotificationList,
    handler: ({ body, actor, tx }) => tx((t) => markNotificationsRead(t, actor, body.ids)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/tasks',
    summary: 'The client’s follow-up tasks',
    tags: ['followup'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: ClientIdParams,
    response: TaskList,
    handler: ({ params, actor, tx }) => tx((t) => clientTasks(t, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/tasks',
    summary: 'Add a follow-up task (owner, due date, optional link to a plan action or referral)',
    tags: ['followup'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: ClientIdParams,
    body: CreateTaskRequest,
    status: 201,
    response: Created,
    handler: ({ params, body, actor, tx }) => tx((t) => createTask(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tasks/:id/complete',
    summary: 'Mark a task done or not done (a note is required for not done)',
    tags: ['followup'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: TaskIdParams,
    body: CompleteTaskRequest,
    response: Task,
    handler: ({ params, body, actor, lang, tx }) => tx((t) => completeTask(t, actor, params.id, body.status, body.note, lang)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/contacts',
    summary: 'Record a contact with the client; answers with the verify-and-follow suggestion of the guidance level',
    tags: ['followup'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: ClientIdParams,
    body: RecordContactRequest,
    status: 201,
    response: RecordContactResponse,
    handler: ({ params, body, actor, lang, tx }) => tx((t) => recordContact(t, actor, params.id, body, lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/followup/settings',
    summary: 'Verify-and-follow defaults and alert thresholds in force',
    tags: ['followup'],
    handler: ({ actor, tx }) => tx((t) => getFollowupSettings(t, actor)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/followup/settings',
    summary: 'Change the thresholds (manager: own organisation; admin: county default)',
    tags: ['followup'],
    auth: ['manager', 'admin'],
    body: FollowupSettingsBody,
    handler: ({ body, actor, tx }) => tx((t) => saveFollowupSettings(t, actor, body)),
  }),
];
