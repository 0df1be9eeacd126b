import { describe, expect, it } from 'vitest';
import { SEGMENTS } from '../catalog/catalog.types.js';
import { PROFILE_CARDS } from './profile-cards.js';
import { suggestSegment } from './segmentation.rules.js';

/**
 * The card positions checked against what the seed (004) says in words, since the slider markers
 * themselves did not survive the OCR. Each expectation quotes the seed.
 */
const s = (seg: (typeof SEGMENTS)[number]) => PROFILE_CARDS[seg].scales;

describe('profile card positions against the seed text (004)', () => {
  it('service integration: "vähäinen" < "kohtalainen" < "kasvaa" < "korostuu"', () => {
    expect(s('omatoimi').coordination).toBeLessThan(s('yhteiso').coordination);
    expect(s('yhteiso').coordination).toBeLessThan(s('yhteistyo').coordination);
    expect(s('yhteistyo').coordination).toBeLessThan(s('verkosto').coordination);
  });

  it('segmentation picture: omatoimi and yhteistyö have good resources, yhteisö and verkosto weakened ones', () => {
    for (const good of ['omatoimi', 'yhteistyo'] as const) for (const weak of ['yhteiso', 'verkosto'] as const) expect(s(good).resources).toBeLessThan(s(weak).resources);
    for (const easy of ['omatoimi', 'yhteistyo'] as const) for (const hard of ['yhteiso', 'verkosto'] as const) expect(s(easy).everydayLife).toBeLessThan(s(hard).everydayLife);
  });

  it('service need: yhteisö "vähän palvelutarpeita", yhteistyö "paljon erilaisia tuen/hoidon tarpeita", omatoimi "lieviä puutteita"', () => {
    expect(s('omatoimi').health).toBeLessThan(s('yhteiso').health);
    expect(s('yhteiso').health).toBeLessThan(s('yhteistyo').health);
  });

  it('channel: omatoimi "asioi mieluiten sähköisesti", yhteistyö "osa sähköisesti, haastavissa kasvotusten", verkosto needs a familiar worker beside them', () => {
    expect(s('omatoimi').channel).toBeLessThan(s('yhteistyo').channel);
    expect(s('yhteistyo').channel).toBeLessThan(s('verkosto').channel);
    expect(s('verkosto').channel).toBeGreaterThanOrEqual(7);
  });

  it('network: verkosto is the network client; yhteisö "hyödynnetään perheiden läheisverkostoja"', () => {
    expect(s('verkosto').network).toBe(9);
    expect(s('yhteiso').network).toBeGreaterThan(s('omatoimi').network);
  });

  it('slider glyphs read the same way on every card: marker at the end vs a step in', () => {
    // "'_9" (omatoimi health) and "9_." / "9_'" (verkosto everyday life, channel): marker at the end.
    expect(s('omatoimi').health).toBe(0);
    expect(s('verkosto').everydayLife).toBe(9);
    expect(s('verkosto').channel).toBe(9);
    // "0—9" (omatoimi) and "9—0" / "9—\"" (verkosto resources, health): a step in from the end.
    for (const k of ['everydayLife', 'resources', 'channel', 'coordination'] as const) expect(s('omatoimi')[k]).toBe(1);
    expect([s('verkosto').resources, s('verkosto').health]).toEqual([8, 8]);
  });

  it.each(SEGMENTS)("given the %s card's own positions, the suggestion is that card's segment", (seg) => {
    expect(suggestSegment(s(seg)).code).toBe(seg);
  });
});
