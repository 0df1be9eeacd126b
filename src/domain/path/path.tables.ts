import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../db/schema.js';

export interface PathEventTable {
  id: Generated<string>;
  client_id: string;
  county_code: string;
  organization_id: string | null;
  phase: PathPhase;
  kind: string;
  at: Timestamp;
  title: string;
  description: string | null;
  sectors: string[];
  interface_note: string | null;
  ref_type: string | null;
  ref_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export const PATH_PHASES = ['concern', 'assessment', 'services', 'follow-up'] as const;
export type PathPhase = (typeof PATH_PHASES)[number];

declare module '../../db/schema.js' {
  interface DB {
    path_events: PathEventTable;
  }
}
