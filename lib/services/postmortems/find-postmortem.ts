import { and, eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError } from "../errors";
import type { PostmortemRow } from "./views";

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
