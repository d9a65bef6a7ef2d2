import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { alert, changeEvent, service, team } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { hintsFromLabels } from "@/lib/ingest/alert-group";
import type { ServiceHints } from "@/lib/ingest/types";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { loadServiceResolver } from "../service-resolver";
import { updateServiceInput } from "./inputs";
import { toServiceView, type ServiceView } from "./views";

/** Unmapped events looked at when a mapping changes; older ones stay unmapped. */
const REMAP_LIMIT = 10_000;

/**
 * Edits a service, including how ingest maps events to it. Events that arrived unmapped and
 * that the new mapping now claims move onto the service, so fixing a mapping also fixes the
 * recent change feed and triage list.
 */
export async function updateService(ctx: ServiceContext, slug: string, rawInput: unknown): Promise<ServiceView> {
  requirePermission(ctx, "catalog:write");
  const input = parseInput(updateServiceInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx
      .select({ service, teamSlug: team.slug })
      .from(service)
      .leftJoin(team, eq(team.id, service.teamId))
      .where(and(eq(service.organizationId, ctx.organizationId), eq(service.slug, slug)))
      .for("update", { of: service });
    if (!current) throw new NotFoundError(`Service ${slug}`);
    const before = toServiceView(current.service, current.teamSlug);

    const changes: Partial<typeof service.$inferInsert> = { updatedAt: new Date() };
    let teamSlug = current.teamSlug;
    if (input.team !== undefined) {
      if (input.team === null) changes.teamId = null;
      else {
        const [owner] = await tx
          .select({ id: team.id })
          .from(team)
          .where(and(eq(team.organizationId, ctx.organizationId), eq(team.slug, input.team)));
        if (!owner) throw new ValidationError(`Unknown team ${input.team}`, [{ field: "team", message: `no team ${input.team}` }]);
        changes.teamId = owner.id;
      }
      teamSlug = input.team;
    }
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.tier !== undefined) changes.tier = input.tier;
    if (input.supportsCriticalFunction !== undefined) changes.supportsCriticalFunction = input.supportsCriticalFunction;
    if (input.clientCount !== undefined) changes.clientCount = input.clientCount;
    if (input.labels !== undefined) changes.labels = input.labels;
    if (input.repositories !== undefined) changes.repositories = input.repositories;
    if (input.mappings !== undefined) changes.mappings = { ...current.service.mappings, ...input.mappings };
    if (input.pagerdutyServiceId !== undefined) changes.pagerdutyServiceId = input.pagerdutyServiceId;
    if (input.escalationPolicyId !== undefined) changes.pagerdutyEscalationPolicyId = input.escalationPolicyId;

    const [row] = await tx.update(service).set(changes).where(eq(service.id, current.service.id)).returning();
    const view = toServiceView(row!, teamSlug);
    const mappingChanged = input.labels !== undefined || input.repositories !== undefined || input.mappings !== undefined;
    const remapped = mappingChanged ? await claimUnmappedEvents(tx, ctx.organizationId, row!.id) : { changes: 0, alerts: 0 };
    await recordAudit(tx, { ...auditFrom(ctx), action: "service.updated", targetType: "service", targetId: row!.id, before, after: { ...view, remapped } });
    return view;
  });
}

async function claimUnmappedEvents(tx: Transaction, organizationId: string, serviceId: string): Promise<{ changes: number; alerts: number }> {
  const resolve = await loadServiceResolver(tx, organizationId);
  const changes = await tx
    .select({ id: changeEvent.id, hints: changeEvent.hints })
    .from(changeEvent)
    .where(and(eq(changeEvent.organizationId, organizationId), isNull(changeEvent.serviceId)))
    .orderBy(desc(changeEvent.occurredAt))
    .limit(REMAP_LIMIT);
  const changeIds = changes.filter((c) => resolve(c.hints as ServiceHints) === serviceId).map((c) => c.id);
  const alerts = await tx
    .select({ id: alert.id, labels: alert.labels })
    .from(alert)
    .where(and(eq(alert.organizationId, organizationId), isNull(alert.serviceId)))
    .orderBy(desc(alert.lastSeenAt))
    .limit(REMAP_LIMIT);
  const alertIds = alerts.filter((a) => resolve(hintsFromLabels(a.labels)) === serviceId).map((a) => a.id);
  if (changeIds.length > 0) await tx.update(changeEvent).set({ serviceId }).where(inArray(changeEvent.id, changeIds));
  if (alertIds.length > 0) await tx.update(alert).set({ serviceId }).where(inArray(alert.id, alertIds));
  return { changes: changeIds.length, alerts: alertIds.length };
}
