import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { forbidden } from '../shared/errors.js';
import * as repo from './followup.repository.js';
import { mergeSettings, type FollowupSettings } from './followup.rules.js';
import { settingsFor } from './followup.service.js';

/** Verify-and-follow defaults and alert thresholds in force for the caller's organisation. */
export async function getFollowupSettings(tx: Tx, actor: Actor): Promise<FollowupSettings> {
  return settingsFor(tx, actor);
}

/** A manager sets the organisation's override; an admin the county default. */
export async function saveFollowupSettings(tx: Tx, actor: Actor, input: Partial<FollowupSettings>): Promise<FollowupSettings> {
  if (actor.role !== 'manager' && actor.role !== 'admin') throw forbidden();
  const clean = mergeSettings(input);
  const picked = Object.fromEntries(Object.keys(input).map((k) => [k, clean[k as keyof FollowupSettings]]));
  await repo.upsertSettings(tx, actor.countyCode, actor.role === 'admin' ? null : actor.organizationId, picked, actor.userId);
  await recordAudit(tx, actor, { action: 'followup.settings-update', basis: actor.role, allowed: true, details: picked });
  return settingsFor(tx, actor);
}
