import { and, eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { encryptIntegrationSecret } from "../integration-secrets";
import { setIntegrationSecretInput } from "./inputs";
import { toIntegrationView, withSetup, type IntegrationWithSetup } from "./views";

/**
 * Some senders generate the signing secret themselves (PagerDuty v3 webhooks show theirs
 * once), so an admin can set the secret Logbook verifies with instead of rotating to a
 * new random one. The secret is never written to the audit trail.
 */
export async function setIntegrationSecret(ctx: ServiceContext, integrationId: string, rawInput: unknown): Promise<IntegrationWithSetup & { secret: string }> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(setIntegrationSecretInput, rawInput);
  const secretEncrypted = await encryptIntegrationSecret(input.secret);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(integration)
      .set({ secretEncrypted, secretRotatedAt: new Date() })
      .where(and(eq(integration.id, integrationId), eq(integration.organizationId, ctx.organizationId)))
      .returning();
    if (!row) throw new NotFoundError(`Integration ${integrationId}`);
    const view = toIntegrationView(row);
    await recordAudit(tx, { ...auditFrom(ctx), action: "integration.secret_set", targetType: "integration", targetId: row.id, after: { ...view, secretSource: "sender" } });
    return { ...withSetup(view, input.secret), secret: input.secret };
  });
}
