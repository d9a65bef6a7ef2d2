import { randomBytes, randomUUID } from "node:crypto";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/auth/api-key-hash";
import { z } from "zod";
import { apiKey } from "@/db/schema";
import { ORG_ROLES } from "@/lib/core/roles";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { toApiKeyView, type ApiKeyView } from "./api-key-view";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  role: z.enum(ORG_ROLES),
});

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
