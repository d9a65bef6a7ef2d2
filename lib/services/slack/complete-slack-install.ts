import { eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import type { Database } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { exchangeSlackOAuthCode } from "@/lib/integrations/slack/slack-client";
import { readRuntimeConfig } from "@/lib/platform/runtime-config";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createServiceContext, withTransaction } from "../context";
import { ServiceError } from "../errors";
import { encryptIntegrationSecret } from "../integration-secrets";
import { isValidInstallState, slackApiUrl } from "./internal";
import { slackEndpointUrls } from "./slack-endpoint-urls";
import { loadSlackInstallation } from "./load-slack-installation";

/**
 * The OAuth v2 redirect (GET /api/slack/{id}/oauth?code&state): the state must be the one
 * this integration's install link carried (signed, 15 minutes); the code is exchanged with
 * oauth.v2.access for the bot token, stored encrypted with the workspace it belongs to.
 */
export async function completeSlackInstall(db: Database, integrationId: string, query: { code: string | null; state: string | null }): Promise<{ teamName: string }> {
  const slack = await loadSlackInstallation(db, integrationId);
  if (!slack) throw new ServiceError(404, "not_found", "No such Slack integration.");
  if (!query.code || !query.state || !isValidInstallState(integrationId, query.state)) throw new ServiceError(400, "invalid_state", "The install link expired or was not issued for this integration; start again from Settings → Slack.");
  const config = readRuntimeConfig();
  if (!config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET) throw new ServiceError(409, "slack_oauth_not_configured", "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are not set on this server.");
  const installed = await exchangeSlackOAuthCode(
    { apiUrl: slackApiUrl() },
    { clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET, code: query.code, redirectUri: slackEndpointUrls(integrationId).oauthRedirect },
  );
  const tokenEncrypted = await encryptIntegrationSecret(installed.botToken);
  const ctx = createServiceContext({ db, actor: { ...SYSTEM_ACTOR, label: "Slack install" }, organizationId: slack.organizationId, role: "admin" });
  await withTransaction(ctx, async (tx) => {
    const settings = { ...slack.settings, teamId: installed.teamId, teamName: installed.teamName, botUserId: installed.botUserId, installedVia: "oauth" as const };
    await tx.update(integration).set({ tokenEncrypted, settings }).where(eq(integration.id, integrationId));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "integration.slack_configured",
      targetType: "integration",
      targetId: integrationId,
      before: slack.settings,
      after: { ...settings, botTokenChanged: true, signingSecretChanged: false },
    });
  });
  return { teamName: installed.teamName };
}
