import { requirePermission, type ServiceContext } from "../context";
import { assertTemplateKey, resolveTemplate } from "./internal";
import type { PostmortemTemplateView } from "./views";

export async function getPostmortemTemplate(ctx: ServiceContext, key: string): Promise<PostmortemTemplateView> {
  requirePermission(ctx, "incident:read");
  return resolveTemplate(ctx.db, ctx.organizationId, assertTemplateKey(key));
}
