import type { integration } from "@/db/schema";
import { publicBaseUrl } from "@/lib/auth/base-url";
import type { IngestSource } from "@/lib/ingest/registry";
import { slackEndpointUrls } from "@/lib/services/slack/slack-endpoint-urls";
import { SECRET_PLACEHOLDER, setupSnippet, type SetupSnippet } from "@/lib/ingest/setup-snippets";

/** An integration is of one of the kinds lib/ingest/registry.ts has an adapter for. */
export type IntegrationKind = IngestSource;

export interface IntegrationView {
  id: string;
  kind: IntegrationKind;
  name: string;
  url: string;
  createdAt: string;
  secretRotatedAt: string;
  lastDeliveryAt: string | null;
  /** Slack only: where Slack sends events, commands and button clicks, and the OAuth redirect */
  urls?: { events: string; commands: string; interactions: string; oauthRedirect: string };
}

function ingestUrl(integrationId: string): string {
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
    ...(row.kind === "slack" ? { urls: slackEndpointUrls(row.id) } : {}),
  };
}

export interface IntegrationSummary extends IntegrationView {
  deliveries24h: number;
  errors24h: number;
  /** The newest rejected or failed delivery of the last 24 hours: why, and when. */
  lastError: { message: string; at: string; status: "rejected" | "failed" } | null;
}

export interface IntegrationWithSetup extends IntegrationView {
  setup: SetupSnippet;
}

/**
 * The view plus the snippet to paste into the sender. The real secret goes in only when the
 * caller has it in hand (creating, rotating); afterwards the snippet shows a placeholder.
 */
export function withSetup(view: IntegrationView, secret: string = SECRET_PLACEHOLDER): IntegrationWithSetup {
  return { ...view, setup: setupSnippet(view.kind, { url: view.url, secret, name: view.name }) };
}
