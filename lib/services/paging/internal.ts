import { eq, inArray } from "drizzle-orm";
import { pagerdutyConnection, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { OnCallEntry, PagerDutyAccess } from "@/lib/integrations/pagerduty/pagerduty-client";
import { ServiceError } from "../errors";
import { decryptIntegrationSecret } from "../integration-secrets";

/** The decrypted connection; a missing one is a clear 409. */
export async function loadPagerDutyAccess(db: Queryable, organizationId: string): Promise<{ access: PagerDutyAccess; routingKey: string | null }> {
  const [row] = await db.select().from(pagerdutyConnection).where(eq(pagerdutyConnection.organizationId, organizationId));
  if (!row) throw new ServiceError(409, "pagerduty_not_connected", "This organisation has no PagerDuty connection; an admin can add one (PUT /api/v1/pagerduty-connection).");
  return {
    access: { apiUrl: row.apiUrl, eventsUrl: row.eventsUrl, token: await decryptIntegrationSecret(row.tokenEncrypted) },
    routingKey: row.routingKeyEncrypted ? await decryptIntegrationSecret(row.routingKeyEncrypted) : null,
  };
}

/** One page per incident and service: the same key on every click, so PagerDuty opens one incident. */
export function dedupKeyFor(incidentId: string, serviceSlug: string | null): string {
  return `logbook/${incidentId}/${serviceSlug ?? "incident"}`;
}

export async function serviceSlugs(db: Queryable, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: service.id, slug: service.slug }).from(service).where(inArray(service.id, wanted));
  return new Map(rows.map((r) => [r.id, r.slug]));
}

/**
 * Who is on call changes by the hour, not by the second, and every open incident page asks:
 * answers are kept briefly per organisation and set of policies. Shared through globalThis
 * because Next.js bundles route handlers apart from server.ts.
 */
const ON_CALL_TTL_MS = 60_000;
type OnCallCache = Map<string, { at: number; entries: OnCallEntry[] }>;
const cacheHolder = globalThis as typeof globalThis & { __logbookOnCallCache?: OnCallCache };

export function cachedOnCall(key: string, now: number): { at: number; entries: OnCallEntry[] } | null {
  const hit = cacheHolder.__logbookOnCallCache?.get(key);
  return hit && now - hit.at < ON_CALL_TTL_MS ? hit : null;
}

export function rememberOnCall(key: string, now: number, entries: OnCallEntry[]): void {
  const cache = (cacheHolder.__logbookOnCallCache ??= new Map());
  if (cache.size > 1000) cache.clear();
  cache.set(key, { at: now, entries });
}

/** A new connection (token changed) must not answer from the old token's cache. */
export function forgetOnCall(organizationId: string): void {
  for (const key of cacheHolder.__logbookOnCallCache?.keys() ?? []) if (key.startsWith(`${organizationId}:`)) cacheHolder.__logbookOnCallCache!.delete(key);
}
