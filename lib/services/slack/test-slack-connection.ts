import { SlackApiError, testSlackAuth } from "@/lib/integrations/slack/slack-client";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { loadSlackInstallation } from "./load-slack-installation";

/** The connection test: auth.test with the stored token — the workspace and bot it belongs to, or Slack's reason. */
export async function testSlackConnection(
  ctx: ServiceContext,
  integrationId: string,
): Promise<{ ok: true; team: string; teamId: string; bot: string; botUserId: string } | { ok: false; error: string }> {
  requirePermission(ctx, "settings:manage");
  const slack = await loadSlackInstallation(ctx.db, integrationId);
  if (!slack || slack.organizationId !== ctx.organizationId) throw new NotFoundError(`Slack integration ${integrationId}`);
  if (!slack.botToken) return { ok: false, error: "No bot token yet: install the app (Add to Slack) or paste a bot token." };
  try {
    const identity = await testSlackAuth(slack.access);
    return { ok: true, team: identity.team, teamId: identity.teamId, bot: identity.user, botUserId: identity.userId };
  } catch (error) {
    if (error instanceof SlackApiError) return { ok: false, error: `Slack answered ${error.code}` };
    throw error;
  }
}
