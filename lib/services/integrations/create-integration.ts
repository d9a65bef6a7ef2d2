import { randomUUID } from "node:crypto";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { encryptIntegrationSecret, generateIntegrationSecret } from "../integration-secrets";
import { createIntegrationInput } from "./inputs";
import { toIntegrationView, withSetup, type IntegrationWithSetup } from "./views";

/** The secret is in this answer only; afterwards it can be rotated, never read back. */
export async function createIntegration(ctx: ServiceContext, rawInput: unknown): Promise<IntegrationWithSetup & { secret: string }> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(createIntegrationInput, rawInput);
  const secret = generateIntegrationSecret();
  const secretEncrypted = await encryptIntegrationSecret(secret);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(integration)
      .values({ id: randomUUID(), organizationId: ctx.organizationId, kind: input.kind, name: input.name, secretEncrypted })
      .returning();
    const view = toIntegrationView(row!);
    await recordAudit(tx, { ...auditFrom(ctx), action: "integration.created", targetType: "integration", targetId: row!.id, after: view });
    return { ...withSetup(view, secret), secret };
  });
}
