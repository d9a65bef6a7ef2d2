import { SERVICE_LABELS } from "./alert-group";
import type { ServiceHints } from "./types";

/**
 * Which catalogue service an ingested event belongs to. The rules run strongest first and
 * the first rule that finds a service wins:
 *
 *   1. a `service`, `app` or `app.kubernetes.io/name` label (in that order), then the
 *      sender's service name (PagerDuty service, generic `service`), equal to a slug —
 *      compared as slugs, so "Payments API" and "payments_api" find `payments-api`;
 *   2. every one of a service's own catalogue labels present in the event's labels (the
 *      service with the most such labels first);
 *   3. the repository (owner/repo, case-insensitive);
 *   4. the Flux object (Kind/namespace/name), then the Argo CD application;
 *   5. the namespace.
 *
 * Within a rule, ties go to the alphabetically first slug so that the same event always
 * maps to the same service.
 */

export interface MappableService {
  slug: string;
  labels: Record<string, string>;
  repositories: string[];
  fluxObjects?: string[];
  argoApplications?: string[];
  namespaces?: string[];
}

export interface ServiceMatch {
  slug: string;
  /** Which rule matched, e.g. "label:app", "serviceName", "labels", "repository", "fluxObject", "argoApplication", "namespace". */
  matchedBy: string;
}

export function slugForm(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function bySlug(a: MappableService, b: MappableService): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

function first(services: MappableService[], predicate: (service: MappableService) => boolean): MappableService | undefined {
  return services.filter(predicate).sort(bySlug)[0];
}

function bySlugName(value: string | undefined, services: MappableService[]): MappableService | undefined {
  if (value === undefined) return undefined;
  const wanted = slugForm(value);
  if (wanted === "") return undefined;
  return first(services, (service) => slugForm(service.slug) === wanted);
}

function byCatalogueLabels(labels: Record<string, string>, services: MappableService[]): MappableService | undefined {
  const candidates = services
    .map((service) => ({ service, entries: Object.entries(service.labels) }))
    .filter(({ entries }) => entries.length > 0 && entries.every(([key, value]) => labels[key] === value))
    .sort((a, b) => b.entries.length - a.entries.length || bySlug(a.service, b.service));
  return candidates[0]?.service;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function matchService(hints: ServiceHints, services: MappableService[]): ServiceMatch | null {
  const labels = hints.labels ?? {};

  for (const key of SERVICE_LABELS) {
    const found = bySlugName(labels[key], services);
    if (found) return { slug: found.slug, matchedBy: `label:${key}` };
  }
  const named = bySlugName(hints.serviceName, services);
  if (named) return { slug: named.slug, matchedBy: "serviceName" };

  const labelled = byCatalogueLabels(labels, services);
  if (labelled) return { slug: labelled.slug, matchedBy: "labels" };

  const { repository, fluxObject, argoApplication, namespace } = hints;
  const rules: Array<[string, string | undefined, (service: MappableService) => string[]]> = [
    ["repository", repository, (service) => service.repositories],
    ["fluxObject", fluxObject, (service) => service.fluxObjects ?? []],
    ["argoApplication", argoApplication, (service) => service.argoApplications ?? []],
    ["namespace", namespace, (service) => service.namespaces ?? []],
  ];
  for (const [matchedBy, value, listOf] of rules) {
    if (!value) continue;
    // Kubernetes names are lower-case and GitHub's owner/repo is case-insensitive; a Flux
    // kind's capitalisation carries no meaning either, so compare ignoring case throughout.
    const found = first(services, (service) => listOf(service).some((entry) => sameText(entry, value)));
    if (found) return { slug: found.slug, matchedBy };
  }
  return null;
}
