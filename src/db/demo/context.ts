import type { Tx } from '../schema.js';

/** Ids of the demo world by their stable keys, handed from the foundation seed to module seeds. */
export interface DemoContext {
  today: Date;
  countyCode: string;
  orgs: Map<string, { id: string; sector: string; name: string }>;
  units: Map<string, string>; // `${orgKey}/${unitKey}` → unit id
  users: Map<string, { id: string; organizationId: string }>;
  clients: Map<string, string>; // demo client key → client id
}

export type DemoSeed = (tx: Tx, ctx: DemoContext) => Promise<void>;

export function orgId(ctx: DemoContext, key: string): string {
  const org = ctx.orgs.get(key);
  if (!org) throw new Error(`Demo data refers to unknown organisation '${key}'`);
  return org.id;
}

export function userId(ctx: DemoContext, username: string): string {
  const user = ctx.users.get(username);
  if (!user) throw new Error(`Demo data refers to unknown user '${username}'`);
  return user.id;
}

export function clientId(ctx: DemoContext, key: string): string {
  const id = ctx.clients.get(key);
  if (!id) throw new Error(`Demo data refers to unknown client '${key}'`);
  return id;
}

/** A date `days` from the demo's today, as an ISO timestamp (negative = in the past). */
export function daysFromToday(ctx: DemoContext, days: number): Date {
  return new Date(ctx.today.getTime() + days * 86_400_000);
}
