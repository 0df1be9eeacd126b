import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

/** Generated columns can be read but never written. */
type ReadOnly<T> = ColumnType<T, never, never>;

export interface CatalogServicesTable {
  id: Generated<string>;
  county_code: string;
  organization_id: string | null;
  provider_name: string | null;
  provider_sector: string | null;
  seed_key: string | null;
  ptv_id: string | null;
  source: string; // seed | ptv | manual
  status: Generated<string>; // active | inactive | draft
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  summary_fi: Generated<string>;
  summary_sv: string | null;
  summary_en: string | null;
  description_fi: Generated<string>;
  description_sv: string | null;
  description_en: string | null;
  keywords: Generated<string[]>;
  client_groups: Generated<string[]>;
  segments: Generated<string[]>;
  age_min: number | null;
  age_max: number | null;
  channels: Generated<string[]>;
  access_route: string | null;
  low_threshold: Generated<boolean>;
  cost: string | null;
  languages: Generated<string[]>;
  legal_basis: string | null;
  area_national: Generated<boolean>;
  area_county_codes: Generated<string[]>;
  area_municipality_codes: Generated<string[]>;
  phone: string | null;
  email: string | null;
  url: string | null;
  opening_hours: string | null;
  service_classes: Generated<string[]>;
  content_hash: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  updated_by: string | null;
  search_fi: ReadOnly<string>;
  search_sv: ReadOnly<string>;
  search_words: ReadOnly<string>;
  name_keywords: ReadOnly<string>;
}

export interface CatalogServiceHistoryTable {
  id: Generated<string>;
  service_id: string;
  county_code: string;
  organization_id: string | null;
  version: number;
  action: string; // create | update | import
  changed_by: string | null;
  changed_at: CreatedAt;
  changes: Json<Record<string, unknown>>;
}

export interface CatalogLexiconTable {
  word: string;
  doc_count: number;
}

declare module '../../db/schema.js' {
  interface DB {
    catalog_services: CatalogServicesTable;
    catalog_service_history: CatalogServiceHistoryTable;
    catalog_lexicon: CatalogLexiconTable;
  }
}
