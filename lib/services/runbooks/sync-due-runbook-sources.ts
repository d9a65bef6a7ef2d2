import { and, isNotNull, isNull, lte, or } from "drizzle-orm";
import { runbookSource } from "@/db/schema";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";
import { syncRunbookSource } from "./sync-runbook-source";

/** The periodic job: every source whose next sync is due (or never synced). */
export async function syncDueRunbookSources(db: Database): Promise<void> {
  const due = await db
    .select({ id: runbookSource.id })
    .from(runbookSource)
    .where(or(isNull(runbookSource.nextSyncAt), and(isNotNull(runbookSource.nextSyncAt), lte(runbookSource.nextSyncAt, new Date()))));
  for (const { id } of due) {
    const outcome = await syncRunbookSource(db, id);
    logger.info({ sourceId: id, outcome }, "runbook source synced");
  }
}
