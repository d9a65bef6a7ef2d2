import { and, eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toIntegrationView, withSetup, type IntegrationWithSetup } from "./views";

/** One integration with its setup snippet; the secret itself cannot be read back. */
export async function getIntegration(ctx: ServiceContext, integrationId: string): Promise<IntegrationWithSetup> {
  requirePermission(ctx, "incident:read");
  const [row] = await ctx.db
    .select()
    .from(integration)
    .where(and(eq(integration.id, integrationId), eq(integration.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError(`Integration ${integrationId}`);
  return withSetup(toIntegrationView(row));
}
