import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { incident, incidentService, organizationCounter } from "@/db/schema";
import { timestampsForInitialStatus } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { queueSlackSync } from "@/lib/services/slack/queue-slack-sync";
import { appendTimelineEvent } from "./append-timeline-event";
import { declareIncidentInput } from "./inputs";
import { resolveServiceSlugs } from "./internal";
import { loadIncidentView, type IncidentView } from "./views";
import { attachRecentSignals } from "../clusters/attach-recent-signals";

export async function declareIncident(ctx: ServiceContext, rawInput: unknown): Promise<IncidentView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(declareIncidentInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const services = await resolveServiceSlugs(tx, ctx.organizationId, input.services ?? []);
    if (services.missing.length > 0) {
      throw new ValidationError(`Unknown services: ${services.missing.join(", ")}`, [
        { field: "services", message: `unknown service slugs: ${services.missing.join(", ")}` },
      ]);
    }
    const [counter] = await tx
      .insert(organizationCounter)
      .values({ organizationId: ctx.organizationId, name: "incident", value: 1 })
      .onConflictDoUpdate({
        target: [organizationCounter.organizationId, organizationCounter.name],
        set: { value: sql`${organizationCounter.value} + 1` },
      })
      .returning({ value: organizationCounter.value });
    const now = new Date();
    const detectedAt = input.detectedAt ?? now;
    // Whoever declares an incident as being worked on has picked it up now.
    const stamps = timestampsForInitialStatus(input.status, now, { resolvedAt: input.resolvedAt ?? null }, now);
    const inserted = await tx
      .insert(incident)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        number: counter!.value,
        title: input.title,
        summary: input.summary ?? "",
        severity: input.severity,
        status: input.status,
        externalId: input.externalId ?? null,
        occurredAt: input.occurredAt ?? detectedAt,
        detectedAt,
        awareAt: input.awareAt ?? null,
        ...stamps,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [incident.organizationId, incident.externalId] })
      .returning();
    const row = inserted[0];
    if (!row) throw new ConflictError(`An incident with externalId ${input.externalId} already exists.`, "duplicate_external_id");
    if (services.found.length > 0) {
      await tx.insert(incidentService).values(services.found.map((s) => ({ incidentId: row.id, serviceId: s.id })));
      await attachRecentSignals(tx, ctx.organizationId, row.id, services.found.map((s) => s.id));
    }
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: row.id,
      kind: "declared",
      actor: ctx.actor,
      title: `${ctx.actor.label} declared ${formatIncidentRef(row.number)} as ${row.severity}: ${row.title}`,
      body: input.summary || null,
      payload: { severity: row.severity, status: row.status, services: services.found.map((s) => s.slug) },
      highlighted: true,
    });
    const view = await loadIncidentView(tx, row);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "incident.declared",
      targetType: "incident",
      targetId: row.id,
      after: view,
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "incident", id: row.id, incidentId: row.id });
    // Every way of declaring comes here: the Slack channel is created by a job after commit.
    await queueSlackSync(tx, ctx.organizationId, row.id);
    return view;
  });
}
