import { describe, expect, it } from 'vitest';
import { SEGMENTS } from '../catalog/catalog.types.js';
import { DISABILITY_SERVICES, PROFILE_CARDS, PROFILE_SCALES, ownServiceNames, segmentsServing, type ProfileScales } from './profile-cards.js';
import {
  computeAxes,
  profileFromLifeSituation,
  suggestLevel,
  suggestSegment,
  suggestSegmentFromLifeSituation,
} from './segmentation.rules.js';

const profile = (p: Partial<ProfileScales>): ProfileScales => ({
  everydayLife: 4, resources: 4, health: 4, channel: 4, network: 4, coordination: 4, ...p,
});

describe('profile cards (004)', () => {
  it('each card has six scale positions 0–9, texts and services', () => {
    for (const s of SEGMENTS) {
      const card = PROFILE_CARDS[s];
      expect(card.segment).toBe(s);
      for (const scale of PROFILE_SCALES) expect(card.scales[scale]).toBeGreaterThanOrEqual(0);
      for (const scale of PROFILE_SCALES) expect(card.scales[scale]).toBeLessThanOrEqual(9);
      for (const t of [card.basicStrategy, card.goal, card.mostImportantInClientExperience, card.description]) expect(t.length).toBeGreaterThan(40);
      expect(card.differences.length).toBe(2);
      expect(ownServiceNames(s).length).toBeGreaterThan(5);
      expect(card.name.sv && card.name.en).toBeTruthy();
    }
    expect(DISABILITY_SERVICES).toContain('Henkilökohtainen apu');
  });
  it('lists the seed services in the right segment', () => {
    expect(ownServiceNames('omatoimi')).toContain('Ohjaamo');
    expect(ownServiceNames('yhteiso')).toContain('Turvakodit');
    expect(ownServiceNames('yhteistyo')).toContain('Perheasiainsovittelu');
    expect(ownServiceNames('verkosto')).toContain('Tehostettu perhetyö');
  });
  it('records which lighter segments a card says it also uses', () => {
    expect(segmentsServing('yhteistyo')).toEqual(['yhteistyo', 'omatoimi', 'yhteiso']);
    expect(segmentsServing('yhteiso')).toEqual(['yhteiso', 'omatoimi']);
  });
  it('orders the cards on the axes as the segmentation picture does', () => {
    const c = (s: (typeof SEGMENTS)[number]) => PROFILE_CARDS[s].scales;
    expect(c('omatoimi').everydayLife).toBeLessThan(c('yhteiso').everydayLife);
    expect(c('yhteistyo').resources).toBeLessThan(c('verkosto').resources);
    expect(c('yhteistyo').health).toBeGreaterThan(c('omatoimi').health);
    expect(c('verkosto').coordination).toBe(9);
  });
});

