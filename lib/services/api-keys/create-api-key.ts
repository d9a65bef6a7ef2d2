import { randomBytes, randomUUID } from "node:crypto";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/auth/api-key-hash";
import { apiKey } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createApiKeyInput } from "./inputs";
import { toApiKeyView, type ApiKeyView } from "./views";

/** Creates a key; the secret is in the answer only, never stored or shown again. */
export async function createApiKey(ctx: ServiceContext, rawInput: unknown): Promise<ApiKeyView & { key: string }> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(createApiKeyInput, rawInput);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiKey)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        name: input.name,
        role: input.role,
        prefix: key.slice(0, 12),
        keyHash: hashApiKey(key),
        createdBy: ctx.actor.label,
      })
      .returning();
    const view = toApiKeyView(row!);
    await recordAudit(tx, { ...auditFrom(ctx), action: "api_key.created", targetType: "api_key", targetId: row!.id, after: view });
    return { ...view, key };
  });
}
