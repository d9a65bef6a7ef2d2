import { githubConnection } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { encryptIntegrationSecret } from "../integration-secrets";
import { setGitHubConnectionInput } from "./inputs";
import type { GitHubConnectionView } from "./views";

const DEFAULT_API_URL = "https://api.github.com";

/** Saves the organisation's GitHub token (encrypted at rest, never returned). Admins only. */
export async function setGitHubConnection(ctx: ServiceContext, rawInput: unknown): Promise<GitHubConnectionView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(setGitHubConnectionInput, rawInput);
  const tokenEncrypted = await encryptIntegrationSecret(input.token);
  const apiUrl = input.apiUrl ?? DEFAULT_API_URL;
  const now = new Date();
  return withTransaction(ctx, async (tx) => {
    const userLogins = Object.fromEntries(Object.entries(input.userLogins ?? {}).map(([email, login]) => [email.toLowerCase(), login]));
    const values = { apiUrl, tokenEncrypted, account: input.account ?? null, ...(input.userLogins ? { userLogins } : {}), createdBy: ctx.actor.id ?? ctx.actor.label, updatedAt: now };
    await tx
      .insert(githubConnection)
      .values({ organizationId: ctx.organizationId, ...values })
      .onConflictDoUpdate({ target: githubConnection.organizationId, set: values });
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "github_connection.set",
      targetType: "github_connection",
      targetId: ctx.organizationId,
      // The token itself never goes into the audit trail.
      after: { apiUrl, account: input.account ?? null },
    });
    return { connected: true, apiUrl, account: input.account ?? null, updatedAt: now.toISOString() };
  });
}
