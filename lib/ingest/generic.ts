import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { alertStatusSchema, hintsFromLabels } from "./alert-group";
import { contentHash, labelFingerprint } from "./digests";
import { decodeJsonBody, parseTimestamp, presentText, validatePayload } from "./payload";
import { verifyBearer } from "./signatures";
import { CHANGE_KINDS, type IngestAdapter, type NormalizedAlert, type NormalizedChange, type ParsedDelivery, type RawDelivery, type ServiceHints } from "./types";

/**
 * Logbook's own format, for scripts and tools without a native adapter: one event object,
 * or `{ "events": [ … ] }`. The fields mirror the normalised shapes (types.ts):
 *
 *   { "type": "alert", "name": "Disk almost full", "status": "firing", "severity": "warning",
 *     "fingerprint"?, "labels"?, "annotations"?, "summary"?, "runbookUrl"?, "startsAt"?,
 *     "endsAt"?, "generatorUrl"?, "service"?, "hints"? }
 *   { "type": "change", "kind": "deploy_succeeded", "title": "ledger 2.4.1 to prod",
 *     "description"?, "revision"?, "environment"?, "actor"?, "url"?, "occurredAt"?,
 *     "externalId"?, "service"?, "repository"?, "hints"? }
 *
 * Timestamps default to the time of receipt. Without a fingerprint, an alert's comes from
 * its labels (name included); without an externalId, a change's is the hash of the event,
 * so resending the same event does not store it twice.
 */

const stringMap = z.record(z.string(), z.string());
const text = z.string().nullish().transform((value) => presentText(value));

/** Hints are kept with every change: a few labels and names, not a second payload. */
const MAX_HINTS_CHARS = 8 * 1024;

const hintsSchema = z
  .looseObject({
    labels: stringMap.optional(),
    namespace: z.string().optional(),
    repository: z.string().optional(),
    fluxObject: z.string().optional(),
    argoApplication: z.string().optional(),
    serviceName: z.string().optional(),
  })
  .refine((hints) => JSON.stringify(hints).length <= MAX_HINTS_CHARS, `hints are over ${MAX_HINTS_CHARS} characters of JSON`);

const common = {
  service: text,
  namespace: text,
  repository: text,
  hints: hintsSchema.optional(),
};

const alertEvent = z.looseObject({
  type: z.literal("alert"),
  name: z.string().trim().min(1),
  status: alertStatusSchema,
  fingerprint: text,
  severity: text,
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  summary: text,
  runbookUrl: text,
  startsAt: text,
  endsAt: text,
  generatorUrl: text,
  ...common,
});

const changeEvent = z.looseObject({
  type: z.literal("change"),
  kind: z.enum(CHANGE_KINDS),
  title: z.string().trim().min(1),
  description: text,
  revision: text,
  environment: text,
  actor: text,
  url: text,
  occurredAt: text,
  externalId: text,
  ...common,
});

const genericEvent = z.discriminatedUnion("type", [alertEvent, changeEvent]);
const genericList = z.looseObject({ events: z.array(genericEvent).min(1) });

function hintsOf(event: z.output<typeof genericEvent>, fromLabels: ServiceHints): ServiceHints {
  const hints: ServiceHints = { ...fromLabels, ...(event.hints ?? {}) };
  if (event.service) hints.serviceName = event.service;
  if (event.namespace) hints.namespace = event.namespace;
  if (event.repository) hints.repository = event.repository;
  return hints;
}

function toAlert(event: z.output<typeof alertEvent>, path: string, receivedAt: Date): NormalizedAlert {
  const labels: Record<string, string> = { alertname: event.name, ...(event.labels ?? {}) };
  const annotations = { ...(event.annotations ?? {}) };
  const startsAt = event.startsAt ? parseTimestamp(event.startsAt, `${path}.startsAt`) : null;
  const endsAt = event.endsAt ? parseTimestamp(event.endsAt, `${path}.endsAt`) : null;
  return {
    type: "alert",
    fingerprint: event.fingerprint ?? labelFingerprint(labels),
    name: event.name.trim(),
    status: event.status,
    severity: event.severity ?? presentText(labels.severity),
    labels,
    annotations,
    runbookUrl: event.runbookUrl ?? presentText(annotations.runbook_url) ?? presentText(annotations.runbook),
    summary: event.summary ?? presentText(annotations.summary),
    startsAt: startsAt ?? receivedAt,
    endsAt: event.status === "resolved" ? (endsAt ?? receivedAt) : null,
    generatorUrl: event.generatorUrl,
    hints: hintsOf(event, event.labels ? hintsFromLabels(labels) : {}),
  };
}

function toChange(event: z.output<typeof changeEvent>, path: string, receivedAt: Date): NormalizedChange {
  const externalId = event.externalId ?? `generic:${createHash("sha256").update(canonicalize(event) ?? "").digest("hex")}`;
  return {
    type: "change",
    kind: event.kind,
    title: event.title.trim(),
    description: event.description,
    revision: event.revision,
    environment: event.environment,
    actor: event.actor,
    url: event.url,
    occurredAt: (event.occurredAt ? parseTimestamp(event.occurredAt, `${path}.occurredAt`) : null) ?? receivedAt,
    externalId,
    hints: hintsOf(event, {}),
  };
}

export const genericAdapter: IngestAdapter = {
  source: "generic",
  verify: (raw, secret) => verifyBearer(raw.headers, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const body = decodeJsonBody(raw.body);
    // Validate the list form on its own when the body has `events`, so its errors name the
    // bad element instead of the union's "no matching variant".
    const isList = typeof body === "object" && body !== null && !Array.isArray(body) && "events" in body;
    const events = isList ? validatePayload(genericList, body, "generic event list").events : [validatePayload(genericEvent, body, "generic event")];
    return {
      eventType: isList ? "events" : events[0]!.type,
      dedupKey: contentHash(raw.body),
      events: events.map((event, index) => {
        const path = isList ? `events[${index}]` : "body";
        return event.type === "alert" ? toAlert(event, path, raw.receivedAt) : toChange(event, path, raw.receivedAt);
      }),
    };
  },
};
