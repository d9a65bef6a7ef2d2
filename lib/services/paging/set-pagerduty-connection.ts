import { pagerdutyConnection } from "@/db/schema";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { encryptIntegrationSecret } from "../integration-secrets";
import { setPagerDutyConnectionInput } from "./inputs";
import { forgetOnCall } from "./internal";
import type { PagerDutyConnectionView } from "./views";

const DEFAULT_API_URL = "https://api.pagerduty.com";
const DEFAULT_EVENTS_URL = "https://events.pagerduty.com";

/** Saves the PagerDuty API token and routing key (encrypted at rest, never returned). Admins only. */
export async function setPagerDutyConnection(ctx: ServiceContext, rawInput: unknown): Promise<PagerDutyConnectionView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(setPagerDutyConnectionInput, rawInput);
  const tokenEncrypted = await encryptIntegrationSecret(input.apiToken);
  const routingKeyEncrypted = input.routingKey ? await encryptIntegrationSecret(input.routingKey) : null;
  const apiUrl = input.apiUrl ?? DEFAULT_API_URL;
  const eventsUrl = input.eventsUrl ?? DEFAULT_EVENTS_URL;
  const now = new Date();
  return withTransaction(ctx, async (tx) => {
    const values = { apiUrl, eventsUrl, tokenEncrypted, ...(routingKeyEncrypted ? { routingKeyEncrypted } : {}), createdBy: ctx.actor.id ?? ctx.actor.label, updatedAt: now };
    const [row] = await tx
      .insert(pagerdutyConnection)
      .values({ organizationId: ctx.organizationId, ...values })
      .onConflictDoUpdate({ target: pagerdutyConnection.organizationId, set: values })
      .returning();
    const routingKeySet = row!.routingKeyEncrypted !== null;
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "pagerduty_connection.set",
      targetType: "pagerduty_connection",
      targetId: ctx.organizationId,
      // Neither the token nor the routing key goes into the audit trail.
      after: { apiUrl, eventsUrl, routingKeySet },
    });
    forgetOnCall(ctx.organizationId);
    return { connected: true, apiUrl, eventsUrl, routingKeySet, updatedAt: now.toISOString() };
  });
}
