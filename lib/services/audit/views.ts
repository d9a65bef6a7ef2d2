import type { auditLog } from "@/db/schema";
import type { ChainedEntry } from "@/lib/core/audit-chain";
import type { ActorType } from "@/lib/core/actor";
import { parseAuditEntry } from "@/lib/core/audit-actions";

/** The public shape of an audit row (API.md). */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: { type: ActorType; id: string | null; label: string };
  action: string;
  target: { type: string; id: string | null };
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
  hash: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The row as the API and exports show it: action and before/after read back through the catalogue. */
export function toAuditEntryView(row: AuditRow): AuditEntryView {
  const change = parseAuditEntry(row);
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { type: row.actorType as ActorType, id: row.actorId, label: row.actorLabel },
    action: change.action,
    target: { type: change.targetType, id: row.targetId },
    before: change.before,
    after: change.after,
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** What the hash chain covers: the row exactly as stored, never a parsed copy. */
export function toChainedEntry(row: AuditRow): ChainedEntry {
  return {
    organizationId: row.organizationId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export interface AuditExport {
  filename: string;
  contentType: string;
  body: string;
  entries: number;
}
