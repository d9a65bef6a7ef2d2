import { and, asc, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { findReport } from "./internal";
import type { ReportHistoryEntry } from "./views";

/**
 * Who did what to a report and when, oldest first, read from the audit trail (so it cannot
 * disagree with it): drafted, edited (which sections), sent for review, approved, reopened,
 * submitted with the authority's reference, exported with the file's hash. People who may
 * read the report see it, not only those who may read the whole audit log.
 */
export async function listReportHistory(ctx: ServiceContext, id: string): Promise<{ items: ReportHistoryEntry[] }> {
  requirePermission(ctx, "incident:read");
  const report = await findReport(ctx.db, ctx.organizationId, id);
  const rows = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actor: auditLog.actorLabel, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, ctx.organizationId), eq(auditLog.targetType, "regulatory_report"), eq(auditLog.targetId, report.id)))
    .orderBy(asc(auditLog.seq));
  return { items: rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, step: row.action.replace(/^regulatory_report\./, ""), detail: detailOf(row.after) })) };
}

/** The one fact of a step worth a line: the sections an edit changed, the authority's reference, the export's format and hash. */
function detailOf(after: unknown): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  if (Array.isArray(a.fields)) return a.fields.length ? `sections ${a.fields.join(", ")}` : null;
  if (typeof a.sha256 === "string" && "authorityReference" in a) return `${a.authorityReference ? `reference ${String(a.authorityReference)}, ` : ""}SHA-256 ${a.sha256}`;
  if (typeof a.format === "string" && typeof a.sha256 === "string") return `${a.format.toUpperCase()}, SHA-256 ${a.sha256}`;
  return null;
}
