import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { incident, incidentKnowledge, incidentService, organizationCounter, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { timestampsForInitialStatus } from "@/lib/core/incident-lifecycle";
import { requirePermission, type ServiceContext } from "../context";
import { fieldErrors, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { incidentStatusSchema, severitySchema, timestampSchema } from "../incidents/incident-inputs";
import { refreshIncidentKnowledge } from "./refresh-incident-knowledge";

export const MAX_IMPORT_ITEMS = 5_000;

const nameList = z.array(z.string().trim().min(1).max(200)).max(100);
const slugList = z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a service slug")).max(50);

export const importItemSchema = z.object({
  externalId: z.string().trim().min(1, "is required").max(200),
  title: z.string().trim().min(1, "is required").max(200),
  summary: z.string().max(20_000).optional(),
  // Markdown is stored as written; every place that shows it renders it safely.
  postmortem: z.string().max(500_000).optional(),
  status: incidentStatusSchema.optional(),
  severity: severitySchema.optional(),
  occurredAt: timestampSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  services: slugList.optional(),
  tags: nameList.optional(),
  rootCauseCodes: nameList.optional(),
  alertNames: nameList.optional(),
  resolution: z.string().max(20_000).optional(),
});
type ImportItem = z.output<typeof importItemSchema>;

export interface ImportResult {
  imported: number;
  updated: number;
  failed: Array<{ index: number; error: string }>;
}

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

async function upsertOne(tx: Queryable, organizationId: string, item: ImportItem): Promise<"imported" | "updated"> {
  const status = item.status ?? "resolved";
  const occurredAt = item.occurredAt ?? item.resolvedAt ?? new Date();
  const stamps = timestampsForInitialStatus(status, occurredAt, item.resolvedAt ?? null);
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
    const [counter] = await tx
      .insert(organizationCounter)
      .values({ organizationId, name: "incident", value: 1 })
      .onConflictDoUpdate({ target: [organizationCounter.organizationId, organizationCounter.name], set: { value: sql`${organizationCounter.value} + 1` } })
      .returning({ value: organizationCounter.value });
    id = randomUUID();
    await tx.insert(incident).values({ id, organizationId, number: counter!.value, externalId: item.externalId, createdAt: occurredAt, ...fields });
  }
  if (item.services) {
    const ids = await serviceIds(tx, organizationId, [...new Set(item.services)]);
    await tx.delete(incidentService).where(eq(incidentService.incidentId, id));
    if (ids.length > 0) await tx.insert(incidentService).values(ids.map((serviceId) => ({ incidentId: id, serviceId })));
  }
  // A re-import updates what it names and keeps the rest (e.g. a title fix keeps the postmortem).
  const knowledge = {
    ...(item.tags ? { tags: item.tags } : {}),
    ...(item.rootCauseCodes ? { rootCauseCodes: item.rootCauseCodes } : {}),
    ...(item.alertNames ? { alertNames: item.alertNames } : {}),
    ...(item.resolution !== undefined ? { resolution: clean(item.resolution)! } : {}),
    ...(item.postmortem !== undefined ? { postmortemText: clean(item.postmortem)! } : {}),
    updatedAt: new Date(),
  };
  await tx
    .insert(incidentKnowledge)
    .values({ incidentId: id, organizationId, ...knowledge })
    .onConflictDoUpdate({ target: incidentKnowledge.incidentId, set: knowledge });
  await refreshIncidentKnowledge(tx, id);
  return existing ? "updated" : "imported";
}

/**
 * Imports historical incidents and postmortems. Idempotent on externalId (a second import
 * updates in place); each bad item is reported by index and the good ones are kept, each in
 * its own savepoint. One audit row per call, with the counts.
 */
export async function importIncidents(ctx: ServiceContext, items: unknown): Promise<ImportResult> {
  requirePermission(ctx, "incident:write");
  if (!Array.isArray(items)) throw new ValidationError("Expected a JSON array of incidents.", [{ field: "(body)", message: "must be an array" }]);
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new ValidationError(`At most ${MAX_IMPORT_ITEMS} incidents per import.`, [{ field: "(body)", message: `more than ${MAX_IMPORT_ITEMS} items` }]);
  }
  const result: ImportResult = { imported: 0, updated: 0, failed: [] };
  await ctx.db.transaction(async (tx) => {
    for (const [index, raw] of items.entries()) {
      if (raw instanceof UnparsableLine) {
        result.failed.push({ index, error: "is not valid JSON" });
        continue;
      }
      const parsed = importItemSchema.safeParse(raw);
      if (!parsed.success) {
        result.failed.push({ index, error: fieldErrors(parsed.error).map((e) => `${e.field} ${e.message}`).join("; ") });
        continue;
      }
      try {
        const outcome = await tx.transaction((savepoint) => upsertOne(savepoint, ctx.organizationId, parsed.data));
        result[outcome] += 1;
      } catch (error) {
        result.failed.push({ index, error: (error as Error).message.slice(0, 300) });
      }
    }
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

/** An NDJSON line that is not JSON: reported as a failed item, not a failed request. */
export class UnparsableLine {}

/** Parses an NDJSON body: one JSON value a line; an unparsable line becomes a failed item. */
export function parseNdjson(text: string): unknown[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return new UnparsableLine();
      }
    });
}
