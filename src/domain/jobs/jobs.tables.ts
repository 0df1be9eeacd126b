import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/schema.js';

export interface JobTable {
  id: Generated<number>;
  type: string;
  dedupe_key: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Timestamp | null;
  last_error: string | null;
  result: Json<Record<string, unknown>> | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

declare module '../../db/schema.js' {
  interface DB {
    jobs: JobTable;
  }
}
