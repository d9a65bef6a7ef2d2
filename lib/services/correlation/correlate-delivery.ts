import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { getIngestAdapter } from "@/lib/ingest/registry";
import type { IngestSource, NormalizedAlert } from "@/lib/ingest/types";
import { NO_REQUEST, type ServiceContext } from "../context";
import { selectRows } from "../knowledge/sql-rows";
import { correlateAlerts } from "./correlate-alert";
import { applyPagerDutyEvent } from "./apply-pagerduty-event";
import { loadCorrelationSettings } from "./correlation-settings";

interface LockedDelivery {
  organization_id: string;
  status: string;
  correlated_at: string | Date | null;
}

interface DeliveryToCorrelate {
  correlated_at: string | Date | null;
  headers: Record<string, string>;
  body: string;
  received_at: string | Date;
  integration_id: string;
  kind: string;
  name: string;
}

/**
 * Runs after a delivery has committed: groups its alerts into incidents and puts its
 * PagerDuty events on their incidents. One transaction per delivery, serialised per
 * organisation, and marked done in that transaction, so it can run again after a crash
 * and two concurrent deliveries of one alert group never open two incidents.
 */
export async function correlateDelivery(db: Database, deliveryId: string): Promise<void> {
  await db.transaction(async (tx) => {
    // The organisation's lock is taken in the same statement that finds the delivery.
    const [locked] = await selectRows<LockedDelivery & { locked: unknown }>(
      tx,
      sql`select organization_id, status, correlated_at, pg_advisory_xact_lock(hashtextextended('correlate:' || organization_id, 0)) as locked
          from webhook_delivery where id = ${deliveryId}`,
    );
    if (!locked || locked.status !== "accepted" || locked.correlated_at) return;
    // Re-read under the lock: another worker may have finished it meanwhile.
    const [delivery] = await selectRows<DeliveryToCorrelate>(
      tx,
      sql`select d.correlated_at, d.headers, d.body, d.received_at, i.id as integration_id, i.kind, i.name
          from webhook_delivery d join integration i on i.id = d.integration_id
          where d.id = ${deliveryId} for update of d`,
    );
    if (!delivery || delivery.correlated_at) return;
    const parsed = getIngestAdapter(delivery.kind as IngestSource).parse({
      headers: delivery.headers,
      body: Buffer.from(delivery.body, "utf8"),
      receivedAt: new Date(delivery.received_at),
    });
    const actor: Actor = { type: "integration", id: delivery.integration_id, label: delivery.name };
    // Integrations act with a responder's rights: they may declare and update incidents.
    const ctx: ServiceContext = { db: tx as unknown as Database, actor, organizationId: locked.organization_id, role: "responder", request: NO_REQUEST };
    const settings = await loadCorrelationSettings(tx, locked.organization_id);
    await correlateAlerts(ctx, parsed.events.filter((e): e is NormalizedAlert => e.type === "alert"), settings);
    for (const event of parsed.events) {
      if (event.type === "pagerduty") await applyPagerDutyEvent(ctx, event);
    }
    await tx.execute(sql`update webhook_delivery set correlated_at = now() where id = ${deliveryId}`);
  });
}
