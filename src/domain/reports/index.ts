export {
  caseloadsReport, councilReport, feedbackReport, interfacesReport, pathBreaksReport, referralsReport, reportUnits, segmentsReport, serviceGapsReport, type ReportName,
} from './reports.service.js';
export { councilCsv, CSV } from './reports.csv.js';
export { COUNCIL_REPORTS } from './reports.council.js';
export { CASELOAD_LIMIT, interfaceMatrix, reportPeriod, toCsv } from './reports.rules.js';
export type * from './reports.tables.js';
