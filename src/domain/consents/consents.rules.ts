import type { Messages } from '../shared/errors.js';

export const CONSENT_METHODS = ['written', 'oral', 'electronic'] as const;
export const CONSENT_GIVERS = ['client', 'guardian'] as const;

/**
 * Legal bases for disclosure without consent that Polku records explicitly. The code is what
 * the audit log shows as `statutory:<code>`.
 */
export const STATUTORY_BASES = {
  'shl-35': { fi: 'Yhteydenotto sosiaalihuoltoon (SHL 35 §)', sv: 'Kontakt med socialvården (SVL 35 §)', en: 'Contact to social services (Social Welfare Act § 35)' },
  'lsl-25': { fi: 'Lastensuojeluilmoitus (LSL 25 §)', sv: 'Barnskyddsanmälan (BsL 25 §)', en: 'Child-protection notification (Child Welfare Act § 25)' },
  'asiakaslaki-17': { fi: 'Tietojen luovutus ilman suostumusta (asiakaslaki 17 §)', sv: 'Utlämnande utan samtycke (klientlagen 17 §)', en: 'Disclosure without consent (Client Act § 17)' },
  'tyollisyys-monialainen': {
    fi: 'Monialainen yhteispalvelu (laki 1369/2014)',
    sv: 'Sektorsövergripande samservice (lag 1369/2014)',
    en: 'Multisectoral joint service (Act 1369/2014)',
  },
} as const satisfies Record<string, Messages>;
export type StatutoryBasisCode = keyof typeof STATUTORY_BASES;
export const STATUTORY_BASIS_CODES = Object.keys(STATUTORY_BASES) as StatutoryBasisCode[];

/** A consent's state for the UI: given consents expire or are revoked; history stays. */
export function consentState(c: { revokedAt: Date | null; validFrom: Date; validUntil: Date | null }, now: Date): 'active' | 'pending' | 'expired' | 'revoked' {
  if (c.revokedAt) return 'revoked';
  if (c.validFrom.getTime() > now.getTime()) return 'pending';
  if (c.validUntil && c.validUntil.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The validity end must come after the start; a consent without an end lasts until revoked. */
export function validPeriod(from: Date, until: Date | null): boolean {
  return !until || until.getTime() > from.getTime();
}
