import { and, eq, inArray } from "drizzle-orm";
import { service } from "@/db/schema";
import type { Queryable } from "@/db/client";

/** Services of the organisation by slug; unknown slugs are reported, not ignored. */
export async function resolveServiceSlugs(
  db: Queryable,
  organizationId: string,
  slugs: string[],
): Promise<{ found: Array<{ id: string; slug: string }>; missing: string[] }> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return { found: [], missing: [] };
  const found = await db
    .select({ id: service.id, slug: service.slug })
    .from(service)
    .where(and(eq(service.organizationId, organizationId), inArray(service.slug, unique)));
  const foundSlugs = new Set(found.map((s) => s.slug));
  return { found, missing: unique.filter((slug) => !foundSlugs.has(slug)) };
}
