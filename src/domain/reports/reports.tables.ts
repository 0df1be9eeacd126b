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

declare module '../../db/schema.js' {
  interface DB {
    path_crossing_days: PathCrossingDaysTable;
    path_crossing_months: PathCrossingMonthsTable;
  }
}
