import type { Database } from "@/db/client";
import { addPostmortemAuthors } from "./internal";

/** For the collaboration server: record who edited, in a transaction of its own. */
export async function recordPostmortemAuthors(db: Database, postmortemId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  return db.transaction((tx) => addPostmortemAuthors(tx, postmortemId, userIds));
}
