import type { auditLog } from "@/db/schema";
import type { ChainedEntry } from "@/lib/core/audit-chain";
import type { ActorType } from "@/lib/core/actor";

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

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { type: row.actorType as ActorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

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
