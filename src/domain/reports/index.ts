export {
  caseloadsReport, feedbackReport, interfacesReport, referralsReport, reportUnits, segmentsReport, serviceGapsReport, type ReportName,
} from './reports.service.js';
export { CSV } from './reports.csv.js';
export { CASELOAD_LIMIT, interfaceMatrix, reportPeriod, toCsv } from './reports.rules.js';