describe('suggestSegment', () => {
  it.each(SEGMENTS)('the %s card positions give the %s segment', (s) => {
    const result = suggestSegment(PROFILE_CARDS[s].scales);
    expect(result.code).toBe(s);
    expect(result.distances[s]).toBe(0);
  });

  it('puts each card in its own quadrant or on a border decided by distance', () => {
    const a = (s: (typeof SEGMENTS)[number]) => suggestSegment(PROFILE_CARDS[s].scales).axes;
    expect(a('omatoimi').everydayCoping).toBeGreaterThan(5);
    expect(a('omatoimi').serviceNeed).toBeLessThan(5);
    expect(a('yhteistyo').everydayCoping).toBeGreaterThan(5);
    expect(a('yhteistyo').serviceNeed).toBeGreaterThan(5);
    expect(a('verkosto').everydayCoping).toBeLessThan(5);
    expect(a('verkosto').serviceNeed).toBeGreaterThan(5);
    expect(a('yhteiso').everydayCoping).toBeLessThan(5);
  });

  it('extreme corners give the four segments', () => {
    expect(suggestSegment(profile({ everydayLife: 0, resources: 0, network: 0, health: 0, coordination: 0, channel: 0 })).code).toBe('omatoimi');
    expect(suggestSegment(profile({ everydayLife: 9, resources: 9, network: 9, health: 0, coordination: 0, channel: 0 })).code).toBe('yhteiso');
    expect(suggestSegment(profile({ everydayLife: 0, resources: 0, network: 0, health: 9, coordination: 9, channel: 9 })).code).toBe('yhteistyo');
    expect(suggestSegment(profile({ everydayLife: 9, resources: 9, network: 9, health: 9, coordination: 9, channel: 9 })).code).toBe('verkosto');
  });

  it('everyday coping falls as everyday challenges, lack of resources or network reliance grow', () => {
    const base = computeAxes(profile({}))!.everydayCoping;
    expect(computeAxes(profile({ everydayLife: 8 }))!.everydayCoping).toBeLessThan(base);
    expect(computeAxes(profile({ resources: 8 }))!.everydayCoping).toBeLessThan(base);
    expect(computeAxes(profile({ network: 8 }))!.everydayCoping).toBeLessThan(base);
    expect(computeAxes(profile({ health: 9 }))!.everydayCoping).toBe(base);
  });

  it('service need grows with poor health, coordination need and in-person channel', () => {
    const base = computeAxes(profile({}))!.serviceNeed;
    expect(computeAxes(profile({ health: 8 }))!.serviceNeed).toBeGreaterThan(base);
    expect(computeAxes(profile({ coordination: 8 }))!.serviceNeed).toBeGreaterThan(base);
    expect(computeAxes(profile({ channel: 8 }))!.serviceNeed).toBeGreaterThan(base);
    expect(computeAxes(profile({ resources: 9 }))!.serviceNeed).toBe(base);
  });

  it('axes run 0–10', () => {
    expect(computeAxes(profile({ everydayLife: 0, resources: 0, network: 0, health: 9, coordination: 9, channel: 9 }))).toEqual({
      everydayCoping: 10,
      serviceNeed: 10,
    });
  });

  it('near the midpoint the nearest card decides and the reasons say so', () => {
    const r = suggestSegment(profile({ everydayLife: 5, resources: 5, network: 5, health: 4, coordination: 4, channel: 5 }));
    expect(r.borderline).toBe(true);
    const nearest = [...SEGMENTS].sort((a, b) => r.distances[a] - r.distances[b])[0];
    expect(r.code).toBe(nearest);
    expect(r.reasons.join(' ')).toContain('rajalla');
  });

  it('explains in plain Finnish and leaves the decision to the professional', () => {
    const r = suggestSegment(PROFILE_CARDS.verkosto.scales);
    expect(r.reasons[0]).toMatch(/^Arjessa on paljon haasteita/);
    expect(r.reasons).toContain('Läheisverkoston merkitys on suuri.');
    expect(r.reasons.at(-1)).toMatch(/Ehdotus: verkostoasiakkuus\. .*perustellusti/);
  });

  it('rejects positions outside 0–9 and returns null when an axis has no scale', () => {
    expect(() => suggestSegment(profile({ health: 10 }))).toThrow(RangeError);
    expect(suggestSegment({ everydayLife: 3, resources: 2 })).toBeNull();
    expect(suggestSegment({ everydayLife: 1, health: 1 })?.code).toBe('omatoimi');
  });
});

describe('segment from life situation only', () => {
  it('returns null with fewer than four answered areas', () => {
    expect(suggestSegmentFromLifeSituation({ finance: 0, health: 0, housing: 0 })).toBeNull();
  });
  it('a good situation everywhere is omatoimi', () => {
    const all = { health: 10, resilience: 9, housing: 10, working_studying: 8, family: 9, friends: 9, finance: 8 };
    const r = suggestSegmentFromLifeSituation(all)!;
    expect(r.code).toBe('omatoimi');
    expect(r.reasons[0]).toBe('Arvio perustuu elämäntilanteen itsearvioon (7/10 elämänaluetta).');
  });
  it('many low areas with poor health is verkosto', () => {
    const r = suggestSegmentFromLifeSituation({ health: 0, resilience: 0, housing: 2.5, finance: 0, friends: 2.5, family: 2.5, self_esteem: 0 });
    expect(r?.code).toBe('verkosto');
  });
  it('weak resources but fair health is yhteiso', () => {
    const r = suggestSegmentFromLifeSituation({ health: 7.5, self_esteem: 7.5, resilience: 2.5, finance: 2.5, friends: 2.5, housing: 5 });
    expect(r?.code).toBe('yhteiso');
  });
  it('good everyday life but poor health is yhteistyo', () => {
    const r = suggestSegmentFromLifeSituation({ health: 0, self_esteem: 2.5, life_satisfaction: 2.5, resilience: 10, housing: 10, finance: 10, friends: 10, family: 10, working_studying: 7.5 });
    expect(r?.code).toBe('yhteistyo');
  });
  it('derives no channel or network position', () => {
    const p = profileFromLifeSituation({ health: 5, housing: 5, finance: 5, friends: 5 })!;
    expect(p.channel).toBeUndefined();
    expect(p.network).toBeUndefined();
    expect(p.coordination).toBe(0);
  });
});

