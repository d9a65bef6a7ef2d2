import { eq } from "drizzle-orm";
import { organizationSso } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { redirectUriFor } from "./internal";
import { toSsoSettingsView, type SsoSettingsView } from "./views";

/** GET /api/v1/sso: the organisation's single sign-on, or null when none is set up. */
export async function getSsoSettings(ctx: ServiceContext): Promise<SsoSettingsView | null> {
  requirePermission(ctx, "settings:manage");
  const [row] = await ctx.db.select().from(organizationSso).where(eq(organizationSso.organizationId, ctx.organizationId));
  return row ? toSsoSettingsView(row, redirectUriFor(row.providerId)) : null;
}
