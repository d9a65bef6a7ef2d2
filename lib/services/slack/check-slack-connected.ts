import { requirePermission, type ServiceContext } from "../context";
import { loadOrganizationSlack } from "./internal";

/** Whether the organisation has a Slack workspace connected with a bot token (pages offer Slack actions only then). */
export async function checkSlackConnected(ctx: ServiceContext): Promise<boolean> {
  requirePermission(ctx, "incident:read");
  return (await loadOrganizationSlack(ctx.db, ctx.organizationId)) !== null;
}
