import { and, eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toConnectionView } from "./internal";
import type { SlackConnectionView } from "./views";

/** A Slack integration's settings, endpoint URLs, install link and scopes (never its secrets). */
export async function getSlackConnection(ctx: ServiceContext, integrationId: string): Promise<SlackConnectionView> {
  requirePermission(ctx, "incident:read");
  const [row] = await ctx.db
    .select()
    .from(integration)
    .where(and(eq(integration.id, integrationId), eq(integration.organizationId, ctx.organizationId), eq(integration.kind, "slack")));
  if (!row) throw new NotFoundError(`Slack integration ${integrationId}`);
  return toConnectionView(row);
}
