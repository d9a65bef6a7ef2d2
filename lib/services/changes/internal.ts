import { inArray } from "drizzle-orm";
import { service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { toChangeView, type ChangeRow, type ChangeView } from "./views";

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
