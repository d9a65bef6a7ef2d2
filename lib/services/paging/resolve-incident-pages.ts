import { and, eq, inArray } from "drizzle-orm";
import { incidentPage } from "@/db/schema";
import type { Database } from "@/db/client";
import { enqueueJob, PAGERDUTY_PAGE_JOB } from "@/lib/jobs/job-payloads";

/**
 * The incident resolved: each of its pages is resolved in PagerDuty (a job per page, retried
 * alone), and a page never sent is simply closed (nobody was paged).
 */
export async function resolveIncidentPages(db: Database, incidentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const pages = await tx
      .select()
      .from(incidentPage)
      .where(and(eq(incidentPage.incidentId, incidentId), inArray(incidentPage.status, ["queued", "triggered", "acknowledged"])))
      .for("update");
    const now = new Date();
    for (const page of pages) {
      if (page.status === "queued") {
        await tx.update(incidentPage).set({ status: "resolved", resolvedAt: now, updatedAt: now }).where(eq(incidentPage.id, page.id));
        continue;
      }
      await tx.update(incidentPage).set({ status: "resolving", updatedAt: now }).where(eq(incidentPage.id, page.id));
      await enqueueJob(tx, PAGERDUTY_PAGE_JOB, { pageId: page.id, action: "resolve" }, { organizationId: page.organizationId });
    }
  });
}
