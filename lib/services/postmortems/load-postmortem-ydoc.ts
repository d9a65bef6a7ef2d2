import { and, eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { ydocStateFromJson } from "./internal";

/**
 * The load path of the collaboration server: the postmortem's Yjs state, or null when the
 * organisation has no such postmortem. A postmortem created before collaboration existed
 * has JSON only: Yjs starts from it.
 */
export async function loadPostmortemYdoc(db: Queryable, organizationId: string, postmortemId: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ ydoc: postmortem.ydoc, content: postmortem.content })
    .from(postmortem)
    .where(and(eq(postmortem.organizationId, organizationId), eq(postmortem.id, postmortemId)))
    .limit(1);
  if (!row) return null;
  return row.ydoc ?? ydocStateFromJson(row.content as PostmortemDoc);
}
