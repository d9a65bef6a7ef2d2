import { inArray } from "drizzle-orm";
import { changeEvent, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { ChangeKind } from "@/lib/ingest/types";

export interface ChangeView {
  id: string;
  kind: ChangeKind;
  /** service slug, or null for an unmapped change */
  service: string | null;
  environment: string | null;
  revision: string | null;
  title: string;
  description: string | null;
  actor: string | null;
  url: string | null;
  /** the integration kind it came from: github, flux, argocd, generic */
  source: string;
  occurredAt: string;
  receivedAt: string;
}

export type ChangeRow = typeof changeEvent.$inferSelect;

export function toChangeView(row: ChangeRow, serviceSlug: string | null): ChangeView {
  return {
    id: row.id,
    kind: row.kind as ChangeKind,
    service: serviceSlug,
    environment: row.environment,
    revision: row.revision,
    title: row.title,
    description: row.description,
    actor: row.actor,
    url: row.url,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
}

export async function serviceSlugsById(db: Queryable, rows: ReadonlyArray<{ serviceId: string | null }>): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])))];
  if (ids.length === 0) return new Map();
  const services = await db.select({ id: service.id, slug: service.slug }).from(service).where(inArray(service.id, ids));
  return new Map(services.map((s) => [s.id, s.slug]));
}

export async function loadChangeViews(db: Queryable, rows: ChangeRow[]): Promise<ChangeView[]> {
  const slugs = await serviceSlugsById(db, rows);
  return rows.map((r) => toChangeView(r, r.serviceId ? (slugs.get(r.serviceId) ?? null) : null));
}
