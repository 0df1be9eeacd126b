import { z } from 'zod';
import { DataCategory } from './consents.contracts.js';

/**
 * Oma polku, the client's own views (`/api/v1/me/...`). A guardian acting for a child adds
 * `?clientId=<child>`; any other id answers 404 like a missing record.
 */
export const MeQuery = z.object({ clientId: z.string().max(64).optional() });
export const MeConsentParams = z.object({ consentId: z.string().max(64) });

export const Person = z.object({ clientId: z.string().uuid(), name: z.string() });
export const MeOverview = z.object({
  me: Person,
  /** Children the client is the guardian of (huoltaja): they may act for them. */
  children: z.array(Person),
  organizations: z.array(z.object({ id: z.string().uuid(), name: z.string(), sector: z.string() })),
});
export type MeOverview = z.infer<typeof MeOverview>;

const Contact = z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() });
/** The named responsible worker (omatyöntekijä, SHL 42 §) and the backup, with how to reach them. */
export const MeWorker = z.object({
  name: z.string(),
  phone: z.string().optional(),
  organization: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  organizationPhone: z.string().nullable(),
  backup: Contact.nullable(),
  /** Other organisations' workers the client has, coordinating one first. */
  others: z.array(Contact.extend({ organization: z.string() })),
});
export type MeWorker = z.infer<typeof MeWorker>;

export const MeAccessLog = z.object({
  items: z.array(z.object({
    at: z.string(),
    user: z.string().nullable(),
    organization: z.string().nullable(),
    action: z.string(),
    basis: z.string().nullable(),
    allowed: z.boolean(),
    what: z.string(),
    why: z.string(),
  })),
});
export type MeAccessLog = z.infer<typeof MeAccessLog>;

/** A consent the client gives in the portal: electronically, by themself or as guardian. */
export const MeGiveConsentRequest = z.object({
  recipientOrganizationIds: z.array(z.string().uuid()).min(1).max(20),
  dataCategories: z.array(DataCategory).min(1),
  purpose: z.string().trim().min(3).max(500),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type MeGiveConsentRequest = z.infer<typeof MeGiveConsentRequest>;
export const MeRevokeConsentRequest = z.object({ reason: z.string().trim().max(500).optional() }).default({});
