import { getDatabase } from "@/db/client";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { SlackApiError } from "@/lib/integrations/slack/slack-client";
import { logger } from "@/lib/logger";
import { ServiceError } from "@/lib/services/errors";
import { completeSlackInstall } from "@/lib/services/slack/complete-slack-install";

/**
 * Slack's OAuth v2 redirect lands here in the installing admin's browser: the code is
 * exchanged and the admin is sent back to Settings → Slack with the outcome in the query
 * (never the token), so the page can say "Installed in Acme" or why not.
 */
export async function answerSlackInstall(request: Request, context: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  const { integrationId } = await context.params;
  const query = new URL(request.url).searchParams;
  const back = new URL(`${publicBaseUrl()}/settings/slack`);
  try {
    if (query.get("error")) throw new ServiceError(400, "slack_denied", `Slack answered ${query.get("error")}`);
    const { teamName } = await completeSlackInstall(getDatabase().db, integrationId, { code: query.get("code"), state: query.get("state") });
    back.searchParams.set("installed", teamName);
  } catch (error) {
    if (!(error instanceof ServiceError) && !(error instanceof SlackApiError)) logger.error({ err: error }, "Slack install failed");
    back.searchParams.set("installError", error instanceof ServiceError || error instanceof SlackApiError ? error.message : "the install failed; see the server log");
  }
  return Response.redirect(back.toString(), 303);
}
