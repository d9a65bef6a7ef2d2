import { z } from "zod";
import { contentHash } from "./digests";
import { parseJsonPayload, parseTimestamp, presentText, shortRevision } from "./payload";
import { verifyBearer } from "./signatures";
import type { ChangeKind, IngestAdapter, ParsedDelivery, RawDelivery, ServiceHints } from "./types";

/**
 * Argo CD notifications send whatever the user's webhook template renders, so Logbook
 * defines the body. The recommended setup (argocd-notifications-cm), subscribed with
 * `notifications.argoproj.io/subscribe.<trigger>.logbook: ""` to on-sync-succeeded,
 * on-sync-failed and on-health-degraded:
 *
 *   service.webhook.logbook: |
 *     url: https://logbook.example.com/api/ingest/<integration id>
 *     headers:
 *     - name: Authorization
 *       value: Bearer $logbook-secret
 *     - name: Content-Type
 *       value: application/json
 *   template.logbook: |
 *     webhook:
 *       logbook:
 *         method: POST
 *         body: |
 *           {
 *             "app": "{{.app.metadata.name}}",
 *             "project": "{{.app.spec.project}}",
 *             "syncStatus": "{{.app.status.sync.status}}",
 *             "healthStatus": "{{.app.status.health.status}}",
 *             "revision": "{{.app.status.operationState.syncResult.revision}}",
 *             "operationPhase": "{{.app.status.operationState.phase}}",
 *             "message": {{toJson .app.status.operationState.message}},
 *             "finishedAt": "{{.app.status.operationState.finishedAt}}",
 *             "repoURL": "{{.app.spec.source.repoURL}}",
 *             "destinationNamespace": "{{.app.spec.destination.namespace}}",
 *             "initiatedBy": "{{.app.status.operationState.operation.initiatedBy.username}}",
 *             "environment": "{{.context.environmentName}}",
 *             "url": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"
 *           }
 *
 * Go templates print "<no value>" for missing keys; such fields count as absent. The one
 * template serves every trigger, so the kind is read from the state: an operation phase
 * Failed or Error → sync_failed; otherwise health Degraded → health_degraded (a successful
 * sync whose app then degrades); otherwise phase Succeeded → sync_succeeded; anything else
 * (Running, Terminating, no operation) → no event.
 */

const text = z.string().nullish().transform((value) => presentText(value));

const argocdNotification = z.looseObject({
  app: z.string().refine((value) => presentText(value) !== null, "expected the application's name"),
  project: text,
  syncStatus: text,
  healthStatus: text,
  operationPhase: text,
  revision: text,
  message: text,
  finishedAt: text,
  repoURL: text,
  destinationNamespace: text,
  initiatedBy: text,
  environment: text,
  url: text,
});
type ArgoNotification = z.output<typeof argocdNotification>;

function kindOf(body: ArgoNotification): ChangeKind | null {
  const phase = body.operationPhase?.toLowerCase();
  if (phase === "failed" || phase === "error") return "sync_failed";
  if (body.healthStatus?.toLowerCase() === "degraded") return "health_degraded";
  if (phase === "succeeded") return "sync_succeeded";
  return null;
}

/** owner/repo from an https or scp-style Git URL, for matching services by repository. */
export function repositoryFromGitUrl(url: string): string | null {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?[^/:]+(?::\d+)?[/:](.+?)(?:\.git)?\/?$/i.exec(url.trim());
  if (!match) return null;
  const segments = match[1]!.split("/").filter((part) => part !== "");
  return segments.length >= 2 ? segments.slice(-2).join("/") : null;
}

const TITLES: Record<string, string> = {
  sync_succeeded: "synced",
  sync_failed: "sync failed",
  health_degraded: "degraded",
};

export const argocdAdapter: IngestAdapter = {
  source: "argocd",
  verify: (raw, secret) => verifyBearer(raw.headers, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const body = parseJsonPayload(raw.body, argocdNotification, "Argo CD notification (see Logbook's recommended template)");
    const dedupKey = contentHash(raw.body);
    const app = body.app.trim();
    const kind = kindOf(body);
    const eventType = kind ?? `${body.operationPhase ?? "no-operation"}.${body.healthStatus ?? "unknown"}`;
    if (kind === null) return { eventType, dedupKey, events: [] };

    const hints: ServiceHints = { argoApplication: app };
    if (body.destinationNamespace) hints.namespace = body.destinationNamespace;
    const repository = body.repoURL ? repositoryFromGitUrl(body.repoURL) : null;
    if (repository) hints.repository = repository;

    const details = [
      body.message,
      [
        body.project ? `Project ${body.project}` : null,
        body.syncStatus ? `sync ${body.syncStatus}` : null,
        body.healthStatus ? `health ${body.healthStatus}` : null,
      ]
        .filter(Boolean)
        .join(", ") || null,
    ].filter((line): line is string => line !== null);

    const occurredAt = (body.finishedAt ? parseTimestamp(body.finishedAt, "finishedAt") : null) ?? raw.receivedAt;
    const revisionPart = body.revision ? ` at ${shortRevision(body.revision)}` : "";
    return {
      eventType,
      dedupKey,
      events: [
        {
          type: "change",
          kind,
          title: `${app} ${TITLES[kind]}${revisionPart}`,
          description: details.length > 0 ? details.join("\n\n") : null,
          revision: body.revision,
          environment: body.environment,
          actor: body.initiatedBy,
          url: body.url,
          occurredAt,
          // finishedAt tells two syncs of one revision apart; without it only the body does.
          externalId: `argocd:${app}:${kind}:${body.revision ?? ""}:${body.finishedAt ?? dedupKey}`,
          hints,
        },
      ],
    };
  },
};
