import type { SkippedEntity } from "@/lib/catalog/backstage-entities";
import type { service, team } from "@/db/schema";
import type { ServiceMappings } from "@/db/schema/catalog";

export interface TeamView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  services: string[];
  timeZone: string;
  workingHours: { start: string; end: string; days: number[] };
  createdAt: string;
}

export interface ServiceView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  team: string | null;
  tier: number | null;
  supportsCriticalFunction: boolean;
  /** how many clients use it: the classification wizard's base for "clients affected" as a share */
  clientCount: number | null;
  labels: Record<string, string>;
  repositories: string[];
  /** extra ways ingest maps events to the service: Kubernetes namespaces, Flux objects, Argo CD applications */
  mappings: Required<ServiceMappings>;
  /** the PagerDuty service and escalation policy that page for it (on-call panel, "Page on-call") */
  pagerdutyServiceId: string | null;
  escalationPolicyId: string | null;
  createdAt: string;
  updatedAt: string;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function toTeamView(row: typeof team.$inferSelect, services: string[]): TeamView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    services,
    timeZone: row.timeZone,
    workingHours: { start: clock(row.workdayStartMinute), end: clock(row.workdayEndMinute), days: row.workingDays },
    createdAt: row.createdAt.toISOString(),
  };
}

export function toServiceView(row: typeof service.$inferSelect, teamSlug: string | null): ServiceView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: teamSlug,
    tier: row.tier,
    supportsCriticalFunction: row.supportsCriticalFunction,
    clientCount: row.clientCount,
    labels: row.labels,
    repositories: row.repositories,
    mappings: { namespaces: row.mappings.namespaces ?? [], fluxObjects: row.mappings.fluxObjects ?? [], argoApplications: row.mappings.argoApplications ?? [] },
    pagerdutyServiceId: row.pagerdutyServiceId,
    escalationPolicyId: row.pagerdutyEscalationPolicyId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an import from Backstage did, service by service (slugs). */
export interface BackstageImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  teamsCreated: string[];
  skipped: SkippedEntity[];
}
