import { alertmanagerAdapter } from "./alertmanager";
import { argocdAdapter } from "./argocd";
import { fluxAdapter } from "./flux";
import { genericAdapter } from "./generic";
import { githubAdapter } from "./github";
import { grafanaAdapter } from "./grafana";
import { pagerdutyAdapter } from "./pagerduty";
import { INGEST_SOURCES, type IngestAdapter, type IngestSource } from "./types";

export const INGEST_ADAPTERS: Readonly<Record<IngestSource, IngestAdapter>> = {
  alertmanager: alertmanagerAdapter,
  grafana: grafanaAdapter,
  pagerduty: pagerdutyAdapter,
  github: githubAdapter,
  flux: fluxAdapter,
  argocd: argocdAdapter,
  generic: genericAdapter,
};

export function isIngestSource(value: unknown): value is IngestSource {
  return typeof value === "string" && (INGEST_SOURCES as readonly string[]).includes(value);
}

export function getIngestAdapter(source: IngestSource): IngestAdapter {
  // The kind comes from a database row typed as text; an unknown one is a bug, not a bad delivery.
  if (!isIngestSource(source)) throw new Error(`no ingest adapter for source "${String(source)}"`);
  return INGEST_ADAPTERS[source];
}
