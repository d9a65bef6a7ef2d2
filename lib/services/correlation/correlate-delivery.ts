import { eq, sql } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { getIngestAdapter } from "@/lib/ingest/registry";
import type { IngestSource } from "@/lib/ingest/types";
import { NO_REQUEST, type ServiceContext } from "../context";
import { correlateAlert } from "./correlate-alert";
import { applyPagerDutyEvent } from "./apply-pagerduty-event";
import { loadCorrelationSettings } from "./correlation-settings";

/**
 * Runs after a delivery has committed: groups its alerts into incidents and puts its
 * PagerDuty events on their incidents. One transaction per delivery, serialised per
 * organisation, and marked done in that transaction, so it can run again after a crash
 * and two concurrent deliveries of one alert group never open two incidents.
 */
export async function correlateDelivery(db: Database, deliveryId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [delivery] = await tx.select().from(webhookDelivery).where(eq(webhookDelivery.id, deliveryId));
    if (!delivery || delivery.status !== "accepted" || delivery.correlatedAt) return;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"correlate:" + delivery.organizationId}, 0))`);
    // Re-read under the lock: another worker may have finished it meanwhile.
    const [fresh] = await tx.select({ correlatedAt: webhookDelivery.correlatedAt }).from(webhookDelivery).where(eq(webhookDelivery.id, deliveryId)).for("update");
    if (fresh?.correlatedAt) return;
    const [source] = await tx.select().from(integration).where(eq(integration.id, delivery.integrationId));
    if (!source) return;
    const parsed = getIngestAdapter(source.kind as IngestSource).parse({
      headers: delivery.headers,
      body: Buffer.from(delivery.body, "utf8"),
      receivedAt: delivery.receivedAt,
    });
    const actor: Actor = { type: "integration", id: source.id, label: source.name };
    // Integrations act with a responder's rights: they may declare and update incidents.
    const ctx: ServiceContext = { db: tx as unknown as Database, actor, organizationId: delivery.organizationId, role: "responder", request: NO_REQUEST };
    const settings = await loadCorrelationSettings(tx, delivery.organizationId);
    for (const event of parsed.events) {
      if (event.type === "alert") await correlateAlert(ctx, event, settings);
      else if (event.type === "pagerduty") await applyPagerDutyEvent(ctx, event);
    }
    await tx.update(webhookDelivery).set({ correlatedAt: new Date() }).where(eq(webhookDelivery.id, deliveryId));
  });
}
