import { eq } from "drizzle-orm";
import { regulatoryReport } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError } from "../errors";

/** The organisation a report belongs to, for the operator's CLI, which is given only the report's id. */
export async function findReportOrganization(db: Queryable, reportId: string): Promise<string> {
  const [row] = await db.select({ organizationId: regulatoryReport.organizationId }).from(regulatoryReport).where(eq(regulatoryReport.id, reportId)).limit(1);
  if (!row) throw new NotFoundError(`Report ${reportId}`);
  return row.organizationId;
}
