import { createHmac, randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/services/context";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import type { Database } from "@/db/client";
import { receiveDelivery } from "@/lib/services/ingest/receive-delivery";
import { demoChangeDeliveries, demoTriageAlerts, type DemoDelivery, type DemoSender } from "./demo-ingest-deliveries";

const DEMO_INTEGRATIONS: Record<DemoSender, { kind: DemoSender; name: string }> = {
  alertmanager: { kind: "alertmanager", name: "Prometheus (prod)" },
  github: { kind: "github", name: "GitHub demo-bank" },
  flux: { kind: "flux", name: "Flux prod cluster" },
};

function signedHeaders(delivery: DemoDelivery, body: Buffer, secret: string): Record<string, string> {
  const key = delivery.badSignature ? "a-secret-from-before-the-rotation" : secret;
  const hmac = `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": `demo-${delivery.sender}` };
  if (delivery.sender === "alertmanager") headers.authorization = `Bearer ${key}`;
  if (delivery.sender === "flux") headers["x-signature"] = hmac;
  if (delivery.sender === "github") {
    headers["x-hub-signature-256"] = hmac;
    headers["x-github-event"] = delivery.event ?? "ping";
    headers["x-github-delivery"] = randomUUID();
  }
  return headers;
}

/**
 * The demo's integrations and what they delivered over the last two days: deploys, merges,
 * releases and Flux reconciliations in the change feed, a rejected delivery, and warnings
 * waiting in triage. Each delivery goes through the real pipeline with a real signature,
 * received at its past time; the worker correlates the alerts once the server runs.
 */
export async function seedDemoIngest(ctx: ServiceContext, now: Date = new Date()): Promise<void> {
  // Integration secrets are encrypted under the server's key; without one (a bare CLI run)
  // there is nothing the server could decrypt later, so the ingest demo is left out.
  if (!process.env.BETTER_AUTH_SECRET) return;
  const created = {} as Record<DemoSender, { id: string; secret: string }>;
  for (const sender of Object.keys(DEMO_INTEGRATIONS) as DemoSender[]) {
    const integration = await createIntegration(ctx, DEMO_INTEGRATIONS[sender]);
    created[sender] = { id: integration.id, secret: integration.secret };
  }
  // One transaction for the lot: a commit per delivery would cost more than the deliveries.
  await ctx.db.transaction(async (tx) => {
    for (const delivery of [...demoChangeDeliveries(now), demoTriageAlerts(now)]) {
      const { id, secret } = created[delivery.sender];
      const body = Buffer.from(JSON.stringify(delivery.body), "utf8");
      const receivedAt = new Date(now.getTime() - delivery.agoMs);
      await receiveDelivery(tx as unknown as Database, id, { headers: signedHeaders(delivery, body, secret), body, receivedAt });
    }
  });
}
