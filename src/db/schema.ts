import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/**
 * The database as Kysely sees it. Each module adds its own tables by module augmentation
 * in its `<module>.tables.ts` (`declare module '../../db/schema.js' { interface DB { … } }`),
 * so parallel work never edits one shared file.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DB extends FoundationTables {}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Json<T> = ColumnType<T, string, string>;

export interface FoundationTables {
  schema_migrations: { id: string; applied_at: CreatedAt };
  wellbeing_counties: { code: string; name_fi: string; name_sv: string | null; name_en: string | null };
  municipalities: { code: string; name_fi: string; name_sv: string | null; county_code: string | null };
  organizations: {
    id: Generated<string>;
    key: string | null;
    county_code: string;
    name: string;
    name_sv: string | null;
    name_en: string | null;
    sector: string;
    municipality_code: string | null;
    phone: string | null;
    uses_polku: Generated<boolean>;
    created_at: CreatedAt;
  };
  units: {
    id: Generated<string>;
    key: string | null;
    organization_id: string;
    county_code: string;
    name: string;
    name_sv: string | null;
    name_en: string | null;
  };
  users: {
    id: Generated<string>;
    username: string;
    password_hash: string;
    display_name: string;
    title: string | null;
    role: string;
    organization_id: string;
    unit_id: string | null;
    county_code: string;
    client_id: string | null;
    phone: string | null;
    email: string | null;
    disabled: Generated<boolean>;
    created_at: CreatedAt;
  };
  sessions: {
    id_hash: string;
    user_id: string;
    created_at: CreatedAt;
    last_seen_at: Timestamp;
    absolute_expires_at: Timestamp;
    ip: string | null;
    user_agent: string | null;
  };
  audit_log: {
    id: Generated<string>;
    at: CreatedAt;
    chain: number;
    user_id: string | null;
    username: string | null;
    organization_id: string | null;
    county_code: string | null;
    client_id: string | null;
    action: string;
    resource: string | null;
    resource_id: string | null;
    basis: string | null;
    allowed: boolean;
    correlation_id: string | null;
    ip: string | null;
    details: Json<Record<string, unknown>> | null;
    prev_hash: string | null;
    hash: string;
  };
  clients: {
    id: Generated<string>;
    county_code: string;
    organization_id: string; // registering organisation
    first_name: string;
    last_name: string;
    birth_date: string;
    identity_code: string | null;
    municipality_code: string | null;
    language: Generated<string>;
    interpreter_needed: Generated<boolean>;
    plain_language: Generated<boolean>;
    preferred_channel: Generated<string>;
    non_disclosure: Generated<boolean>;
    address: string | null;
    phone: string | null;
    email: string | null;
    created_by: string | null;
    created_at: CreatedAt;
    updated_at: Timestamp;
  };
  client_relationships: {
    id: Generated<string>;
    client_id: string;
    organization_id: string;
    county_code: string;
    unit_id: string | null;
    level: string; // neuvonta-ja-ohjaus | asiakasohjaus | intensiivinen-palveluohjaus
    responsible_user_id: string | null;
    backup_user_id: string | null;
    coordination_note: string | null;
    coordination_until: string | null;
    started_at: Timestamp;
    ended_at: Timestamp | null;
    created_by: string | null;
    /** The client's names, written only by 0971's triggers (the caseload page's sort key); never set them. */
    client_last_name: Generated<string>;
    client_first_name: Generated<string>;
  };
}

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;
