import { describe, expect, it } from 'vitest';
import { groupIntoPhases, isInterface, orderSectors, type PathStepInput } from './path.rules.js';

const step = (over: Partial<PathStepInput>): PathStepInput => ({
  id: Math.random().toString(36).slice(2),
  at: new Date('2026-01-01T10:00:00Z'),
  phase: 'concern',
  kind: 'step',
  title: 'x',
  description: null,
  sectors: ['municipality'],
  interfaceNote: null,
  organizationName: null,
  ...over,
});

describe('path rules', () => {
  it('marks a step with more than one distinct sector as an interface', () => {
    expect(isInterface(['municipality'])).toBe(false);
    expect(isInterface(['kela', 'kela'])).toBe(false);
    expect(isInterface(['kela', 'ngo'])).toBe(true);
  });

  it('orders sectors in the lane order of the seed legend and drops unknown ones', () => {
    expect(orderSectors(['specialist-care', 'ngo', 'municipality', 'mars'])).toEqual(['municipality', 'ngo', 'specialist-care']);
  });

  it('always returns the four phases in order, steps sorted by time, future steps upcoming', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const shaped = groupIntoPhases(
      [
        step({ title: 'later', phase: 'services', at: new Date('2026-07-01T00:00:00Z'), sectors: ['kela', 'municipality'] }),
        step({ title: 'b', phase: 'concern', at: new Date('2026-02-01T00:00:00Z') }),
        step({ title: 'a', phase: 'concern', at: new Date('2026-01-01T00:00:00Z') }),
      ],
      now,
    );
    expect(shaped.phases.map((p) => p.code)).toEqual(['concern', 'assessment', 'services', 'follow-up']);
    expect(shaped.phases[0]!.steps.map((s) => s.title)).toEqual(['a', 'b']);
    expect(shaped.phases[2]!.steps[0]).toMatchObject({ sectors: ['municipality', 'kela'], interface: true, upcoming: true });
    expect(shaped.interfaceCount).toBe(1);
    expect(shaped.sectors).toEqual(['municipality', 'kela']);
  });
});
