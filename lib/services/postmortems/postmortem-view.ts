import { and, asc, eq, inArray } from "drizzle-orm";
import { postmortem, postmortemApproval, postmortemRevision, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { PostmortemStatus } from "@/lib/core/postmortem-workflow";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { NotFoundError } from "../errors";

export type PostmortemRow = typeof postmortem.$inferSelect;

export interface PersonName {
  id: string;
  name: string;
}

/** The public shape of a postmortem (API.md "Postmortems and action items"). */
export interface PostmortemView {
  id: string;
  incidentId: string;
  status: PostmortemStatus;
  revision: number;
  template: string;
  content: PostmortemDoc;
  text: string;
  authors: PersonName[];
  approvals: Array<PersonName & { approvedAt: string }>;
  publishedRevisions: Array<{ revision: number; sha256: string; publishedAt: string; publishedBy: string }>;
  createdAt: string;
  updatedAt: string;
}

/**
 * A postmortem of the organisation by id. Another organisation's postmortem is "not
 * found", never "forbidden", so ids leak nothing.
 */
export async function findPostmortem(db: Queryable, organizationId: string, id: string, forUpdate = false): Promise<PostmortemRow> {
  const query = db
    .select()
    .from(postmortem)
    .where(and(eq(postmortem.organizationId, organizationId), eq(postmortem.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Postmortem ${id}`);
  return row;
}

/** Approvals of the revision being reviewed, oldest first, with the approvers' names. */
export async function loadApprovals(db: Queryable, row: PostmortemRow): Promise<PostmortemView["approvals"]> {
  const rows = await db
    .select({ id: postmortemApproval.userId, name: user.name, email: user.email, approvedAt: postmortemApproval.approvedAt })
    .from(postmortemApproval)
    .innerJoin(user, eq(user.id, postmortemApproval.userId))
    .where(and(eq(postmortemApproval.postmortemId, row.id), eq(postmortemApproval.revision, row.revision)))
    .orderBy(asc(postmortemApproval.approvedAt), asc(postmortemApproval.userId));
  return rows.map((r) => ({ id: r.id, name: r.name || r.email, approvedAt: r.approvedAt.toISOString() }));
}

export async function loadPeople(db: Queryable, ids: string[]): Promise<PersonName[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.name || r.email]));
  // Keep the order in which people started editing; users deleted since are named by id.
  return ids.map((id) => ({ id, name: byId.get(id) ?? id }));
}

export async function loadPostmortemView(db: Queryable, row: PostmortemRow): Promise<PostmortemView> {
  const [authors, approvals, revisions] = await Promise.all([
    loadPeople(db, row.authorIds),
    loadApprovals(db, row),
    db
      .select({
        revision: postmortemRevision.revision,
        sha256: postmortemRevision.sha256,
        publishedAt: postmortemRevision.publishedAt,
        publishedBy: postmortemRevision.publishedBy,
      })
      .from(postmortemRevision)
      .where(eq(postmortemRevision.postmortemId, row.id))
      .orderBy(asc(postmortemRevision.revision)),
  ]);
  return {
    id: row.id,
    incidentId: row.incidentId,
    status: row.status as PostmortemStatus,
    revision: row.revision,
    template: row.template,
    content: row.content as PostmortemDoc,
    text: row.text,
    authors,
    approvals,
    publishedRevisions: revisions.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
