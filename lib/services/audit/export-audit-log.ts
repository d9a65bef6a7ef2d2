import { and, asc } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { auditLog } from "@/db/schema";
import { CHECKPOINT_ALGORITHM, checkpointSigner, isCheckpointRow } from "@/lib/core/audit-checkpoint-signature";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { exportAuditLogInput } from "./inputs";
import { auditConditions } from "./internal";
import { toAuditEntryView, type AuditExport } from "./views";

const CSV_COLUMNS = ["seq", "at", "actor_type", "actor_id", "actor", "action", "target_type", "target_id", "before", "after", "ip", "user_agent", "prev_hash", "hash", "checkpoint_signature"];

/** Oldest first, so the file reads as the chain does. The export itself is audited. */
export async function exportAuditLog(ctx: ServiceContext, rawInput: unknown): Promise<AuditExport> {
  requirePermission(ctx, "audit:export");
  const input = parseInput(exportAuditLogInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(auditLog).where(and(...auditConditions(ctx.organizationId, input))).orderBy(asc(auditLog.seq));
    const views = rows.map(toAuditEntryView);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    // Signed checkpoints (lib/core/audit-checkpoint-signature.ts): every thousandth row and the last.
    const signer = checkpointSigner(serverSecret());
    const signatures = views.map((v, i) => (isCheckpointRow(v.seq, i === views.length - 1) ? signer.sign(ctx.organizationId, v.seq, v.hash) : null));
    const checkpoints = views.flatMap((v, i) => (signatures[i] ? [{ seq: v.seq, hash: v.hash, signature: signatures[i] }] : []));
    const signing = { algorithm: CHECKPOINT_ALGORITHM, publicKey: signer.publicKey, organizationId: ctx.organizationId };
    const body =
      input.format === "json"
        ? JSON.stringify({ generatedAt: new Date().toISOString(), generatedBy: ctx.actor.label, timezone: "UTC", signing, checkpoints, entries: views }, null, 2)
        : stringify(
            views.map((v, i) => [
              ...[v.seq, v.at, v.actor.type, v.actor.id, v.actor.label, v.action, v.target.type, v.target.id, json(v.before), json(v.after)],
              ...[v.ip, v.userAgent, v.prevHash, v.hash, signatures[i] ?? ""],
            ]),
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

function serverSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set; server.ts sets it at start.");
  return secret;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}
