import { parseAllDocuments } from "yaml";
import { z } from "zod";

/**
 * Backstage catalog entities → Logbook services (pure). Teams that keep their catalogue in
 * Backstage should not type it again: a `catalog-info.yaml` Component (or the catalog API's
 * list of them) becomes a service with its owner team, repository, PagerDuty service and
 * the Kubernetes selectors that Backstage's own Kubernetes plugin uses.
 *
 * Mapping (annotation → service field):
 *   metadata.name → slug (lower-cased, Logbook's slug alphabet), metadata.title → name
 *   spec.owner (group:[namespace/]name, or a bare name) → team slug
 *   spec.system, spec.lifecycle, spec.type → labels backstage.io/{system,lifecycle,type}
 *   github.com/project-slug → repositories
 *   pagerduty.com/service-id → pagerdutyServiceId
 *   backstage.io/kubernetes-id → label backstage.io/kubernetes-id (the label Backstage's
 *     Kubernetes plugin selects workloads by, so their events map to the service)
 *   backstage.io/kubernetes-namespace → mappings.namespaces
 *   logbook.io/tier (1–4), logbook.io/critical-function ("true") → tier, critical flag
 */
export interface ImportedService {
  slug: string;
  name: string;
  description?: string;
  team?: { slug: string; name: string };
  tier?: number;
  supportsCriticalFunction?: boolean;
  labels: Record<string, string>;
  repositories: string[];
  namespaces: string[];
  pagerdutyServiceId?: string;
}

export interface SkippedEntity {
  /** the entity as a person names it: kind:namespace/name, or its position when unnamed */
  entity: string;
  reason: string;
}

export interface BackstageImport {
  services: ImportedService[];
  skipped: SkippedEntity[];
}

