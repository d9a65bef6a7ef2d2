import { and, asc, eq, gt } from "drizzle-orm";
import { auditCheckpoint, auditLog } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { GENESIS_HASH, verifyAuditChain, type ChainVerdict } from "@/lib/core/audit-chain";
import { toChainedEntry } from "./views";

const BATCH = 2000;

/**
 * Reads the organisation's whole chain in seq order, in batches, and checks every link and
 * that it ends at the head its checkpoint recorded (read first: rows written meanwhile only
 * extend the chain past it).
 */
export async function verifyOrganizationAuditChain(db: Queryable, organizationId: string): Promise<ChainVerdict> {
  const [head] = await db.select({ seq: auditCheckpoint.seq, hash: auditCheckpoint.hash }).from(auditCheckpoint).where(eq(auditCheckpoint.organizationId, organizationId));
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
  for await (const entry of entries()) {
    // Rows committed after the head was read are checked next time.
    if (head && entry.seq > head.seq) break;
    collected.push(entry);
  }
  // No checkpoint but rows: the head was removed, so none of the rows can be vouched for.
  return verifyAuditChain(collected, head ?? { seq: 0, hash: GENESIS_HASH });
}
