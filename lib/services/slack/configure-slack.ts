import { and, eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { SlackApiError, testSlackAuth } from "@/lib/integrations/slack/slack-client";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput, ValidationError } from "../errors";
import { encryptIntegrationSecret } from "../integration-secrets";
import { configureSlackInput } from "./inputs";
import { slackApiUrl, toConnectionView } from "./internal";
import { readSlackSettings, type SlackConnectionView } from "./views";

/**
 * PUT /api/v1/integrations/{id}/slack: a pasted bot token (checked with auth.test first, which
 * names the workspace and bot, so a wrong token is a 422 and not a silent failure later) and
 * signing secret for self-hosted installs, and the channel settings. Secrets are stored
 * encrypted and never written to the audit trail.
 */
export async function configureSlack(ctx: ServiceContext, integrationId: string, rawInput: unknown): Promise<SlackConnectionView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(configureSlackInput, rawInput);
  const identity = input.botToken
    ? await testSlackAuth({ apiUrl: slackApiUrl(), token: input.botToken }).catch((error: unknown) => {
        if (error instanceof SlackApiError && !error.retryAfter && !error.code.startsWith("http_") && error.code !== "unreachable") {
          throw new ValidationError(`Slack refused the bot token: ${error.code}`, [{ field: "botToken", message: `Slack answered ${error.code}` }]);
        }
        throw error;
      })
    : null;
  const tokenEncrypted = input.botToken ? await encryptIntegrationSecret(input.botToken) : undefined;
  const secretEncrypted = input.signingSecret ? await encryptIntegrationSecret(input.signingSecret) : undefined;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(integration)
      .where(and(eq(integration.id, integrationId), eq(integration.organizationId, ctx.organizationId), eq(integration.kind, "slack")))
      .for("update");
    if (!row) throw new NotFoundError(`Slack integration ${integrationId}`);
    const before = readSlackSettings(row.settings);
    const { botToken: _token, signingSecret: _secret, echo, ...plain } = input;
    const settings = {
      ...before,
      ...plain,
      echo: { ...before.echo, ...echo },
      ...(identity ? { teamId: identity.teamId, teamName: identity.team, botUserId: identity.userId, botName: identity.user, installedVia: "token" as const } : {}),
      ...(secretEncrypted ? { signingSecretSet: true } : {}),
    };
    const [updated] = await tx
      .update(integration)
      .set({ settings, ...(tokenEncrypted ? { tokenEncrypted } : {}), ...(secretEncrypted ? { secretEncrypted, secretRotatedAt: new Date() } : {}) })
      .where(eq(integration.id, row.id))
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "integration.slack_configured",
      targetType: "integration",
      targetId: row.id,
      before,
      after: { ...settings, botTokenChanged: Boolean(tokenEncrypted), signingSecretChanged: Boolean(secretEncrypted) },
    });
    return toConnectionView(updated!);
  });
}
