import { z } from 'zod';

/** Zod schemas of the consent API (suostumus, statutory disclosure bases), shared by server and web. */

export const DataCategory = z.enum(['contact', 'plan', 'assessments', 'health', 'social', 'school', 'benefits']);
export type DataCategory = z.infer<typeof DataCategory>;
export const SectorCode = z.enum(['municipality', 'wellbeing-county', 'ngo', 'private', 'kela', 'state', 'specialist-care']);
const dateOrDateTime = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().datetime({ offset: true })]);
const categories = z.array(DataCategory).min(1).max(7);
const recipients = {
  recipientOrganizationIds: z.array(z.string().uuid()).max(50).default([]),
  recipientSectors: z.array(SectorCode).max(7).default([]),
};
const atLeastOneRecipient = (v: { recipientOrganizationIds: string[]; recipientSectors: string[] }) =>
  v.recipientOrganizationIds.length + v.recipientSectors.length > 0;
const recipientMessage = { message: 'recipientOrganizationIds or recipientSectors must name at least one recipient', path: ['recipientOrganizationIds'] };

export const CreateConsentRequest = z
  .object({
    ...recipients,
    purpose: z.string().trim().min(3).max(500),
    dataCategories: categories,
    validFrom: dateOrDateTime.optional(),
    validUntil: dateOrDateTime.optional(),
    givenBy: z.enum(['client', 'guardian']),
    givenByName: z.string().trim().max(100).optional(),
    method: z.enum(['written', 'oral', 'electronic']),
  })
  .refine(atLeastOneRecipient, recipientMessage);
export type CreateConsentRequest = z.infer<typeof CreateConsentRequest>;

export const StatutoryBasisCode = z.enum(['shl-35', 'lsl-25', 'asiakaslaki-17', 'tyollisyys-monialainen']);
export const CreateStatutoryBasisRequest = z
  .object({
    ...recipients,
    statutoryBasis: StatutoryBasisCode,
    purpose: z.string().trim().min(3).max(500),
    dataCategories: categories,
    validUntil: dateOrDateTime.optional(),
  })
  .refine(atLeastOneRecipient, recipientMessage);
export type CreateStatutoryBasisRequest = z.infer<typeof CreateStatutoryBasisRequest>;

export const RevokeConsentRequest = z.object({ reason: z.string().trim().max(500).optional() }).default({});
export const Created = z.object({ id: z.string().uuid() });
export const RevokeConsentResponse = z.object({
  id: z.string().uuid(),
  revokedAt: z.string(),
  cancelledReferralIds: z.array(z.string().uuid()),
});

export const ConsentView = z.object({
  id: z.string().uuid(),
  basis: z.enum(['consent', 'statutory']),
  statutoryBasis: z.string().nullable(),
  statutoryBasisText: z.string().nullable(),
  recipients: z.array(z.object({ id: z.string().uuid(), name: z.string(), sector: z.string() })),
  recipientSectors: z.array(z.string()),
  dataCategories: z.array(DataCategory),
  purpose: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  givenBy: z.enum(['client', 'guardian']).nullable(),
  givenByName: z.string().nullable(),
  method: z.enum(['written', 'oral', 'electronic']).nullable(),
  state: z.enum(['active', 'pending', 'expired', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  history: z.array(z.object({ kind: z.string(), at: z.string(), by: z.string().nullable(), note: z.string().nullable() })),
});
export type ConsentView = z.infer<typeof ConsentView>;
export const ConsentList = z.object({ items: z.array(ConsentView) });
export type ConsentList = z.infer<typeof ConsentList>;
