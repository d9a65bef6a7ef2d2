import { and, eq } from "drizzle-orm";
import { postmortemRevision } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { contentSha256 } from "@/lib/documents/content-hash";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { findPostmortem, type PostmortemRow } from "./postmortem-view";

export interface PostmortemRevisionView {
  postmortemId: string;
  revision: number;
  content: PostmortemDoc;
  text: string;
  sha256: string;
  /** the stored hash still matches the stored content */
  verified: boolean;
  publishedAt: string;
  publishedBy: string;
}

export function parseRevisionNumber(value: unknown, field: string): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ValidationError(`${field} must be a revision number (1 or more).`, [{ field, message: "must be an integer ≥ 1" }]);
  return n;
}

export async function loadPublishedRevision(db: Queryable, row: PostmortemRow, revision: number): Promise<PostmortemRevisionView> {
  const [found] = await db
    .select()
    .from(postmortemRevision)
    .where(and(eq(postmortemRevision.postmortemId, row.id), eq(postmortemRevision.revision, revision)))
    .limit(1);
  if (!found) throw new NotFoundError(`Published revision ${revision} of postmortem ${row.id}`);
  return {
    postmortemId: row.id,
    revision: found.revision,
    content: found.content as PostmortemDoc,
    text: found.text,
    sha256: found.sha256,
    verified: contentSha256(found.content) === found.sha256,
    publishedAt: found.publishedAt.toISOString(),
    publishedBy: found.publishedBy,
  };
}

export async function getPostmortemRevision(ctx: ServiceContext, id: string, revision: unknown): Promise<PostmortemRevisionView> {
  requirePermission(ctx, "incident:read");
  const n = parseRevisionNumber(revision, "revision");
  const row = await findPostmortem(ctx.db, ctx.organizationId, id);
  return loadPublishedRevision(ctx.db, row, n);
}
