import { eq, sql } from "drizzle-orm";
import { incidentService, service } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { extractQueryTerms } from "@/lib/knowledge/query-terms";
import { combinedScoreRanker } from "@/lib/similarity/combined-score-ranker";
import type { SimilarityRanker } from "@/lib/similarity/similarity-ranker";
import { selectRows } from "@/db/raw-queries";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { similarIncidentsQuery } from "./inputs";
import { findRecurrence, rankAndDescribe } from "./internal";
import { refreshIncidentKnowledge } from "./refresh-incident-knowledge";
import type { SimilarAnswer } from "./views";

/** Past incidents like this one, never itself; the knowledge document is refreshed first. */
export async function findSimilarIncidents(
  ctx: ServiceContext,
  idOrRef: string,
  rawQuery: { limit?: unknown } = {},
  ranker: SimilarityRanker = combinedScoreRanker,
): Promise<SimilarAnswer> {
  requirePermission(ctx, "incident:read");
  const limit = parseInput(similarIncidentsQuery, { limit: rawQuery.limit ?? undefined }).limit;
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
  const text = knowledge?.document ?? row.title;
  const query = {
    text,
    terms: extractQueryTerms(text),
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
