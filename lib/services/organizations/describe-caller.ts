import { eq } from "drizzle-orm";
import { organization } from "@/db/schema";
import { permissionsOf } from "@/lib/core/roles";
import { requirePermission, type ServiceContext } from "../context";
import type { CallerView } from "./views";

/** Who the caller is to Logbook: actor, organisation, role and what that role allows. */
export async function describeCaller(ctx: ServiceContext): Promise<CallerView> {
  // Every role reads incidents, so every member may ask who they are.
  requirePermission(ctx, "incident:read");
  const [org] = await ctx.db
    .select({ id: organization.id, slug: organization.slug, name: organization.name })
    .from(organization)
    .where(eq(organization.id, ctx.organizationId));
  return { actor: ctx.actor, organization: org, role: ctx.role, permissions: permissionsOf(ctx.role) };
}
