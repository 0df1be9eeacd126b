import { z } from 'zod';

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
