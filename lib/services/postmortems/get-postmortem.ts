import { requirePermission, type ServiceContext } from "../context";
import { findPostmortem } from "./find-postmortem";
import { loadPostmortemView, type PostmortemView } from "./views";

export async function getPostmortem(ctx: ServiceContext, id: string): Promise<PostmortemView> {
  requirePermission(ctx, "incident:read");
  return loadPostmortemView(ctx.db, await findPostmortem(ctx.db, ctx.organizationId, id));
}
