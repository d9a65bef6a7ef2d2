import { and, desc, lt } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/core/cursor";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput, ValidationError } from "../errors";
import type { Page } from "../paging";
import { listAuditLogInput } from "./inputs";
import { auditConditions } from "./internal";
import { toAuditEntryView, type AuditEntryView } from "./views";

/** Newest first. */
export async function listAuditLog(ctx: ServiceContext, rawInput: unknown): Promise<Page<AuditEntryView>> {
  requirePermission(ctx, "audit:read");
  const input = parseInput(listAuditLogInput, rawInput);
  const conditions = auditConditions(ctx.organizationId, input);
  if (input.cursor) {
    const position = decodeCursor<{ s: number }>(input.cursor, { s: "number" });
    if (!position) throw new ValidationError("Invalid cursor", [{ field: "cursor", message: "is not a cursor this API issued" }]);
    conditions.push(lt(auditLog.seq, position.s));
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(toAuditEntryView), nextCursor: rows.length > input.limit && last ? encodeCursor({ s: last.seq }) : null };
}
