import { and, asc } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { auditLog } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { exportAuditLogInput } from "./inputs";
import { auditConditions } from "./internal";
import { toAuditEntryView, type AuditExport } from "./views";

const CSV_COLUMNS = ["seq", "at", "actor_type", "actor_id", "actor", "action", "target_type", "target_id", "before", "after", "ip", "user_agent", "prev_hash", "hash"];

/** Oldest first, so the file reads as the chain does. The export itself is audited. */
export async function exportAuditLog(ctx: ServiceContext, rawInput: unknown): Promise<AuditExport> {
  requirePermission(ctx, "audit:export");
  const input = parseInput(exportAuditLogInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(auditLog).where(and(...auditConditions(ctx.organizationId, input))).orderBy(asc(auditLog.seq));
    const views = rows.map(toAuditEntryView);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const body =
      input.format === "json"
        ? JSON.stringify({ generatedAt: new Date().toISOString(), generatedBy: ctx.actor.label, timezone: "UTC", entries: views }, null, 2)
        : stringify(
            views.map((v) => [v.seq, v.at, v.actor.type, v.actor.id, v.actor.label, v.action, v.target.type, v.target.id, json(v.before), json(v.after), v.ip, v.userAgent, v.prevHash, v.hash]),
            { header: true, columns: CSV_COLUMNS },
          );
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "audit.exported",
      targetType: "audit_log",
      targetId: null,
      after: { format: input.format, entries: views.length, from: input.from ?? null, to: input.to ?? null },
    });
    return {
      filename: `logbook-audit-${stamp}.${input.format}`,
      contentType: input.format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      body,
      entries: views.length,
    };
  });
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}
