import { z } from 'zod';

/** Management reports (GUIDE §7): aggregates only, no person's data except workers' caseloads. */
const day = z.iso.date(); // a real calendar date: '2026-13-45' is a 400, not a database error (500)
export const CLIENT_GROUPS = ['children-youth-families', 'working-age', 'older-people'] as const;
export const ReportQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  unitId: z.string().uuid().optional(),
  clientGroup: z.enum(CLIENT_GROUPS).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  /**
   * `council`: the version for councils and the public — tables of counts only, no person's data
   * (no workers' names), every count 1–4 shown as "<5" and totals that cannot reveal it.
   */
  audience: z.enum(['management', 'council']).default('management'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportFilter = z.object({
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  clientGroup: z.enum(CLIENT_GROUPS).nullable(),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

const n = z.number();
const maybe = z.number().nullable();

export const SegmentsReport = z.object({
  filter: ReportFilter,
  total: n,
  distribution: z.array(z.object({ segment: z.string(), label: z.string(), clients: n })),
  movements: z.array(z.object({ from: z.string(), to: z.string(), clients: n })),
});
export type SegmentsReport = z.infer<typeof SegmentsReport>;

export const CaseloadsReport = z.object({
  filter: ReportFilter,
  limit: n,
  workers: z.array(z.object({ userId: z.string(), name: z.string(), unitName: z.string().nullable(), clients: n, intensive: n, overLimit: z.boolean() })),
  durations: z.array(z.object({ level: z.string(), label: z.string(), ended: n, medianDaysEnded: maybe, open: n, medianDaysOpen: maybe })),
  lostContactDays: n,
  lostContact: z.array(z.object({ unitName: z.string(), clients: n })),
});
export type CaseloadsReport = z.infer<typeof CaseloadsReport>;

export const StuckByReceiver = z.object({
  organizationId: z.string().nullable(),
  organization: z.string(),
  /** True when the organisation has its own limits; otherwise the county default applied. */
  ownLimits: z.boolean(),
  notReceivedDays: n,
  notAcceptedDays: n,
  notReceived: n,
  notAccepted: n,
});

export const ReferralsReport = z.object({
  filter: ReportFilter,
  total: n,
  loop: z.array(z.object({
    fromSector: z.string(), toSector: z.string(), referrals: n,
    medianDaysToReceive: maybe, medianDaysToAccept: maybe, medianDaysToComplete: maybe,
    rejected: n, failed: n,
  })),
  rejectionReasons: z.array(z.object({ reason: z.string(), count: n })),
  /**
   * Open referrals past their limits as of today, each judged by its receiving organisation's own
   * limits (referral time limits of the referrals module) or the county default
   * (`notReceivedDays`/`notAcceptedDays`); `byReceiver` lists them per receiving organisation.
   */
  stuck: z.object({ notReceived: n, notAccepted: n, notReceivedDays: n, notAcceptedDays: n, byReceiver: z.array(StuckByReceiver) }),
});
export type ReferralsReport = z.infer<typeof ReferralsReport>;

export const InterfacesReport = z.object({
  filter: ReportFilter,
  sectors: z.array(z.string()),
  cells: z.array(z.object({ from: z.string(), to: z.string(), handoffs: n, referrals: n, failed: n, failureRate: maybe })),
});
export type InterfacesReport = z.infer<typeof InterfacesReport>;

export const ServiceGapsReport = z.object({
  filter: ReportFilter,
  lowAreaThreshold: n,
  areas: z.array(z.object({ municipalityCode: z.string(), municipality: z.string(), areaKey: z.string(), label: z.string(), lowClients: n, services: n, gap: z.boolean() })),
  needs: z.array(z.object({ tag: z.string(), label: z.string(), services: n })),
  unusedServices: z.object({ count: n, items: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export type ServiceGapsReport = z.infer<typeof ServiceGapsReport>;

const Suppressible = z.object({ suppressed: z.boolean(), n: z.number().nullable(), mean: z.number().nullable() });
export const FeedbackReport = z.object({
  filter: ReportFilter,
  minGroupSize: n,
  parts: z.array(Suppressible.extend({
    questionnaireId: z.string(),
    title: z.string(),
    groups: z.array(Suppressible.extend({ groupId: z.string(), title: z.string() })),
  })),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;

/** Path breaks (polun katkokset): referrals stuck past their limits and clients with whom contact was lost. */
export const PathBreaksReport = z.object({
  filter: ReportFilter,
  /** Stuck referrals are counted as of today, with each receiving organisation's own limits. */
  stuck: z.object({ notReceived: n, notAccepted: n, defaultNotReceivedDays: n, defaultNotAcceptedDays: n, byReceiver: z.array(StuckByReceiver) }),
  lostContactDays: n,
  lostContactTotal: n,
  lostContact: z.array(z.object({ unitName: z.string(), clients: n })),
});
export type PathBreaksReport = z.infer<typeof PathBreaksReport>;

/** A cell of a council report: a count, "<5" (1–4), ".." (hidden so a small count cannot be calculated), a label or empty. */
export const CouncilCell = z.union([z.number(), z.string(), z.null()]);
export const CouncilReport = z.object({
  audience: z.literal('council'),
  report: z.string(),
  title: z.string(),
  filter: ReportFilter,
  minCount: n,
  notes: z.array(z.string()),
  tables: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['label', 'count', 'statistic']) })),
      rows: z.array(z.array(CouncilCell)),
      total: z.array(CouncilCell).nullable(),
    }),
  ),
});
export type CouncilReport = z.infer<typeof CouncilReport>;
