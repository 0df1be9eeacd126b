import { z } from 'zod';
import { ACCESS_ROUTES, CHANNELS, CLIENT_GROUPS, SECTORS, SEGMENTS } from '../domain/catalog/catalog.types.js';

/** Shared by server and web: the catalogue's public contract (palvelutarjotin). */

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.enum(values)).max(values.length),
  );

export const ServiceSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  segment: csvOf(SEGMENTS).optional(),
  clientGroup: csvOf(CLIENT_GROUPS).optional(),
  sector: csvOf(SECTORS).optional(),
  channel: csvOf(CHANNELS).optional(),
  access: csvOf(ACCESS_ROUTES).optional(),
  age: z.coerce.number().int().min(0).max(130).optional(),
  organizationId: z.uuid().optional(),
  municipality: z.string().regex(/^\d{3}$/).optional(),
  lowThreshold: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(5000).default(0),
});
export type ServiceSearchQuery = z.infer<typeof ServiceSearchQuery>;

const Localized = z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() });

export const Provider = z.object({ id: z.string().nullable(), name: z.string().nullable(), sector: z.string().nullable() });

export const ServiceListItem = z.object({
  id: z.string(),
  /** Finnish name and summary; the Swedish and English ones when the service has them (null otherwise). */
  name: z.string(),
  summary: z.string(),
  nameSv: z.string().nullable(),
  nameEn: z.string().nullable(),
  summarySv: z.string().nullable(),
  summaryEn: z.string().nullable(),
  provider: Provider,
  segments: z.array(z.string()),
  clientGroups: z.array(z.string()),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  channels: z.array(z.string()),
  accessRoute: z.string().nullable(),
  lowThreshold: z.boolean(),
  areaNational: z.boolean(),
  ptvId: z.string().nullable(),
});
export type ServiceListItem = z.infer<typeof ServiceListItem>;

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number() }));
export const ServiceFacets = z.object({
  segment: FacetCounts,
  clientGroup: FacetCounts,
  sector: FacetCounts,
  channel: FacetCounts,
  access: FacetCounts,
  organization: z.array(z.object({ value: z.string(), label: z.string(), count: z.number() })),
});
export type ServiceFacets = z.infer<typeof ServiceFacets>;

export const ServiceSearchResult = z.object({
  items: z.array(ServiceListItem),
  total: z.number(),
  /** True when more services matched than the bounded candidate set holds; total is then a lower bound. */
  capped: z.boolean(),
  facets: ServiceFacets,
});
export type ServiceSearchResult = z.infer<typeof ServiceSearchResult>;

export const ServiceDetail = z.object({
  id: z.string(),
  name: Localized,
  summary: Localized,
  description: Localized,
  provider: Provider,
  status: z.string(),
  source: z.string(),
  keywords: z.array(z.string()),
  segments: z.array(z.string()),
  clientGroups: z.array(z.string()),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  channels: z.array(z.string()),
  accessRoute: z.string().nullable(),
  lowThreshold: z.boolean(),
  cost: z.string().nullable(),
  languages: z.array(z.string()),
  legalBasis: z.string().nullable(),
  area: z.object({ national: z.boolean(), countyCodes: z.array(z.string()), municipalityCodes: z.array(z.string()) }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  openingHours: z.string().nullable(),
  ptvId: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  /** Whether the caller may edit this service (own organisation's admin or manager). */
  editable: z.boolean(),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const ServiceIdParams = z.object({ id: z.uuid() });

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields an organisation admin may write. Every field optional in a PATCH; create requires name and summary. */
export const ServiceFields = z.object({
  name: z.object({ fi: text(200).min(2), sv: optionalText(200), en: optionalText(200) }),
  summary: z.object({ fi: text(400).min(10), sv: optionalText(400), en: optionalText(400) }),
  description: z.object({ fi: text(4000), sv: optionalText(4000), en: optionalText(4000) }),
  keywords: z.array(text(60).min(2)).max(30),
  segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length),
  clientGroups: z.array(z.enum(CLIENT_GROUPS)).max(CLIENT_GROUPS.length),
  ageMin: z.number().int().min(0).max(130).nullable(),
  ageMax: z.number().int().min(0).max(130).nullable(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  accessRoute: z.enum(ACCESS_ROUTES),
  lowThreshold: z.boolean(),
  cost: optionalText(200),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(20),
  legalBasis: optionalText(300),
  area: z.object({
    national: z.boolean(),
    countyCodes: z.array(z.string().regex(/^\d{2}$/)).max(30),
    municipalityCodes: z.array(z.string().regex(/^\d{3}$/)).max(400),
  }),
  phone: optionalText(50),
  email: z.email().max(200).nullable().optional(),
  url: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  openingHours: optionalText(300),
  status: z.enum(['active', 'inactive', 'draft']),
});
export type ServiceFields = z.infer<typeof ServiceFields>;

export const CreateServiceRequest = ServiceFields.partial().required({ name: true, summary: true, accessRoute: true });
export type CreateServiceRequest = z.infer<typeof CreateServiceRequest>;

export const UpdateServiceRequest = ServiceFields.partial().extend({
  /** The version the editor saw: a concurrent edit in between is a 409, not a silent overwrite. */
  version: z.number().int().min(1),
});
export type UpdateServiceRequest = z.infer<typeof UpdateServiceRequest>;

export const ServiceHistory = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      action: z.string(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      changes: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ImportReport = z.object({
  received: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ ref: z.string(), reason: z.string() })),
  durationMs: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;
