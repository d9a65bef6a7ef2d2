import { and, asc, eq, gt } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { verifyAuditChain, type ChainVerdict } from "@/lib/core/audit-chain";
import { toChainedEntry } from "./views";

const BATCH = 2000;

/** Reads the organisation's whole chain in seq order, in batches, and checks every link. */
export async function verifyOrganizationAuditChain(db: Queryable, organizationId: string): Promise<ChainVerdict> {
  async function* entries() {
    let after = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, organizationId), gt(auditLog.seq, after)))
        .orderBy(asc(auditLog.seq))
        .limit(BATCH);
      for (const row of rows) yield toChainedEntry(row);
      if (rows.length < BATCH) return;
      after = rows.at(-1)!.seq;
    }
  }
  const collected = [];
  for await (const entry of entries()) collected.push(entry);
  return verifyAuditChain(collected);
}
