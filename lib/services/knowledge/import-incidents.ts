import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { incident, incidentService, organizationCounter, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { timestampsForInitialStatus } from "@/lib/core/incident-lifecycle";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { fieldErrors, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { deriveTitle, type DerivedTitle } from "@/lib/knowledge/derived-title";
import { importItemSchema, MAX_IMPORT_ITEMS, UnparsableLine, type ImportItem } from "./inputs";
import { refreshIncidentKnowledge } from "./refresh-incident-knowledge";
import type { ImportResult } from "./views";

/** Control characters other than tab and newline never belong in imported text. */
function clean(text: string | undefined): string | undefined {
  return text?.replace(/\r\n/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

async function serviceIds(tx: Queryable, organizationId: string, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  // A historical import names services the catalogue may not have yet; they are added so
  // "same service" can be matched later.
  await tx
    .insert(service)
    .values(slugs.map((slug) => ({ id: randomUUID(), organizationId, slug, name: slug })))
    .onConflictDoNothing({ target: [service.organizationId, service.slug] });
  const rows = await tx
    .select({ id: service.id })
    .from(service)
    .where(and(eq(service.organizationId, organizationId), inArray(service.slug, slugs)));
  return rows.map((r) => r.id);
}

/**
 * Numbers for the import's new incidents, reserved with one counter update. Taking them one
 * by one updated the same counter row hundreds of times in one transaction, and each update
 * had to step over every earlier version of the row (a 500-item batch spent most of its time
 * there). A number reserved for an item that then fails is skipped.
 */
async function reserveNumbers(tx: Queryable, organizationId: string, items: ImportItem[]): Promise<() => Promise<number>> {
  const externalIds = [...new Set(items.map((i) => i.externalId))];
  const existing =
    externalIds.length === 0
      ? []
      : await tx
          .select({ externalId: incident.externalId })
          .from(incident)
          .where(and(eq(incident.organizationId, organizationId), inArray(incident.externalId, externalIds)));
  const wanted = externalIds.length - existing.length;
  let next = 0;
  let last = -1;
  const reserve = async (count: number) => {
    const [counter] = await tx
      .insert(organizationCounter)
      .values({ organizationId, name: "incident", value: count })
      .onConflictDoUpdate({ target: [organizationCounter.organizationId, organizationCounter.name], set: { value: sql`${organizationCounter.value} + ${count}` } })
      .returning({ value: organizationCounter.value });
    last = counter!.value;
    next = last - count + 1;
  };
  if (wanted > 0) await reserve(wanted);
  return async () => {
    // Only if an incident counted as existing vanished meanwhile. Reserving here, inside the
    // item's savepoint, could be rolled back and hand out a number twice: the item fails.
    if (next > last) throw new Error("no incident number was reserved for this item; import it again");
    return next++;
  };
}

async function upsertOne(tx: Queryable, organizationId: string, item: ImportItem, nextNumber: () => Promise<number>): Promise<"imported" | "updated"> {
  const status = item.status ?? "resolved";
  const occurredAt = item.occurredAt ?? item.resolvedAt ?? new Date();
  // An import states no acknowledgement or mitigation: none is invented.
  const stamps = timestampsForInitialStatus(status, occurredAt, { resolvedAt: item.resolvedAt ?? null });
  const fields = {
    title: clean(item.title)!,
    summary: clean(item.summary) ?? "",
    severity: item.severity ?? "SEV3",
    status,
    occurredAt,
    detectedAt: occurredAt,
    ...stamps,
    updatedAt: new Date(),
  };
  const [existing] = await tx
    .select({ id: incident.id })
    .from(incident)
    .where(and(eq(incident.organizationId, organizationId), eq(incident.externalId, item.externalId)));
  let id: string;
  if (existing) {
    id = existing.id;
    await tx.update(incident).set(fields).where(eq(incident.id, id));
  } else {
    id = randomUUID();
    await tx.insert(incident).values({ id, organizationId, number: await nextNumber(), externalId: item.externalId, createdAt: occurredAt, ...fields });
  }
  if (item.services) {
    const ids = await serviceIds(tx, organizationId, [...new Set(item.services)]);
    await tx.delete(incidentService).where(eq(incidentService.incidentId, id));
    if (ids.length > 0) await tx.insert(incidentService).values(ids.map((serviceId) => ({ incidentId: id, serviceId })));
  }
  // A re-import updates what it names and keeps the rest (e.g. a title fix keeps the postmortem).
  await refreshIncidentKnowledge(tx, id, {
    tags: item.tags,
    rootCauseCodes: item.rootCauseCodes,
    alertNames: item.alertNames,
    resolution: item.resolution !== undefined ? clean(item.resolution) : undefined,
    postmortemText: item.postmortem !== undefined ? clean(item.postmortem) : undefined,
  });
  return existing ? "updated" : "imported";
}

/**
 * An item without a title (missing, or only spaces) takes one from its postmortem or summary,
 * as a person would: the answer names each item so titled. Anything else is left as sent.
 */
function withDerivedTitle(raw: unknown): { item: Record<string, unknown>; derived: DerivedTitle } | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const item = raw as Record<string, unknown>;
  if (typeof item.title === "string" ? item.title.trim() !== "" : item.title !== undefined && item.title !== null) return null;
  const text = (value: unknown) => (typeof value === "string" ? clean(value) : undefined);
  const derived = deriveTitle(text(item.postmortem), text(item.summary));
  return derived ? { item: { ...item, title: derived.title }, derived } : null;
}

/**
 * Imports historical incidents and postmortems. Idempotent on externalId (a second import
 * updates in place); each bad item is reported by index and the good ones are kept, each in
 * its own savepoint; an item without a title takes one from its text (see withDerivedTitle).
 * One audit row per call, with the counts.
 */
export async function importIncidents(ctx: ServiceContext, items: unknown): Promise<ImportResult> {
  requirePermission(ctx, "incident:write");
  if (!Array.isArray(items)) throw new ValidationError("Expected a JSON array of incidents.", [{ field: "(body)", message: "must be an array" }]);
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new ValidationError(`At most ${MAX_IMPORT_ITEMS} incidents per import.`, [{ field: "(body)", message: `more than ${MAX_IMPORT_ITEMS} items` }]);
  }
  const result: ImportResult = { imported: 0, updated: 0, failed: [], titled: [] };
  const valid: Array<{ index: number; item: ImportItem }> = [];
  for (const [index, raw] of items.entries()) {
    if (raw instanceof UnparsableLine) {
      result.failed.push({ index, error: "is not valid JSON" });
      continue;
    }
    const titled = withDerivedTitle(raw);
    const parsed = importItemSchema.safeParse(titled?.item ?? raw);
    if (parsed.success) {
      valid.push({ index, item: parsed.data });
      if (titled) result.titled.push({ index, externalId: parsed.data.externalId, ...titled.derived });
    }
    else result.failed.push({ index, error: fieldErrors(parsed.error).map((e) => `${e.field} ${e.message}`).join("; ") });
  }
  await withTransaction(ctx, async (tx) => {
    const nextNumber = await reserveNumbers(tx, ctx.organizationId, valid.map((v) => v.item));
    for (const { index, item } of valid) {
      try {
        const outcome = await tx.transaction((savepoint) => upsertOne(savepoint, ctx.organizationId, item, nextNumber));
        result[outcome] += 1;
      } catch (error) {
        result.failed.push({ index, error: (error as Error).message.slice(0, 300) });
      }
    }
    result.failed.sort((a, b) => a.index - b.index);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "incidents.imported",
      targetType: "organization",
      targetId: ctx.organizationId,
      after: { imported: result.imported, updated: result.updated, failed: result.failed.length },
    });
  });
  return result;
}
