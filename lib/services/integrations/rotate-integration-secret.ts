import { and, eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { encryptIntegrationSecret, generateIntegrationSecret } from "../integration-secrets";
import { toIntegrationView, withSetup, type IntegrationWithSetup } from "./views";

/** Replaces the secret at once: deliveries signed with the old one are refused from now on. */
export async function rotateIntegrationSecret(ctx: ServiceContext, integrationId: string): Promise<IntegrationWithSetup & { secret: string }> {
  requirePermission(ctx, "settings:manage");
  const secret = generateIntegrationSecret();
  const secretEncrypted = await encryptIntegrationSecret(secret);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(integration)
      .set({ secretEncrypted, secretRotatedAt: new Date() })
      .where(and(eq(integration.id, integrationId), eq(integration.organizationId, ctx.organizationId)))
      .returning();
    if (!row) throw new NotFoundError(`Integration ${integrationId}`);
    const view = toIntegrationView(row);
    await recordAudit(tx, { ...auditFrom(ctx), action: "integration.secret_rotated", targetType: "integration", targetId: row.id, after: view });
    return { ...withSetup(view, secret), secret };
  });
}
