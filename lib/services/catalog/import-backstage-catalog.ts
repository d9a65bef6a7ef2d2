import { eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { BackstageCatalogError, parseBackstageCatalog, type ImportedService } from "@/lib/catalog/backstage-entities";
import { BackstageFetchError, fetchBackstageCatalog } from "@/lib/integrations/backstage/backstage-catalog";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ServiceError, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createService } from "./create-service";
import { createTeam } from "./create-team";
import { importBackstageCatalogInput } from "./inputs";
import { updateService } from "./update-service";
import type { BackstageImportResult } from "./views";

/**
 * Creates or updates services from Backstage Component entities (POST
 * /api/v1/import/backstage). Re-running it is safe: a service is matched by slug, what
 * Backstage says replaces name, description and owner, and labels, repositories and
 * namespaces are merged with what people added in Logbook (never removed). Owner groups
 * that have no team yet get one. One transaction: the import lands whole or not at all.
 */
export async function importBackstageCatalog(ctx: ServiceContext, rawInput: unknown): Promise<BackstageImportResult> {
  requirePermission(ctx, "catalog:write");
  const input = parseInput(importBackstageCatalogInput, rawInput);
  // The catalog is read before the transaction: no database connection waits on Backstage.
  const source = input.entities ?? (await readCatalog(input.catalogUrl!, input.token ?? process.env.LOGBOOK_BACKSTAGE_TOKEN));
  let parsed;
  try {
    parsed = parseBackstageCatalog(source);
  } catch (error) {
    if (error instanceof BackstageCatalogError) throw new ValidationError(error.message, [{ field: input.entities ? "entities" : "catalogUrl", message: error.message }]);
    throw error;
  }

  return withTransaction(ctx, async (tx, txCtx) => {
    const teams = new Set((await tx.select({ slug: team.slug }).from(team).where(eq(team.organizationId, ctx.organizationId))).map((t) => t.slug));
    const existing = new Map(
      (await tx.select({ row: service, teamSlug: team.slug }).from(service).leftJoin(team, eq(team.id, service.teamId)).where(eq(service.organizationId, ctx.organizationId))).map(
        (found) => [found.row.slug, found] as const,
      ),
    );
    const result: BackstageImportResult = { created: [], updated: [], unchanged: [], teamsCreated: [], skipped: parsed.skipped };

    for (const imported of parsed.services) {
      if (imported.team && !teams.has(imported.team.slug)) {
        await createTeam(txCtx, { slug: imported.team.slug, name: imported.team.name.slice(0, 100) });
        teams.add(imported.team.slug);
        result.teamsCreated.push(imported.team.slug);
      }
      const current = existing.get(imported.slug);
      if (!current) {
        await createService(txCtx, {
          slug: imported.slug,
          name: imported.name,
          description: imported.description,
          team: imported.team?.slug,
          tier: imported.tier,
          supportsCriticalFunction: imported.supportsCriticalFunction,
          labels: imported.labels,
          repositories: imported.repositories,
          mappings: imported.namespaces.length > 0 ? { namespaces: imported.namespaces } : undefined,
          pagerdutyServiceId: imported.pagerdutyServiceId,
        });
        result.created.push(imported.slug);
        continue;
      }
      const changes = changesFor(current.row, imported, current.teamSlug);
      if (Object.keys(changes).length === 0) {
        result.unchanged.push(imported.slug);
        continue;
      }
      await updateService(txCtx, imported.slug, changes);
      result.updated.push(imported.slug);
    }

    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "catalog.imported",
      targetType: "organization",
      targetId: ctx.organizationId,
      after: {
        source: input.catalogUrl ? new URL(input.catalogUrl).origin + new URL(input.catalogUrl).pathname : "entities",
        created: result.created.length,
        updated: result.updated.length,
        unchanged: result.unchanged.length,
        teamsCreated: result.teamsCreated.length,
        skipped: result.skipped.length,
      },
    });
    return result;
  });
}

async function readCatalog(url: string, token: string | undefined): Promise<string | unknown> {
  try {
    return await fetchBackstageCatalog({ url, token });
  } catch (error) {
    if (error instanceof BackstageFetchError) throw new ServiceError(502, "catalog_unreachable", error.message);
    throw error;
  }
}

/** The update that brings a service in line with Backstage, merging the lists; empty when nothing differs. */
function changesFor(current: typeof service.$inferSelect, imported: ImportedService, currentTeam: string | null): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (current.name !== imported.name) changes.name = imported.name;
  if (imported.description !== undefined && current.description !== imported.description) changes.description = imported.description;
  if (imported.team && currentTeam !== imported.team.slug) changes.team = imported.team.slug;
  if (imported.tier !== undefined && current.tier !== imported.tier) changes.tier = imported.tier;
  if (imported.pagerdutyServiceId !== undefined && current.pagerdutyServiceId !== imported.pagerdutyServiceId) changes.pagerdutyServiceId = imported.pagerdutyServiceId;
  if (imported.supportsCriticalFunction !== undefined && current.supportsCriticalFunction !== imported.supportsCriticalFunction) changes.supportsCriticalFunction = imported.supportsCriticalFunction;
  const labels = { ...current.labels, ...imported.labels };
  if (Object.entries(labels).some(([key, value]) => current.labels[key] !== value)) changes.labels = labels;
  const repositories = [...new Set([...current.repositories, ...imported.repositories])];
  if (repositories.length !== current.repositories.length) changes.repositories = repositories;
  const namespaces = [...new Set([...(current.mappings.namespaces ?? []), ...imported.namespaces])];
  if (namespaces.length !== (current.mappings.namespaces ?? []).length) changes.mappings = { namespaces };
  return changes;
}
