/**
 * Pure shaping of the client's path (asiakaspolku): steps in time order, grouped into the
 * four phases of seed 000; a step with more than one sector is an interface (yhdyspinta).
 */
import { SECTORS, type Sector } from '../catalog/catalog.types.js';
import { PATH_PHASES, type PathPhase } from './path.tables.js';

export interface PathStepInput {
  id: string;
  at: Date;
  phase: PathPhase;
  kind: string;
  title: string;
  description: string | null;
  sectors: string[];
  interfaceNote: string | null;
  organizationName: string | null;
}

export interface ShapedStep extends Omit<PathStepInput, 'at' | 'phase' | 'sectors'> {
  at: string;
  sectors: Sector[];
  interface: boolean;
  upcoming: boolean;
}

/** Sectors in the lane order of the picture (the seed's legend order K, M, KS, YS, KE, V, ESH); unknown ones dropped. */
export function orderSectors(sectors: Iterable<string>): Sector[] {
  const set = new Set(sectors);
  return SECTORS.filter((s) => set.has(s));
}

/** An interface is where more than one sector takes part: information and responsibility cross there. */
export const isInterface = (sectors: readonly string[]) => new Set(sectors).size > 1;

/**
 * Groups steps into the four phases, always all four in order (an empty phase is still a phase
 * of the path: it shows what has not happened yet). Within a phase steps run in time order;
 * equal times keep their input order.
 */
export function groupIntoPhases(steps: PathStepInput[], now: Date) {
  const sorted = steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.i - b.i);
  const phases = PATH_PHASES.map((code) => ({ code, steps: [] as ShapedStep[] }));
  const used = new Set<string>();
  for (const { s } of sorted) {
    const sectors = orderSectors(s.sectors);
    sectors.forEach((x) => used.add(x));
    phases[PATH_PHASES.indexOf(s.phase)]!.steps.push({
      id: s.id,
      at: s.at.toISOString(),
      kind: s.kind,
      title: s.title,
      description: s.description,
      sectors,
      interface: isInterface(sectors),
      interfaceNote: s.interfaceNote,
      organizationName: s.organizationName,
      upcoming: s.at.getTime() > now.getTime(),
    });
  }
  const interfaceCount = phases.reduce((n, p) => n + p.steps.filter((x) => x.interface).length, 0);
  return { phases, sectors: orderSectors(used), interfaceCount };
}
