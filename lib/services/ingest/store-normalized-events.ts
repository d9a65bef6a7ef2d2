import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { alert, changeEvent, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { matchService } from "@/lib/ingest/service-mapping";
import type { NormalizedAlert, NormalizedChange, NormalizedEvent, ServiceHints } from "@/lib/ingest/types";

export interface StoreInput {
  organizationId: string;
  integrationId: string;
  source: string;
  deliveryId: string;
  events: NormalizedEvent[];
}

export type ServiceResolver = (hints: ServiceHints) => string | null;

/** Maps hints to a service id using the organisation's catalogue and its editable mappings. */
export async function loadServiceResolver(tx: Queryable, organizationId: string): Promise<ServiceResolver> {
  const services = await tx
    .select({ id: service.id, slug: service.slug, labels: service.labels, repositories: service.repositories, mappings: service.mappings })
    .from(service)
    .where(eq(service.organizationId, organizationId));
  const candidates = services.map((s) => ({
    slug: s.slug,
    labels: s.labels,
    repositories: s.repositories,
    namespaces: s.mappings.namespaces ?? [],
    fluxObjects: s.mappings.fluxObjects ?? [],
    argoApplications: s.mappings.argoApplications ?? [],
  }));
  const idBySlug = new Map(services.map((s) => [s.slug, s.id]));
  return (hints) => {
    const match = matchService(hints, candidates);
    return match ? (idBySlug.get(match.slug) ?? null) : null;
  };
}

/**
 * Alerts are upserted by fingerprint (a re-fire moves last-seen, a resolve sets ends-at);
 * changes are inserted once per external id. PagerDuty events become timeline entries
 * during correlation, which knows the matching incident.
 */
export async function storeNormalizedEvents(tx: Queryable, input: StoreInput): Promise<void> {
  const resolveService = await loadServiceResolver(tx, input.organizationId);
  for (const event of input.events) {
    if (event.type === "alert") await upsertAlert(tx, input, event, resolveService(event.hints));
    else if (event.type === "change") await insertChange(tx, input, event, resolveService(event.hints));
  }
}

async function upsertAlert(tx: Queryable, input: StoreInput, event: NormalizedAlert, serviceId: string | null) {
  const now = new Date();
  const values = {
    name: event.name,
    status: event.status,
    severity: event.severity,
    serviceId,
    labels: event.labels,
    annotations: event.annotations,
    runbookUrl: event.runbookUrl,
    summary: event.summary,
    generatorUrl: event.generatorUrl,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    lastSeenAt: now,
  };
  await tx
    .insert(alert)
    .values({ id: randomUUID(), organizationId: input.organizationId, integrationId: input.integrationId, fingerprint: event.fingerprint, firstSeenAt: now, ...values })
    .onConflictDoUpdate({
      target: [alert.organizationId, alert.fingerprint],
      // A late, out-of-order delivery must not move an alert back in time.
      set: { ...values, integrationId: input.integrationId },
      setWhere: sql`${alert.startsAt} <= ${event.startsAt.toISOString()}::timestamptz`,
    });
}

async function insertChange(tx: Queryable, input: StoreInput, event: NormalizedChange, serviceId: string | null) {
  await tx
    .insert(changeEvent)
    .values({
      id: randomUUID(),
      organizationId: input.organizationId,
      integrationId: input.integrationId,
      deliveryId: input.deliveryId,
      kind: event.kind,
      serviceId,
      environment: event.environment,
      revision: event.revision,
      title: event.title,
      description: event.description,
      actor: event.actor,
      url: event.url,
      source: input.source,
      externalId: event.externalId,
      hints: event.hints as Record<string, unknown>,
      occurredAt: event.occurredAt,
    })
    .onConflictDoNothing();
}
