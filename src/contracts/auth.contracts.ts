import { z } from 'zod';

/** Roles of Polku users. A professional always acts for one organisation. */
export const PROFESSIONAL_ROLES = [
  'client-counsellor', // asiakasohjaaja
  'social-worker', // sosiaalityöntekijä (only role that assesses special support need)
  'social-instructor', // sosiaaliohjaaja
  'case-manager', // asiakasvastaava
  'work-ability-coordinator', // työkykykoordinaattori
  'employment-coach', // omavalmentaja
  'teacher', // opettaja
  'student-welfare', // kuraattori, koulupsykologi
  'school-nurse', // kouluterveydenhoitaja
  'ngo-worker', // järjestötyöntekijä
] as const;
export const ROLES = [...PROFESSIONAL_ROLES, 'manager', 'admin', 'client'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  organization: z.object({ id: z.string(), name: z.string(), sector: z.string() }),
  clientId: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const DemoAccounts = z.object({
  items: z.array(z.object({ username: z.string(), role: z.string(), displayName: z.string(), organization: z.string() })),
});

export const Ok = z.object({ ok: z.literal(true) });
