import { requirePermission, type ServiceContext } from "../context";
import { findRunbook } from "./internal";
import { toRunbookViews, type RunbookView } from "./views";

export async function getRunbook(ctx: ServiceContext, id: string): Promise<RunbookView> {
  requirePermission(ctx, "incident:read");
  return (await toRunbookViews(ctx.db, [await findRunbook(ctx.db, ctx.organizationId, id)]))[0]!;
}
