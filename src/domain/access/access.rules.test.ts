import { describe, expect, it } from 'vitest';
import { coverageFor, isActiveBasis, type DisclosureBasis } from './access.rules.js';

const now = new Date('2026-11-22T10:00:00Z');
const basis = (over: Partial<DisclosureBasis>): DisclosureBasis => ({
  id: 'c1', basis: 'consent', statutoryBasis: null, recipientOrganizationIds: ['org-a'], recipientSectors: [], dataCategories: ['contact'],
  validFrom: new Date('2026-01-01'), validUntil: null, revokedAt: null, ...over,
});

describe('consent coverage', () => {
  it('is active only between validFrom and validUntil and until revoked', () => {
    expect(isActiveBasis(basis({}), now)).toBe(true);
    expect(isActiveBasis(basis({ validFrom: new Date('2027-01-01') }), now)).toBe(false);
    expect(isActiveBasis(basis({ validUntil: new Date('2026-11-01') }), now)).toBe(false);
    expect(isActiveBasis(basis({ revokedAt: new Date('2026-11-21') }), now)).toBe(false);
  });

  it('covers an organisation by id or by sector, and unions the categories', () => {
    const cover = coverageFor(
      [basis({}), basis({ id: 'c2', recipientOrganizationIds: [], recipientSectors: ['ngo'], dataCategories: ['plan'] }), basis({ id: 'c3', recipientOrganizationIds: ['org-b'] })],
      { id: 'org-a', sector: 'ngo' },
      now,
    );
    expect(cover.consentIds).toEqual(['c1', 'c2']);
    expect(cover.consentCategories.sort()).toEqual(['contact', 'plan']);
  });

  it('keeps statutory bases apart from consents', () => {
    const cover = coverageFor([basis({ basis: 'statutory', statutoryBasis: 'shl-35', dataCategories: ['social'] })], { id: 'org-a', sector: 'kela' }, now);
    expect(cover).toEqual({ consentIds: [], consentCategories: [], statutoryCodes: ['shl-35'], statutoryCategories: ['social'] });
  });
});
