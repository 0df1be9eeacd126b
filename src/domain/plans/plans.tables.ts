import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

/** Kysely row types of migration 0300 (the shared client plan). */
export interface ClientPlanTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string;
  client_id: string;
  scope: 'client' | 'family';
  version: Generated<number>;
  situation_summary: string;
  client_own_goals: string;
  client_view: string;
  professional_view: string;
  review_date: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ClientPlanMemberTable {
  plan_id: string;
  client_id: string;
  county_code: string;
  organization_id: string;
}

interface PlanChild {
  id: Generated<string>;
  plan_id: string;
  county_code: string;
  organization_id: string;
}

export interface PlanGoalTable extends PlanChild {
  term: 'short' | 'long';
  text: string;
  position: number;
}

export interface PlanActionTable extends PlanChild {
  position: number;
  title: string;
  responsible_kind: 'organization' | 'client' | 'close-one';
  responsible_organization_id: string | null;
  responsible_user_id: string | null;
  responsible_name: string | null;
  starts_at: string | null;
  due: string | null;
  status: string;
  indicator: string;
  service_id: string | null;
  service_name: string | null;
  outcome: string | null; // 0820
}

export interface PlanServiceTable extends PlanChild {
  position: number;
  service_id: string | null;
  name: string;
  provider_name: string | null;
}

export interface PlanLinkedPlanTable extends PlanChild {
  position: number;
  type: string;
  owner_organization_id: string | null;
  owner_name: string;
  plan_date: string;
  note: string | null;
}

export interface PlanCommitmentTable extends PlanChild {
  participant_key: string;
  confirmed_version: number;
  confirmed_by: string | null;
  confirmed_by_name: string;
  confirmed_at: Timestamp;
}

export interface PlanVersionTable extends PlanChild {
  version: number;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Timestamp;
  changes: string[];
  snapshot: Json<Record<string, unknown>>;
}

declare module '../../db/schema.js' {
  interface DB {
    client_plans: ClientPlanTable;
    client_plan_members: ClientPlanMemberTable;
    plan_goals: PlanGoalTable;
    plan_actions: PlanActionTable;
    plan_services: PlanServiceTable;
    plan_linked_plans: PlanLinkedPlanTable;
    plan_commitments: PlanCommitmentTable;
    plan_versions: PlanVersionTable;
  }
}
