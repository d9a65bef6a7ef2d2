import { eq } from "drizzle-orm";
import { service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { matchService } from "@/lib/ingest/service-mapping";
import type { ServiceHints } from "@/lib/ingest/types";

export type ServiceResolver = (hints: ServiceHints) => string | null;

/** Maps hints to a service id using the organisation's catalogue and its editable mappings. */
export async function loadServiceResolver(db: Queryable, organizationId: string): Promise<ServiceResolver> {
  const services = await db
    .select({ id: service.id, slug: service.slug, labels: service.labels, repositories: service.repositories, mappings: service.mappings })
    .from(service)
    .where(eq(service.organizationId, organizationId));
  const candidates = services.map((s) => ({
    slug: s.slug,
    labels: s.labels,
    repositories: s.repositories,
    namespaces: s.mappings.namespaces ?? [],
    fluxObjects: s.mappings.fluxObjects ?? [],
    argoApplications: s.mappings.argoApplications ?? [],
  }));
  const idBySlug = new Map(services.map((s) => [s.slug, s.id]));
  return (hints) => {
    const match = matchService(hints, candidates);
    return match ? (idBySlug.get(match.slug) ?? null) : null;
  };
}

/** Organisations whose resolver is kept; beyond this the cache starts afresh (bounded memory). */
const MAX_CACHED_ORGANIZATIONS = 1_000;
const cache = new Map<string, { version: string; resolver: Promise<ServiceResolver> }>();

/**
 * The resolver for ingest, which needs it for every delivery: an organisation of 300 services
 * would otherwise load its whole catalogue per delivery. Kept per organisation and catalogue
 * version (the caller reads the version with the integration, in the same round trip), so an
 * edited mapping applies to the very next delivery, in every process.
 */
export function cachedServiceResolver(db: Queryable, organizationId: string, catalogVersion: string): Promise<ServiceResolver> {
  const hit = cache.get(organizationId);
  if (hit && hit.version === catalogVersion) return hit.resolver;
  if (cache.size >= MAX_CACHED_ORGANIZATIONS) cache.clear();
  const resolver = loadServiceResolver(db, organizationId);
  cache.set(organizationId, { version: catalogVersion, resolver });
  // A failed load (database outage) must not be remembered.
  resolver.catch(() => cache.get(organizationId)?.resolver === resolver && cache.delete(organizationId));
  return resolver;
}
