import { and, eq, inArray } from "drizzle-orm";
import { incident, incidentRole, incidentService, service, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import type { IncidentStatus } from "@/lib/core/incident-lifecycle";
import type { Severity } from "@/lib/core/severity";
import type { IncidentRole } from "@/lib/core/incident-roles";

export type IncidentRow = typeof incident.$inferSelect;

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** The public shape of an incident (API.md), plus its role holders. */
export interface IncidentView {
  id: string;
  ref: string;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  services: string[];
  occurredAt: string | null;
  detectedAt: string | null;
  awareAt: string | null;
  classifiedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  externalId: string | null;
  roles: Partial<Record<IncidentRole, PersonRef>>;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Builds views for many incidents with two extra queries, whatever their number. */
export async function loadIncidentViews(db: Queryable, rows: IncidentRow[]): Promise<IncidentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [serviceRows, roleRows] = await Promise.all([
    db
      .select({ incidentId: incidentService.incidentId, slug: service.slug })
      .from(incidentService)
      .innerJoin(service, eq(service.id, incidentService.serviceId))
      .where(inArray(incidentService.incidentId, ids))
      .orderBy(service.slug),
    db
      .select({ incidentId: incidentRole.incidentId, role: incidentRole.role, id: user.id, name: user.name, email: user.email })
      .from(incidentRole)
      .innerJoin(user, eq(user.id, incidentRole.userId))
      .where(inArray(incidentRole.incidentId, ids)),
  ]);
  return rows.map((row) => {
    const roles: IncidentView["roles"] = {};
    for (const r of roleRows) if (r.incidentId === row.id) roles[r.role as IncidentRole] = { id: r.id, name: r.name, email: r.email };
    return {
      id: row.id,
      ref: formatIncidentRef(row.number),
      title: row.title,
      summary: row.summary,
      severity: row.severity as Severity,
      status: row.status as IncidentStatus,
      services: serviceRows.filter((s) => s.incidentId === row.id).map((s) => s.slug),
      occurredAt: iso(row.occurredAt),
      detectedAt: iso(row.detectedAt),
      awareAt: iso(row.awareAt),
      classifiedAt: iso(row.classifiedAt),
      acknowledgedAt: iso(row.acknowledgedAt),
      mitigatedAt: iso(row.mitigatedAt),
      resolvedAt: iso(row.resolvedAt),
      closedAt: iso(row.closedAt),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      externalId: row.externalId,
      roles,
    };
  });
}

export async function loadIncidentView(db: Queryable, row: IncidentRow): Promise<IncidentView> {
  const [view] = await loadIncidentViews(db, [row]);
  return view!;
}

/** Services of the organisation by slug; unknown slugs are reported, not ignored. */
export async function resolveServiceSlugs(
  db: Queryable,
  organizationId: string,
  slugs: string[],
): Promise<{ found: Array<{ id: string; slug: string }>; missing: string[] }> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return { found: [], missing: [] };
  const found = await db
    .select({ id: service.id, slug: service.slug })
    .from(service)
    .where(and(eq(service.organizationId, organizationId), inArray(service.slug, unique)));
  const foundSlugs = new Set(found.map((s) => s.slug));
  return { found, missing: unique.filter((slug) => !foundSlugs.has(slug)) };
}
