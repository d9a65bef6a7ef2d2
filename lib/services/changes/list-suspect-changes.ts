import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { changeEvent, incidentChangeMark, incidentService, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { rankSuspectChanges, type ChangeCandidate } from "@/lib/correlation/suspect-changes";
import type { ChangeKind } from "@/lib/ingest/types";
import { detectRollbacks, ROLLOUT_KINDS } from "@/lib/correlation/rollback-detection";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { MAX_PAGE_SIZE, type Page } from "../paging";
import { findIncident } from "../incidents/find-incident";
import type { IncidentRow } from "../incidents/views";
import { listSuspectChangesInput } from "./inputs";
import { loadChangeViews, serviceSlugsById } from "./internal";
import { markOf, type MarkRow, type SuspectChangeView } from "./views";

/** More candidates than this in one window is a feed, not a suspect list; the newest are kept. */
const MAX_CANDIDATES = 5_000;

/** When the incident began: what the responders said, else when it was detected or declared. */
function incidentOnset(row: IncidentRow): Date {
  return row.occurredAt ?? row.detectedAt ?? row.createdAt;
}

/**
 * "What changed before this started": changes in the look-back window before onset, ranked
 * by lib/correlation/suspect-changes.ts with their reasons, best first. With services on the
 * incident, the candidates are their changes plus unmapped ones (which may belong to them);
 * without, every change in the window. Changes a responder marked stay in the answer even
 * when they fall outside the window or move to another service.
 */
export async function listSuspectChanges(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<Page<SuspectChangeView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listSuspectChangesInput, rawInput);
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const onset = incidentOnset(owner);
  const lookbackMs = input.lookback * 60_000;
  const services = await ctx.db
    .select({ id: service.id, slug: service.slug })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, owner.id));

  const conditions: SQL[] = [
    eq(changeEvent.organizationId, ctx.organizationId),
    gte(changeEvent.occurredAt, new Date(onset.getTime() - lookbackMs)),
    lte(changeEvent.occurredAt, onset),
  ];
  if (services.length > 0) conditions.push(or(isNull(changeEvent.serviceId), inArray(changeEvent.serviceId, services.map((s) => s.id)))!);
  const [rows, marks] = await Promise.all([
    ctx.db.select().from(changeEvent).where(and(...conditions)).orderBy(desc(changeEvent.occurredAt)).limit(MAX_CANDIDATES),
    loadMarks(ctx.db, owner.id),
  ]);
  const views = new Map((await loadChangeViews(ctx.db, rows)).map((v) => [v.id, v]));
  const rolledBack = await findRolledBack(ctx.db, ctx.organizationId, rows, onset.getTime() - lookbackMs);
  const candidates: ChangeCandidate[] = [...views.values()].map((v) => ({
    id: v.id,
    kind: v.kind,
    service: v.service,
    environment: v.environment,
    revision: v.revision,
    occurredAt: new Date(v.occurredAt),
    rolledBack: rolledBack.has(v.id),
  }));
  const ranked = rankSuspectChanges({ services: services.map((s) => s.slug), onsetAt: onset, changes: candidates, lookbackMs });

  const items: SuspectChangeView[] = ranked.map((r) => ({ change: views.get(r.changeId)!, score: r.score, reasons: r.reasons, ...markOf(marks.get(r.changeId)) }));
  const outside = [...marks.keys()].filter((id) => !views.has(id));
  if (outside.length > 0) {
    const markedRows = await ctx.db.select().from(changeEvent).where(inArray(changeEvent.id, outside)).orderBy(desc(changeEvent.occurredAt));
    const windowStart = onset.getTime() - lookbackMs;
    for (const change of await loadChangeViews(ctx.db, markedRows)) {
      const at = Date.parse(change.occurredAt);
      const why = at < windowStart || at > onset.getTime() ? "Outside the look-back window" : "On a service this incident does not name";
      items.push({ change, score: 0, reasons: [`${why}; kept because it was marked`], ...markOf(marks.get(change.id)) });
    }
  }
  return { items: items.slice(0, Math.min(input.limit, MAX_PAGE_SIZE)), nextCursor: null };
}

/** How far before the window the history goes to learn which revision a rollout replaced. */
const ROLLOUT_HISTORY_MS = 30 * 24 * 60 * 60_000;

/**
 * Rollouts in the window that were later rolled back: needs the history around them on the
 * same services, from before the window (what they replaced) up to now (what came back).
 */
async function findRolledBack(db: Queryable, organizationId: string, candidates: ReadonlyArray<typeof changeEvent.$inferSelect>, windowStartMs: number): Promise<Set<string>> {
  const serviceIds = [...new Set(candidates.filter((c) => c.serviceId && c.revision && ROLLOUT_KINDS.has(c.kind as ChangeKind)).map((c) => c.serviceId!))];
  if (serviceIds.length === 0) return new Set();
  const history = await db
    .select()
    .from(changeEvent)
    .where(
      and(
        eq(changeEvent.organizationId, organizationId),
        inArray(changeEvent.serviceId, serviceIds),
        inArray(changeEvent.kind, [...ROLLOUT_KINDS]),
        isNotNull(changeEvent.revision),
        gte(changeEvent.occurredAt, new Date(windowStartMs - ROLLOUT_HISTORY_MS)),
      ),
    )
    .orderBy(desc(changeEvent.occurredAt))
    .limit(MAX_CANDIDATES);
  const slugs = await serviceSlugsById(db, history);
  return detectRollbacks(
    history.map((h) => ({ id: h.id, kind: h.kind as ChangeKind, service: slugs.get(h.serviceId!) ?? null, environment: h.environment, revision: h.revision, occurredAt: h.occurredAt })),
  );
}

async function loadMarks(db: Queryable, incidentId: string): Promise<Map<string, MarkRow>> {
  const rows = await db.select().from(incidentChangeMark).where(eq(incidentChangeMark.incidentId, incidentId));
  return new Map(rows.map((r) => [r.changeId, r]));
}
