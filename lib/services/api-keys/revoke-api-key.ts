import { and, eq, isNull } from "drizzle-orm";
import { apiKey } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { toApiKeyView, type ApiKeyView } from "./views";

export async function revokeApiKey(ctx: ServiceContext, keyId: string): Promise<ApiKeyView> {
  requirePermission(ctx, "settings:manage");
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(apiKey)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKey.id, keyId), eq(apiKey.organizationId, ctx.organizationId), isNull(apiKey.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError(`Active API key ${keyId}`);
    const view = toApiKeyView(row);
    await recordAudit(tx, { ...auditFrom(ctx), action: "api_key.revoked", targetType: "api_key", targetId: row.id, after: view });
    return view;
  });
}
