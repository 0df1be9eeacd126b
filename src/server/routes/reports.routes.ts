import { z } from 'zod';
import {
  CaseloadsReport, CouncilReport, FeedbackReport, InterfacesReport, PathBreaksReport, ReferralsReport, ReportQuery, SegmentsReport, ServiceGapsReport,
} from '../../contracts/reports.contracts.js';
import {
  caseloadsReport, councilCsv, councilReport, CSV, feedbackReport, interfacesReport, pathBreaksReport, referralsReport, reportUnits, segmentsReport,
  serviceGapsReport, type ReportName,
} from '../../domain/reports/index.js';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Lang } from '../../domain/shared/errors.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['reports'];
const auth = ['manager'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Build = (tx: Tx, actor: Actor, q: ReportQuery, lang: Lang) => Promise<any>;

function reportRoute(name: ReportName, summary: string, build: Build, response: z.ZodType) {
  return defineRoute({
    method: 'GET',
    url: `/api/v1/reports/${name}`,
    summary: `${summary} (JSON, or ?format=csv for Excel: UTF-8 with BOM, ';'; ?audience=council: counts 1–4 as "<5", no names)`,
    tags,
    auth,
    query: ReportQuery,
    response: z.union([response, CouncilReport]),
    handler: async ({ query, actor, lang, tx, reply }) => {
      const council = query.audience === 'council';
      const report = await tx((t) => (council ? councilReport(t, actor, name, query, lang) : build(t, actor, query, lang)));
      if (query.format !== 'csv') return report;
      const csv = council ? councilCsv(report) : (CSV[name] as (r: unknown) => string)(report);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="polku-${name}${council ? '-valtuusto' : ''}-${report.filter.from}-${report.filter.to}.csv"`)
        .send(csv);
    },
  });
}

/** Reports for managers: aggregates of the county, filtered by period, unit and client group. */
export const reportsRoutes: AnyRoute[] = [
  reportRoute('segments', 'Segment distribution and movement between segments', segmentsReport, SegmentsReport),
  reportRoute('caseloads', 'Caseloads against the 40-client limit, relationship durations by level, lost contact', caseloadsReport, CaseloadsReport),
  reportRoute('referrals', 'Referral loop: time to receive, accept, complete; rejections; stuck referrals', referralsReport, ReferralsReport),
  reportRoute('interfaces', 'Interface matrix sector × sector: handoffs and how often they fail', interfacesReport, InterfacesReport),
  reportRoute('service-gaps', 'Service gaps: low life areas and needs without a service in the area; unused services', serviceGapsReport, ServiceGapsReport),
  reportRoute('feedback', 'Quality-criteria feedback by part and group (groups under 5 hidden)', feedbackReport, FeedbackReport),
  reportRoute('path-breaks', "Path breaks: referrals stuck past each receiver's own time limits, lost contact by unit", pathBreaksReport, PathBreaksReport),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reports/units',
    summary: 'Units of the county for the report filter',
    tags,
    auth,
    response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), organization: z.string() })) }),
    handler: ({ actor, tx }) => tx((t) => reportUnits(t, actor)),
  }),
];
