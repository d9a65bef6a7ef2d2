import { requirePermission, type ServiceContext } from "../context";
import { findPostmortem } from "./find-postmortem";
import { loadPublishedRevision, parseRevisionNumber } from "./internal";
import type { PostmortemRevisionView } from "./views";

export async function getPostmortemRevision(ctx: ServiceContext, id: string, revision: unknown): Promise<PostmortemRevisionView> {
  requirePermission(ctx, "incident:read");
  const n = parseRevisionNumber(revision, "revision");
  const row = await findPostmortem(ctx.db, ctx.organizationId, id);
  return loadPublishedRevision(ctx.db, row, n);
}
