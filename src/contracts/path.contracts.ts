import { z } from 'zod';

/** The client's path (asiakaspolku) grouped into the four phases of seed 000. */
export const PATH_PHASE_CODES = ['concern', 'assessment', 'services', 'follow-up'] as const;
export type PathPhaseCode = (typeof PATH_PHASE_CODES)[number];

export const PATH_SECTORS = ['municipality', 'wellbeing-county', 'ngo', 'private', 'kela', 'state', 'specialist-care'] as const;
export type PathSector = (typeof PATH_SECTORS)[number];

export const PathStep = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  sectors: z.array(z.enum(PATH_SECTORS)),
  /** More than one sector: a crossing (yhdyspinta) where information and responsibility move. */
  interface: z.boolean(),
  interfaceNote: z.string().nullable(),
  organizationName: z.string().nullable(),
  /** Steps after today are agreed plans, not history. */
  upcoming: z.boolean(),
});
export type PathStep = z.infer<typeof PathStep>;

export const PathPhase = z.object({ code: z.enum(PATH_PHASE_CODES), steps: z.array(PathStep) });
export type PathPhase = z.infer<typeof PathPhase>;

export const ClientPath = z.object({
  clientId: z.string(),
  phases: z.array(PathPhase),
  /** Sectors that appear on the path, in the lane order of the picture. */
  sectors: z.array(z.enum(PATH_SECTORS)),
  interfaceCount: z.number(),
});
export type ClientPath = z.infer<typeof ClientPath>;
