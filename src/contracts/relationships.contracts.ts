import { z } from 'zod';

export const GUIDANCE_LEVELS = ['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus'] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const Worker = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Worker = z.infer<typeof Worker>;
export const WorkerList = z.object({ items: z.array(Worker) });

/** A client relationship (asiakkuus) with the named responsible worker (omatyöntekijä, SHL 42 §). */
export const Relationship = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string(), sector: z.string(), phone: z.string().nullable() }),
  unitName: z.string().nullable(),
  level: z.enum(GUIDANCE_LEVELS),
  responsible: Worker.nullable(),
  backup: Worker.nullable(),
  holdsCoordination: z.boolean(),
  coordinationNote: z.string().nullable(),
  coordinationUntil: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Relationship = z.infer<typeof Relationship>;
export const RelationshipList = z.object({ items: z.array(Relationship) });

export const StartRelationshipRequest = z.object({
  level: z.enum(GUIDANCE_LEVELS),
  unitId: z.uuid().nullable().optional(),
  responsibleUserId: z.uuid(),
  backupUserId: z.uuid().nullable().optional(),
  holdsCoordination: z.boolean().default(false),
  coordinationNote: z.string().trim().max(2000).nullable().optional(),
  coordinationUntil: IsoDate.nullable().optional(),
});
export type StartRelationshipRequest = z.infer<typeof StartRelationshipRequest>;

/** Partial change; a new responsible worker tells the client (notification row). */
export const UpdateRelationshipRequest = z.object({
  level: z.enum(GUIDANCE_LEVELS).optional(),
  responsibleUserId: z.uuid().optional(),
  backupUserId: z.uuid().nullable().optional(),
  holdsCoordination: z.boolean().optional(),
  coordinationNote: z.string().trim().max(2000).nullable().optional(),
  coordinationUntil: IsoDate.nullable().optional(),
  /** Ends the relationship (the client is told). */
  end: z.boolean().optional(),
});
export type UpdateRelationshipRequest = z.infer<typeof UpdateRelationshipRequest>;

export const RelationshipParams = z.object({ id: z.string().max(100), relationshipId: z.uuid() });

export const ClientNotification = z.object({
  id: z.string(),
  kind: z.enum(['relationship-started', 'worker-changed', 'relationship-ended', 'plan-updated']),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  organizationName: z.string(),
  worker: Worker.nullable(),
  /** Plain-language message in the requested language. */
  message: z.string(),
});
export const ClientNotificationList = z.object({ items: z.array(ClientNotification) });
/** The client marks these notifications read (POST; reading the list never changes it). */
export const MarkClientNotificationsReadRequest = z.object({ ids: z.array(z.uuid()).min(1).max(200) });
export type MarkClientNotificationsReadRequest = z.infer<typeof MarkClientNotificationsReadRequest>;
