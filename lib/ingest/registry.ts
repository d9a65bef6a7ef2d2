import { alertmanagerAdapter } from "./alertmanager";
import { argocdAdapter } from "./argocd";
import { fluxAdapter } from "./flux";
import { genericAdapter } from "./generic";
import { githubAdapter } from "./github";
import { grafanaAdapter } from "./grafana";
import { pagerdutyAdapter } from "./pagerduty";
import { slackAdapter } from "./slack";
import type { IngestAdapter } from "./types";

/**
 * The one list of integration kinds: a kind is a source Logbook has an adapter for. Its
 * order is the order people are offered them in. Everything else derives from it: the
 * IngestSource type, the kinds an integration may be created with (lib/services/integrations),
 * the setup snippets (one per kind, checked by type) and the labels of components/integrations
 * (also checked by type, since a browser module cannot import the adapters, which use node:crypto).
 */
const ADAPTERS = {
  alertmanager: alertmanagerAdapter,
  grafana: grafanaAdapter,
  pagerduty: pagerdutyAdapter,
  github: githubAdapter,
  flux: fluxAdapter,
  argocd: argocdAdapter,
  slack: slackAdapter,
  generic: genericAdapter,
} satisfies Record<string, IngestAdapter>;

export type IngestSource = keyof typeof ADAPTERS;

export const INGEST_ADAPTERS: Readonly<Record<IngestSource, IngestAdapter>> = ADAPTERS;

export const INGEST_SOURCES = Object.keys(ADAPTERS) as [IngestSource, ...IngestSource[]];

export function isIngestSource(value: unknown): value is IngestSource {
  return typeof value === "string" && (INGEST_SOURCES as readonly string[]).includes(value);
}

export function getIngestAdapter(source: IngestSource): IngestAdapter {
  // The kind comes from a database row typed as text; an unknown one is a bug, not a bad delivery.
  if (!isIngestSource(source)) throw new Error(`no ingest adapter for source "${String(source)}"`);
  return INGEST_ADAPTERS[source];
}
