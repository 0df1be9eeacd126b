import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

export type NotificationKind = 'relationship-started' | 'worker-changed' | 'relationship-ended' | 'plan-updated';

/** What the portal shows; the payload keeps the worker's contact details as they were when told. */
export interface NotificationPayload {
  organizationName: string;
  worker: { id: string; name: string; title: string | null; phone: string | null; email: string | null } | null;
  previousWorkerName?: string | null;
  level?: string;
  planVersion?: number;
}

export interface ClientNotificationTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string;
  kind: NotificationKind;
  payload: Json<NotificationPayload>;
  created_by: string | null;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

declare module '../../db/schema.js' {
  interface DB {
    client_notifications: ClientNotificationTable;
  }
}
