import type { DatabaseHandle } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { timeSequentially, type LatencySummary } from "./latency-summary";

export interface VerbMeasurement extends LatencySummary {
  name: string;
}

/**
 * The same reads as the HTTP endpoints, called as verbs in this process, straight on the
 * database: what the queries cost without Next.js, authentication and JSON over HTTP.
 */
export async function measureVerbs(
  handle: DatabaseHandle,
  organizationId: string,
  bigIncidentRef: string,
  serviceSlug: string,
  samples: number,
  warmup: number,
): Promise<VerbMeasurement[]> {
  const ctx: ServiceContext = createServiceContext({ db: handle.db, actor: SYSTEM_ACTOR, organizationId, role: "viewer" });
  const listCursor = await cursorAfter((cursor) => listIncidents(ctx, { limit: 50, cursor }), 150);
  const timelineCursor = await cursorAfter((cursor) => listTimeline(ctx, bigIncidentRef, { limit: 200, cursor }), 75);
  const cases: Array<[string, () => Promise<unknown>]> = [
    ["verb listIncidents page 1", () => listIncidents(ctx, { limit: 50 })],
    ["verb listIncidents page 151", () => listIncidents(ctx, { limit: 50, cursor: listCursor })],
    ["verb listIncidents service filter", () => listIncidents(ctx, { limit: 50, service: serviceSlug })],
    ["verb listTimeline page 1", () => listTimeline(ctx, bigIncidentRef, { limit: 200 })],
    ["verb listTimeline page 76", () => listTimeline(ctx, bigIncidentRef, { limit: 200, cursor: timelineCursor })],
  ];
  const results: VerbMeasurement[] = [];
  for (const [name, work] of cases) results.push({ name, ...(await timeSequentially(work, samples, warmup)) });
  return results;
}

async function cursorAfter(page: (cursor?: string) => Promise<{ nextCursor: string | null }>, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const next = (await page(cursor)).nextCursor;
    if (!next) throw new Error(`ran out of pages after ${i + 1}`);
    cursor = next;
  }
  return cursor!;
}