describe('suggestLevel (002 "Palveluohjaus tuen tarpeen mukaan")', () => {
  it('omatoimi without low areas: advice and guidance suffice', () => {
    const r = suggestLevel({ segment: 'omatoimi', lifeSituation: { finance: 7.5, health: 7.5 } })!;
    expect(r.code).toBe('neuvonta-ja-ohjaus');
    expect(r.reasons.at(-1)).toMatch(/^Keskustelu, ohjaus/);
  });
  it('two low areas make a wider need: client guidance with a responsible worker', () => {
    const r = suggestLevel({ segment: 'omatoimi', lifeSituation: { finance: 2.5, housing: 4 } })!;
    expect(r.code).toBe('asiakasohjaus');
    expect(r.reasons.join(' ')).toContain('omatyöntekijä');
    expect(r.reasons).toContain('Heikoiksi arvioidut elämänalueet: raha-asiat 2,5/10, asuminen 4/10.');
  });
  it('yhteiso and yhteistyo clients get client guidance', () => {
    expect(suggestLevel({ segment: 'yhteiso' })!.code).toBe('asiakasohjaus');
    expect(suggestLevel({ segment: 'yhteistyo' })!.code).toBe('asiakasohjaus');
  });
  it('verkosto, a special support need, or many actors with a strong need lead to intensive guidance', () => {
    expect(suggestLevel({ segment: 'verkosto' })!.code).toBe('intensiivinen-palveluohjaus');
    const special = suggestLevel({ segment: 'omatoimi', specialSupportNeed: true })!;
    expect(special.code).toBe('intensiivinen-palveluohjaus');
    expect(special.reasons.join(' ')).toContain('sosiaalityöntekijä');
    expect(suggestLevel({ segment: 'yhteiso', manyActors: true, lifeSituation: { finance: 0 } })!.code).toBe('intensiivinen-palveluohjaus');
  });
  it('many actors alone is client guidance, not intensive', () => {
    expect(suggestLevel({ segment: 'omatoimi', manyActors: true })!.code).toBe('asiakasohjaus');
  });
  it('severe difficulties in three areas are intensive even without a segment', () => {
    const r = suggestLevel({ lifeSituation: { finance: 0, housing: 0, health: 2.5, friends: 7.5 } })!;
    expect(r.code).toBe('intensiivinen-palveluohjaus');
    expect(r.segment).not.toBeNull();
  });
  it('uses the profile to derive the segment', () => {
    const r = suggestLevel({ profile: PROFILE_CARDS.verkosto.scales })!;
    expect(r.segment).toBe('verkosto');
    expect(r.segmentSuggestion?.code).toBe('verkosto');
    expect(r.code).toBe('intensiivinen-palveluohjaus');
  });
  it('derives the segment from the life situation alone', () => {
    const r = suggestLevel({ lifeSituation: { health: 10, resilience: 9, housing: 10, finance: 9, friends: 8 } })!;
    expect(r.segment).toBe('omatoimi');
    expect(r.code).toBe('neuvonta-ja-ohjaus');
  });
  it('returns null when there is too little information', () => {
    expect(suggestLevel({})).toBeNull();
    expect(suggestLevel({ lifeSituation: { finance: 0, health: 10 } })).toBeNull();
  });
});
