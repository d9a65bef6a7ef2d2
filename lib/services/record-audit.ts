import { eq, sql } from "drizzle-orm";
import { auditCheckpoint, auditLog } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { GENESIS_HASH, hashAuditEntry, type AuditContent } from "@/lib/core/audit-chain";
import type { Actor } from "@/lib/core/actor";
import type { AuditAction, AuditChange } from "@/lib/core/audit-actions";
import type { RequestMeta, ServiceContext } from "./context";

/**
 * One audit row to append: who and where (from the verb's context), what (an action of the
 * catalogue in lib/core/audit-actions.ts, with the before/after shapes it declares) and on
 * which object. A misspelt action or a missing field of its shape does not compile.
 */
export type AuditEntryInput<A extends AuditAction = AuditAction> = {
  organizationId: string;
  actor: Actor;
  request: RequestMeta;
  targetId: string | null;
} & AuditChange<A>;

/**
 * Appends one row to the organisation's chain. Must run inside the caller's transaction so
 * the audit row commits or rolls back with the change it describes. The advisory lock
 * serialises writers of one organisation, so two transactions never link to the same row.
 */
export async function recordAudit<A extends AuditAction>(tx: Queryable, entry: AuditEntryInput<A>): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"audit:" + entry.organizationId}, 0))`);
  // The head is the checkpoint, not the newest row: after rows were deleted the chain still
  // continues from where it was (the insert trigger refuses anything else).
  const [last] = await tx
    .select({ seq: auditCheckpoint.seq, hash: auditCheckpoint.hash })
    .from(auditCheckpoint)
    .where(eq(auditCheckpoint.organizationId, entry.organizationId));
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const content: AuditContent = {
    organizationId: entry.organizationId,
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    // Round-trip through JSON so the hash covers exactly what JSONB will give back.
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: entry.request.ip,
    userAgent: entry.request.userAgent,
  };
  await tx.insert(auditLog).values({ ...content, at, prevHash, hash: hashAuditEntry(prevHash, content) });
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** The who/where part of an audit entry, from a verb's context. */
export function auditFrom(ctx: ServiceContext): Pick<AuditEntryInput, "organizationId" | "actor" | "request"> {
  return { organizationId: ctx.organizationId, actor: ctx.actor, request: ctx.request };
}
