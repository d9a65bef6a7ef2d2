import { z } from "zod";
import { contentHash } from "./digests";
import { parseFluxRevision } from "./flux-revision";
import { parseJsonPayload, parseTimestamp, presentText } from "./payload";
import { verifyHmacSha256 } from "./signatures";
import type { ChangeKind, IngestAdapter, ParsedDelivery, RawDelivery } from "./types";

/**
 * Flux notification-controller, Provider type `generic-hmac`: one event per delivery,
 * `{ involvedObject, severity, timestamp, message, reason, metadata, reportingController,
 * reportingInstance }`, signed in X-Signature. Flux gives the event no id, so the body's
 * hash is the dedup key.
 *
 * Every `error` event is a failed reconciliation. Of the `info` events only those that
 * report something applied are changes: a reason ending in "Succeeded"
 * (ReconciliationSucceeded, InstallSucceeded, UpgradeSucceeded, …) or "Progressing" with
 * an applied revision or a change set. Other info events (DependencyNotReady,
 * ArtifactUpToDate, a source's NewArtifact before anything is applied) are not changes.
 */

const fluxEvent = z.looseObject({
  involvedObject: z.looseObject({
    kind: z.string().min(1),
    namespace: z.string().nullish(),
    name: z.string().min(1),
    uid: z.string().nullish(),
    apiVersion: z.string().nullish(),
  }),
  severity: z.enum(["info", "error", "trace"]),
  timestamp: z.string().nullish(),
  message: z.string(),
  reason: z.string().nullish(),
  // The controller prefixes its keys with its API group (kustomize.toolkit.fluxcd.io/revision);
  // notification-controller strips the prefix before dispatching, but proxies may not.
  metadata: z.record(z.string(), z.string()).nullish(),
  reportingController: z.string().nullish(),
  reportingInstance: z.string().nullish(),
});

function metadataValue(metadata: Record<string, string>, key: string): string | null {
  if (Object.hasOwn(metadata, key)) return presentText(metadata[key]);
  for (const [name, value] of Object.entries(metadata)) if (name.endsWith(`.toolkit.fluxcd.io/${key}`)) return presentText(value);
  return null;
}

const APPLIED = /applied revision|\b(configured|created|deleted)\b/i;

function kindOf(severity: string, reason: string, message: string): ChangeKind | null {
  if (severity === "error") return "reconcile_failed";
  if (severity !== "info") return null;
  if (/Succeeded$/.test(reason)) return "reconcile_succeeded";
  if (reason === "Progressing" && APPLIED.test(message)) return "reconcile_succeeded";
  return null;
}

export const fluxAdapter: IngestAdapter = {
  source: "flux",
  verify: (raw, secret) => verifyHmacSha256(raw.headers, "X-Signature", "sha256=", raw.body, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const event = parseJsonPayload(raw.body, fluxEvent, "Flux notification-controller event");
    const object = event.involvedObject;
    const reason = presentText(event.reason) ?? "";
    const eventType = `${object.kind}.${reason || event.severity}`;
    const dedupKey = contentHash(raw.body);

    const kind = kindOf(event.severity, reason, event.message);
    if (kind === null) return { eventType, dedupKey, events: [] };

    const namespace = presentText(object.namespace);
    const objectRef = `${object.kind}/${namespace ?? ""}/${object.name}`;
    const metadata = event.metadata ?? {};
    const rawRevision = metadataValue(metadata, "revision");
    const revision = rawRevision ? parseFluxRevision(rawRevision) : null;
    const summary = metadataValue(metadata, "summary");

    const description = [
      summary,
      event.message.trim() || null,
      revision?.ref ? `${revision.ref.startsWith("refs/tags/") ? "Tag" : "Branch"}: ${revision.ref}` : null,
    ].filter((line): line is string => line !== null);

    const occurredAt = (event.timestamp ? parseTimestamp(event.timestamp, "timestamp") : null) ?? raw.receivedAt;
    return {
      eventType,
      dedupKey,
      events: [
        {
          type: "change",
          kind,
          title: kind === "reconcile_failed" ? `${objectRef} failed: ${reason || "error"}` : `${objectRef} reconciled`,
          description: description.length > 0 ? description.join("\n\n") : null,
          revision: revision?.revision ?? null,
          environment: metadataValue(metadata, "env") ?? metadataValue(metadata, "environment"),
          actor: presentText(event.reportingController),
          url: null,
          occurredAt,
          externalId: `flux:${objectRef}:${event.severity}:${reason}:${rawRevision ?? ""}:${occurredAt.toISOString()}`,
          hints: { fluxObject: objectRef, ...(namespace ? { namespace } : {}) },
        },
      ],
    };
  },
};
