import type { integration } from "@/db/schema";
import { publicBaseUrl } from "@/lib/auth/base-url";

export const INTEGRATION_KINDS = ["alertmanager", "grafana", "pagerduty", "github", "flux", "argocd", "generic"] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export interface IntegrationView {
  id: string;
  kind: IntegrationKind;
  name: string;
  url: string;
  createdAt: string;
  secretRotatedAt: string;
  lastDeliveryAt: string | null;
}

export function ingestUrl(integrationId: string): string {
  return `${publicBaseUrl()}/api/ingest/${integrationId}`;
}

export function toIntegrationView(row: typeof integration.$inferSelect): IntegrationView {
  return {
    id: row.id,
    kind: row.kind as IntegrationKind,
    name: row.name,
    url: ingestUrl(row.id),
    createdAt: row.createdAt.toISOString(),
    secretRotatedAt: row.secretRotatedAt.toISOString(),
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
  };
}
