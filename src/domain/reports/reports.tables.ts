import type { ColumnType } from 'kysely';

/** Sector crossings per day (0813), written only by the triggers on path_events; read by the interfaces report. */
export interface PathCrossingDaysTable {
  county_code: string;
  tz: string;
  day: ColumnType<string, string, string>;
  organization_id: string | null;
  sectors: string[];
  stripe: number;
  n: ColumnType<string, string | number, string | number>;
}

/** The same per month (0814); `month` is the first day of the month. */
export interface PathCrossingMonthsTable {
  county_code: string;
  tz: string;
  month: ColumnType<string, string, string>;
  organization_id: string | null;
  sectors: string[];
  stripe: number;
  n: ColumnType<string, string | number, string | number>;
}

/** Open relationships per county, worker, unit key (NULL: every unit) and client (0960), written only by triggers. */
export interface CaseloadPairsTable {
  county_code: string;
  user_id: string;
  unit_id: string | null;
  client_id: string;
  n: number;
  ni: number;
}

/** Distinct clients with an open (`clients`) and an open intensive (`intensive`) relationship per worker and unit key (0960). */
export interface CaseloadCountsTable {
  county_code: string;
  user_id: string;
  unit_id: string | null;
  clients: number;
  intensive: number;
}

declare module '../../db/schema.js' {
  interface DB {
    path_crossing_days: PathCrossingDaysTable;
    path_crossing_months: PathCrossingMonthsTable;
    caseload_pairs: CaseloadPairsTable;
    caseload_counts: CaseloadCountsTable;
  }
}
