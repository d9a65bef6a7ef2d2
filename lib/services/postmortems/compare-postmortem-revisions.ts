import { compareDocuments } from "@/lib/documents/compare";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { requirePermission, type ServiceContext } from "../context";
import { findPostmortem } from "./find-postmortem";
import { loadPublishedRevision, parseRevisionNumber } from "./internal";
import type { PostmortemComparisonView, PostmortemRow } from "./views";

/** A published revision's content, or the draft being written when it is not published yet. */
async function contentOf(ctx: ServiceContext, row: PostmortemRow, revision: number): Promise<PostmortemDoc> {
  if (revision === row.revision && row.status !== "published") return row.content as PostmortemDoc;
  return (await loadPublishedRevision(ctx.db, row, revision)).content;
}

/** Block-level differences between two revisions (`to` may be the current draft). */
export async function comparePostmortemRevisions(ctx: ServiceContext, id: string, query: { from?: unknown; to?: unknown }): Promise<PostmortemComparisonView> {
  requirePermission(ctx, "incident:read");
  const from = parseRevisionNumber(query.from, "from");
  const to = parseRevisionNumber(query.to, "to");
  const row = await findPostmortem(ctx.db, ctx.organizationId, id);
  const [a, b] = await Promise.all([contentOf(ctx, row, from), contentOf(ctx, row, to)]);
  return { from, to, ...compareDocuments(a, b) };
}
