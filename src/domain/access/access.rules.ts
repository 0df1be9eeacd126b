import type { DataCategory } from './access.service.js';

/** A consent or a recorded statutory basis, as far as the access decision needs it. */
export interface DisclosureBasis {
  id: string;
  basis: 'consent' | 'statutory';
  statutoryBasis: string | null;
  recipientOrganizationIds: readonly string[];
  recipientSectors: readonly string[];
  dataCategories: readonly string[];
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
}

export function isActiveBasis(b: Pick<DisclosureBasis, 'validFrom' | 'validUntil' | 'revokedAt'>, now: Date): boolean {
  return !b.revokedAt && b.validFrom.getTime() <= now.getTime() && (!b.validUntil || b.validUntil.getTime() > now.getTime());
}

export function coversOrganization(b: Pick<DisclosureBasis, 'recipientOrganizationIds' | 'recipientSectors'>, org: { id: string; sector: string }) {
  return b.recipientOrganizationIds.includes(org.id) || b.recipientSectors.includes(org.sector);
}

export interface Coverage {
  consentIds: string[];
  consentCategories: DataCategory[];
  statutoryCodes: string[];
  statutoryCategories: DataCategory[];
}

/** What the active consents and statutory bases let flow to one organisation right now. */
export function coverageFor(bases: readonly DisclosureBasis[], org: { id: string; sector: string }, now: Date): Coverage {
  const c: Coverage = { consentIds: [], consentCategories: [], statutoryCodes: [], statutoryCategories: [] };
  for (const b of bases) {
    if (!isActiveBasis(b, now) || !coversOrganization(b, org)) continue;
    const cats = b.dataCategories as DataCategory[];
    if (b.basis === 'consent') {
      c.consentIds.push(b.id);
      c.consentCategories.push(...cats);
    } else {
      c.statutoryCodes.push(b.statutoryBasis ?? 'statutory');
      c.statutoryCategories.push(...cats);
    }
  }
  c.consentCategories = [...new Set(c.consentCategories)];
  c.statutoryCategories = [...new Set(c.statutoryCategories)];
  return c;
}

export const EMERGENCY_ACCESS_HOURS = 4;
