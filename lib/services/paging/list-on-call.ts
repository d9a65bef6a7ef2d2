import { asc, eq } from "drizzle-orm";
import { incidentService, service } from "@/db/schema";
import { listOnCalls, PagerDutyRequestError } from "@/lib/integrations/pagerduty/pagerduty-client";
import { requirePermission, type ServiceContext } from "../context";
import { ServiceError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { cachedOnCall, loadPagerDutyAccess, rememberOnCall } from "./internal";
import type { OnCallAnswer, OnCallView } from "./views";

const LEVELS = new Set([1, 2]);

/**
 * Who is on call now (levels 1 and 2, and until when) for each affected service's
 * escalation policy, from PagerDuty's on-call list, kept a minute. PagerDuty failing is
 * answered in `error` (the incident page shows it); it never fails the incident.
 */
export async function listOnCall(ctx: ServiceContext, idOrRef: string): Promise<OnCallAnswer> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const affected = await ctx.db
    .select({ slug: service.slug, policy: service.pagerdutyEscalationPolicyId })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, owner.id))
    .orderBy(asc(service.slug));
  const mapped = affected.filter((s): s is { slug: string; policy: string } => s.policy !== null);
  const unmapped = affected.filter((s) => s.policy === null).map((s) => s.slug);
  if (mapped.length === 0) return { items: [], unmapped, error: null, fetchedAt: null };

  let access;
  try {
    ({ access } = await loadPagerDutyAccess(ctx.db, ctx.organizationId));
  } catch (error) {
    if (error instanceof ServiceError) return { items: [], unmapped, error: error.message, fetchedAt: null };
    throw error;
  }
  const policies = [...new Set(mapped.map((s) => s.policy))].sort();
  const key = `${ctx.organizationId}:${policies.join(",")}`;
  const now = Date.now();
  let hit = cachedOnCall(key, now);
  if (!hit) {
    try {
      const entries = await listOnCalls(access, policies);
      rememberOnCall(key, now, entries);
      hit = { at: now, entries };
    } catch (error) {
      if (error instanceof PagerDutyRequestError) return { items: [], unmapped, error: error.message, fetchedAt: null };
      throw error;
    }
  }
  const items: OnCallView[] = [];
  for (const s of mapped) {
    const seen = new Set<string>();
    for (const entry of hit.entries.filter((e) => e.escalationPolicy.id === s.policy && LEVELS.has(e.level)).sort((a, b) => a.level - b.level)) {
      // A person on call through two schedules of one level is shown once.
      const id = `${entry.level}:${entry.user.email ?? entry.user.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      items.push({ service: s.slug, escalationPolicy: entry.escalationPolicy, level: entry.level, user: entry.user, start: entry.start, end: entry.end });
    }
  }
  return { items, unmapped, error: null, fetchedAt: new Date(hit.at).toISOString() };
}
