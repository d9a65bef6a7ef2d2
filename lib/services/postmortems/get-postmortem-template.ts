import { requirePermission, type ServiceContext } from "../context";
import { assertTemplateKey, resolveTemplate, type PostmortemTemplateView } from "./postmortem-templates";

export async function getPostmortemTemplate(ctx: ServiceContext, key: string): Promise<PostmortemTemplateView> {
  requirePermission(ctx, "incident:read");
  return resolveTemplate(ctx.db, ctx.organizationId, assertTemplateKey(key));
}