const entitySchema = z.object({
  apiVersion: z.string().regex(/^backstage\.io\//, "is not a Backstage entity (apiVersion backstage.io/…)"),
  kind: z.string(),
  metadata: z.object({
    name: z.string().min(1, "is required"),
    namespace: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.record(z.string(), z.unknown()).optional(),
});

type Entity = z.infer<typeof entitySchema>;

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const KUBERNETES_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/** Backstage names allow [A-Za-z0-9-_.]; Logbook slugs are lower-case letters, digits and dashes. */
export function slugFromBackstageName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

/** An entity reference: `[kind:][namespace/]name`. */
function parseEntityRef(ref: string): { kind: string | null; name: string } {
  const match = /^(?:([^:/]+):)?(?:[^/]+\/)?(.+)$/.exec(ref.trim());
  return { kind: match?.[1]?.toLowerCase() ?? null, name: match?.[2] ?? ref };
}

function entityName(entity: Entity): string {
  return `${entity.kind.toLowerCase()}:${entity.metadata.namespace ?? "default"}/${entity.metadata.name}`;
}

function toService(entity: Entity): ImportedService | string {
  const annotations = entity.metadata.annotations ?? {};
  const spec = entity.spec ?? {};
  const slug = slugFromBackstageName(entity.metadata.name);
  if (!slug) return `metadata.name "${entity.metadata.name}" has no letters or digits to make a slug of`;

  const labels: Record<string, string> = {};
  for (const field of ["system", "lifecycle", "type"] as const) {
    if (typeof spec[field] === "string" && spec[field]) labels[`backstage.io/${field}`] = (spec[field] as string).slice(0, 200);
  }
  const kubernetesId = annotations["backstage.io/kubernetes-id"]?.trim();
  if (kubernetesId) labels["backstage.io/kubernetes-id"] = kubernetesId.slice(0, 200);

  const imported: ImportedService = { slug, name: (entity.metadata.title ?? entity.metadata.name).trim().slice(0, 100), labels, repositories: [], namespaces: [] };
  if (entity.metadata.description?.trim()) imported.description = entity.metadata.description.trim().slice(0, 2000);

  if (typeof spec.owner === "string" && spec.owner.trim()) {
    const owner = parseEntityRef(spec.owner);
    // Only groups own services in Logbook; a user owner has no team to map to.
    if (owner.kind === null || owner.kind === "group") {
      const teamSlug = slugFromBackstageName(owner.name);
      if (teamSlug) imported.team = { slug: teamSlug, name: owner.name };
    }
  }
  const repository = annotations["github.com/project-slug"]?.trim();
  if (repository) {
    if (!REPOSITORY.test(repository)) return `annotation github.com/project-slug "${repository}" is not of the form owner/repo`;
    imported.repositories.push(repository);
  }
  const namespace = annotations["backstage.io/kubernetes-namespace"]?.trim();
  if (namespace) {
    if (!KUBERNETES_NAME.test(namespace)) return `annotation backstage.io/kubernetes-namespace "${namespace}" is not a Kubernetes namespace name`;
    imported.namespaces.push(namespace);
  }
  const pagerduty = annotations["pagerduty.com/service-id"]?.trim();
  if (pagerduty) {
    if (!/^[A-Z0-9]{5,20}$/.test(pagerduty)) return `annotation pagerduty.com/service-id "${pagerduty}" is not a PagerDuty service id such as PX1Y2Z3`;
    imported.pagerdutyServiceId = pagerduty;
  }

  const tier = annotations["logbook.io/tier"];
  if (tier !== undefined) {
    const value = Number(tier);
    if (!Number.isInteger(value) || value < 1 || value > 4) return `annotation logbook.io/tier "${tier}" must be 1, 2, 3 or 4`;
    imported.tier = value;
  }
  const critical = annotations["logbook.io/critical-function"];
  if (critical !== undefined) imported.supportsCriticalFunction = critical.trim().toLowerCase() === "true";
  return imported;
}

/**
 * Entities as the catalog API returns them (an array, or `{items}` from
 * /entities/by-query), or the text of a catalog-info.yaml (several documents allowed).
 * Non-Component entities are skipped with the reason; so are Components that cannot be
 * mapped. A slug seen twice keeps its first entity.
 */
export function parseBackstageCatalog(source: string | unknown): BackstageImport {
  const documents = typeof source === "string" ? yamlDocuments(source) : Array.isArray(source) ? source : isItemsPage(source) ? source.items : [source];
  const services: ImportedService[] = [];
  const skipped: SkippedEntity[] = [];
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    if (document === null || document === undefined) return;
    const parsed = entitySchema.safeParse(document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      skipped.push({ entity: `entity ${index + 1}`, reason: `${issue.path.join(".") || "entity"} ${issue.message}` });
      return;
    }
    const entity = parsed.data;
    if (entity.kind.toLowerCase() !== "component") {
      skipped.push({ entity: entityName(entity), reason: `only Component entities become services (this is a ${entity.kind})` });
      return;
    }
    const mapped = toService(entity);
    if (typeof mapped === "string") skipped.push({ entity: entityName(entity), reason: mapped });
    else if (seen.has(mapped.slug)) skipped.push({ entity: entityName(entity), reason: `another Component already maps to the service slug ${mapped.slug}` });
    else {
      seen.add(mapped.slug);
      services.push(mapped);
    }
  });
  return { services, skipped };
}

function isItemsPage(value: unknown): value is { items: unknown[] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { items?: unknown }).items);
}

function yamlDocuments(text: string): unknown[] {
  const documents = parseAllDocuments(text);
  const broken = documents.find((d) => d.errors.length > 0);
  if (broken) throw new BackstageCatalogError(`The catalog is not valid YAML: ${broken.errors[0]!.message}`);
  return documents.map((d) => d.toJS());
}

/** A catalog that cannot be read at all (as opposed to single entities that are skipped). */
export class BackstageCatalogError extends Error {
  override name = "BackstageCatalogError";
}
