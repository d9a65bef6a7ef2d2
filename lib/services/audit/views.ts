import type { auditLog } from "@/db/schema";
import type { ChainedEntry } from "@/lib/core/audit-chain";
import type { ActorType } from "@/lib/core/actor";
import { parseAuditEntry, type ParsedAuditEntry } from "@/lib/core/audit-actions";

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

/**
 * An entry's change typed by its action, for code that acts on what a row says (known
 * actions narrow `before`/`after`; old or foreign rows come back as stored, marked unknown).
 */
export function auditChangeOf(view: Pick<AuditEntryView, "action" | "target" | "before" | "after">): ParsedAuditEntry {
  return parseAuditEntry({ action: view.action, targetType: view.target.type, before: view.before, after: view.after });
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
