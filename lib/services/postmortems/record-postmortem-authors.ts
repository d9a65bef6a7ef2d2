import { eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import type { Database, Queryable } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { recordAudit } from "../audit/record-audit";
import { NO_REQUEST } from "../context";
import { NotFoundError } from "../errors";

/** Saves from the collaboration server are attributed to it; the editing users are named in the row. */
export const COLLABORATION_ACTOR: Actor = { type: "system", id: null, label: "collaboration server" };

/**
 * Adds users to the postmortem's authors (four eyes: authors cannot approve it). Runs in
 * the caller's transaction; returns the users that were not authors before.
 */
export async function addPostmortemAuthors(tx: Queryable, postmortemId: string, userIds: string[]): Promise<string[]> {
  const [row] = await tx
    .select({ organizationId: postmortem.organizationId, authorIds: postmortem.authorIds })
    .from(postmortem)
    .where(eq(postmortem.id, postmortemId))
    .for("update");
  if (!row) throw new NotFoundError(`Postmortem ${postmortemId}`);
  const added = [...new Set(userIds)].filter((id) => !row.authorIds.includes(id));
  if (added.length === 0) return [];
  await tx
    .update(postmortem)
    .set({ authorIds: [...row.authorIds, ...added] })
    .where(eq(postmortem.id, postmortemId));
  await recordAudit(tx, {
    organizationId: row.organizationId,
    actor: COLLABORATION_ACTOR,
    request: NO_REQUEST,
    action: "postmortem.authors_added",
    targetType: "postmortem",
    targetId: postmortemId,
    before: { authorIds: row.authorIds },
    after: { authorIds: [...row.authorIds, ...added] },
  });
  return added;
}

/** For the collaboration server: record who edited, in a transaction of its own. */
export async function recordPostmortemAuthors(db: Database, postmortemId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  return db.transaction((tx) => addPostmortemAuthors(tx, postmortemId, userIds));
}
