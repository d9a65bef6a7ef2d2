import { Param, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { getIngestAdapter } from "@/lib/ingest/registry";
import type { IngestSource, NormalizedAlert } from "@/lib/ingest/types";
import { selectRows } from "@/db/raw-queries";
import { createServiceContext } from "../context";
import { syncRollbackPullRequest } from "../rollbacks/sync-rollback-pull-request";
import { applyPagerDutyEvent, correlateAlerts, loadCorrelationSettings, type OpenIncidentCache } from "./internal";

interface DeliveryToCorrelate {
  id: string;
  headers: Record<string, string>;
  body: string;
  received_at: string | Date;
  integration_id: string;
  kind: string;
  name: string;
}

const idArray = (ids: string[]) => sql`${new Param(ids)}::text[]`;

/**
 * Runs after deliveries have committed: groups their alerts into incidents, puts their
 * PagerDuty events on their incidents and moves rollbacks with their pull requests, in the
 * order they arrived. One transaction per
 * organisation, serialised per organisation by an advisory lock, and each delivery marked
 * done in that transaction, so it can run again after a crash and two concurrent deliveries
 * of one alert group never open two incidents. Several deliveries share the lock, the
 * settings and the services' open incidents (the worker hands over what queued up).
 */
export async function correlateDeliveries(db: Database, deliveryIds: string[]): Promise<void> {
  const pending = await selectRows<{ id: string; organization_id: string }>(
    db,
    sql`select id, organization_id from webhook_delivery where id = any(${idArray(deliveryIds)}) and status = 'accepted' and correlated_at is null`,
  );
  const byOrganization = new Map<string, string[]>();
  for (const row of pending) byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), row.id]);
  for (const [organizationId, ids] of byOrganization) await correlateForOrganization(db, organizationId, ids);
}

async function correlateForOrganization(db: Database, organizationId: string, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`correlate:${organizationId}`}, 0))`);
    // Read under the lock: another worker may have finished some meanwhile.
    const deliveries = await selectRows<DeliveryToCorrelate>(
      tx,
      sql`select d.id, d.headers, d.body, d.received_at, i.id as integration_id, i.kind, i.name
          from webhook_delivery d join integration i on i.id = d.integration_id
          where d.id = any(${idArray(ids)}) and d.correlated_at is null
          order by d.received_at, d.id for update of d`,
    );
    if (deliveries.length === 0) return;
    const settings = await loadCorrelationSettings(tx, organizationId);
    const openIncidents: OpenIncidentCache = new Map();
    for (const delivery of deliveries) {
      const parsed = getIngestAdapter(delivery.kind as IngestSource).parse({
        headers: delivery.headers,
        body: Buffer.from(delivery.body, "utf8"),
        receivedAt: new Date(delivery.received_at),
      });
      const actor: Actor = { type: "integration", id: delivery.integration_id, label: delivery.name };
      // Integrations act with a responder's rights: they may declare and update incidents.
      const ctx = createServiceContext({ db: tx, actor, organizationId, role: "responder" });
      await correlateAlerts(ctx, parsed.events.filter((e): e is NormalizedAlert => e.type === "alert"), settings, openIncidents);
      for (const event of parsed.events) {
        if (event.type === "pagerduty") await applyPagerDutyEvent(ctx, event);
        if (event.type === "pull_request") await syncRollbackPullRequest(ctx, event);
      }
    }
    await tx.execute(sql`update webhook_delivery set correlated_at = now() where id = any(${idArray(deliveries.map((d) => d.id))})`);
  });
}
