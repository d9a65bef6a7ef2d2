import { asc, eq } from "drizzle-orm";
import { incidentService, service } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "../incidents/find-incident";
import { loadReportingEntity } from "./internal";
import type { ClassificationDefaults } from "./views";

const HOUR_MS = 3600_000;

/**
 * What the classification wizard starts from: the affected services' critical-function flags
 * and client counts, the duration so far and the downtime until mitigation, the entity's
 * Member State. Every value is a suggestion the classifier confirms.
 */
export async function getClassificationDefaults(ctx: ServiceContext, idOrRef: string): Promise<ClassificationDefaults> {
  requirePermission(ctx, "incident:read");
  const inc = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const services = await ctx.db
    .select({ slug: service.slug, name: service.name, critical: service.supportsCriticalFunction, clientCount: service.clientCount })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, inc.id))
    .orderBy(asc(service.name));
  const entity = await loadReportingEntity(ctx.db, ctx.organizationId);
  const start = inc.occurredAt ?? inc.detectedAt ?? inc.createdAt;
  const end = inc.resolvedAt ?? new Date();
  const restored = inc.mitigatedAt ?? inc.resolvedAt;
  const hours = (from: Date, to: Date) => Math.max(0, Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10);
  const counts = services.map((s) => s.clientCount).filter((n): n is number => typeof n === "number");
  return {
    services,
    criteria: {
      criticalServicesAffected: services.some((s) => s.critical),
      durationHours: hours(start, end),
      serviceDowntimeHours: services.some((s) => s.critical) ? hours(start, restored ?? end) : null,
      memberStatesAffected: entity ? [entity.country] : [],
    },
    clientBase: counts.length ? Math.max(...counts) : null,
    entityConfigured: entity !== null,
  };
}
