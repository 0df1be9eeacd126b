import { z } from 'zod';
import { GuidanceLevel, ProfileInput, SegmentCode } from './clients.contracts.js';

/** Service recommendations (palvelusuositukset) for one person's situation. */

const LIFE_KEYS = [
  'health', 'resilience', 'housing', 'working_studying', 'family', 'friends', 'finance',
  'improvement_of_strengths', 'self_esteem', 'life_satisfaction',
] as const;
const score = z.number().min(0).max(10);

export const LifeSituationInput = z
  .object(Object.fromEntries(LIFE_KEYS.map((k) => [k, score.optional()])) as Record<(typeof LIFE_KEYS)[number], z.ZodOptional<typeof score>>)
  .strict();

export const RecommendationRequest = z.object({
  age: z.number().int().min(0).max(120).optional(),
  clientGroup: z.enum(['children-youth-families', 'working-age', 'older-people']).optional(),
  municipalityCode: z.string().regex(/^\d{3}$/).optional(),
  needs: z.string().trim().max(4000).optional(),
  profile: ProfileInput.optional(),
  lifeSituation: LifeSituationInput.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type RecommendationRequest = z.input<typeof RecommendationRequest>;

export const RecommendedService = z.object({
  id: z.string(),
  name: z.string(),
  ptvId: z.string().nullable(),
  provider: z.object({ name: z.string(), sector: z.string() }),
  score: z.number(),
  reasons: z.array(z.string()),
});

export const RecommendationResponse = z.object({
  segment: z.object({ code: SegmentCode, reasons: z.array(z.string()) }).nullable(),
  level: z.object({ code: GuidanceLevel, reasons: z.array(z.string()) }).nullable(),
  services: z.array(RecommendedService),
});
export type RecommendationResponse = z.infer<typeof RecommendationResponse>;
