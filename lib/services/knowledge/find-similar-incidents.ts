import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { actionItem, incidentService, service, timelineEvent } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { buildOrQuery, extractQueryTerms } from "@/lib/knowledge/query-terms";
import { combinedScoreRanker } from "@/lib/similarity/combined-score-ranker";
import type { SimilarityQuery, SimilarityRanker } from "@/lib/similarity/similarity-ranker";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { refreshIncidentKnowledge } from "./refresh-incident-knowledge";
import { findCandidates, findRecurrence } from "./similar-candidates";
import { selectRows } from "@/db/raw-queries";

export interface IncidentRefView {
  id: string;
  ref: string;
  title: string;
  externalId: string | null;
}

export interface SimilarIncidentView {
  incident: IncidentRefView;
  score: number;
  reasons: string[];
  resolution: string | null;
  /** the past incident's highlighted notes: what was done */
  mitigation: string[];
  actionItems: Array<{ title: string; status: string }>;
}

export interface SimilarAnswer {
  items: SimilarIncidentView[];
  recurrence: { incident: IncidentRefView; reason: string } | null;
}

/** The leading terms (the title's, usually) that together pick the most specific matches. */
const SPECIFIC_TERMS = 4;

const limitSchema = z.coerce.number().int().min(1).max(50).default(5);

export const similarTextInput = z.object({
  text: z.string().max(100_000).default(""),
  title: z.string().max(500).optional(),
  services: z.array(z.string().max(100)).max(50).default([]),
  alertNames: z.array(z.string().max(200)).max(100).default([]),
  limit: limitSchema,
});

async function rankAndDescribe(
  db: Queryable,
  organizationId: string,
  query: SimilarityQuery & { shortText: string; excludeId: string | null },
  limit: number,
  ranker: SimilarityRanker,
): Promise<SimilarIncidentView[]> {
  const candidates = await findCandidates(db, organizationId, {
    orQuery: buildOrQuery(query.terms),
    andQuery: query.terms.slice(0, SPECIFIC_TERMS).join(" "),
    shortText: query.shortText,
    excludeId: query.excludeId,
  });
  const ranked = ranker.rank(query, candidates).slice(0, limit);
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const [notes, items] = await Promise.all([
    db
      .select({ incidentId: timelineEvent.incidentId, body: timelineEvent.body, title: timelineEvent.title })
      .from(timelineEvent)
      .where(and(inArray(timelineEvent.incidentId, ids), eq(timelineEvent.highlighted, true), eq(timelineEvent.kind, "note")))
      .orderBy(timelineEvent.occurredAt),
    db
      .select({ incidentId: actionItem.incidentId, title: actionItem.title, status: actionItem.status })
      .from(actionItem)
      .where(inArray(actionItem.incidentId, ids)),
  ]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return ranked.map((r) => {
    const c = byId.get(r.id)!;
    return {
      incident: { id: c.id, ref: formatIncidentRef(c.number), title: c.title, externalId: c.externalId },
      score: r.score,
      reasons: r.reasons,
      resolution: c.resolution,
      mitigation: notes.filter((n) => n.incidentId === c.id).map((n) => n.body ?? n.title).slice(0, 5),
      actionItems: items.filter((i) => i.incidentId === c.id).map((i) => ({ title: i.title, status: i.status })),
    };
  });
}

/** Past incidents like a free-text description (POST /api/v1/similar). */
export async function findSimilarToText(ctx: ServiceContext, rawInput: unknown, ranker: SimilarityRanker = combinedScoreRanker): Promise<SimilarAnswer> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(similarTextInput, rawInput);
  const text = `${input.title ?? ""}\n${input.text}`;
  const query = {
    terms: extractQueryTerms(text),
    services: input.services,
    alertNames: input.alertNames,
    changeKinds: [],
    rootCauseCodes: [],
    shortText: (input.title || input.text).trim().slice(0, 80),
    excludeId: null,
  };
  return { items: await rankAndDescribe(ctx.db, ctx.organizationId, query, input.limit, ranker), recurrence: null };
}

/** Past incidents like this one, never itself; the knowledge document is refreshed first. */
export async function findSimilarIncidents(
  ctx: ServiceContext,
  idOrRef: string,
  rawQuery: { limit?: unknown } = {},
  ranker: SimilarityRanker = combinedScoreRanker,
): Promise<SimilarAnswer> {
  requirePermission(ctx, "incident:read");
  const limit = parseInput(z.object({ limit: limitSchema }), { limit: rawQuery.limit ?? undefined }).limit;
  const row = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  await refreshIncidentKnowledge(ctx.db, row.id);
  const [knowledge] = await selectRows<{ document: string; alert_names: string[]; change_kinds: string[]; root_cause_codes: string[] }>(
    ctx.db,
    sql`select document, alert_names, change_kinds, root_cause_codes from incident_knowledge where incident_id = ${row.id}`,
  );
  const services = await ctx.db
    .select({ slug: service.slug })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, row.id));
  const query = {
    terms: extractQueryTerms(knowledge?.document ?? row.title),
    services: services.map((s) => s.slug),
    alertNames: knowledge?.alert_names ?? [],
    changeKinds: knowledge?.change_kinds ?? [],
    rootCauseCodes: knowledge?.root_cause_codes ?? [],
    shortText: row.title.slice(0, 80),
    excludeId: row.id,
  };
  const items = await rankAndDescribe(ctx.db, ctx.organizationId, query, limit, ranker);
  const recurring = await findRecurrence(ctx.db, ctx.organizationId, { excludeId: row.id, alertNames: query.alertNames, services: query.services });
  const recurrence = recurring
    ? {
        incident: { id: recurring.id, ref: formatIncidentRef(recurring.number), title: recurring.title, externalId: recurring.external_id },
        reason: `same alert (${recurring.alert_names.filter((a) => query.alertNames.includes(a)).join(", ")}) on ${recurring.service}, resolved in the last 30 days`,
      }
    : null;
  return { items, recurrence };
}
