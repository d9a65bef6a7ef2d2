import { z } from "zod";
import { labelFingerprint } from "./digests";
import { parseTimestamp, presentText } from "./payload";
import type { AlertStatus, NormalizedAlert, ServiceHints } from "./types";

/**
 * The Alertmanager webhook format (version 4), which Grafana unified alerting extends:
 * `{ status, alerts: [{ status, labels, annotations, startsAt, endsAt, generatorURL,
 * fingerprint }], groupLabels, commonLabels, … }`. Both adapters share this reading.
 */

// Proxies and older senders sometimes put numbers or booleans in labels; they are still labels.
const labelValue = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value));
const labelMap = z
  .record(z.string(), labelValue)
  .nullish()
  .transform((value) => value ?? {});

export const alertStatusSchema = z.enum(["firing", "resolved"]);

export const groupedAlertSchema = z.looseObject({
  // Some proxies drop the per-alert status; the group's status then applies.
  status: alertStatusSchema.optional(),
  labels: labelMap,
  annotations: labelMap,
  startsAt: z.string().nullish(),
  endsAt: z.string().nullish(),
  generatorURL: z.string().nullish(),
  fingerprint: z.string().nullish(),
});
export type GroupedAlert = z.output<typeof groupedAlertSchema>;

export const alertGroupShape = {
  status: alertStatusSchema,
  alerts: z.array(groupedAlertSchema),
  receiver: z.string().nullish(),
  groupKey: z.string().nullish(),
  externalURL: z.string().nullish(),
};

/** Label names that carry the service's name, strongest first (see service-mapping.ts). */
export const SERVICE_LABELS = ["service", "app", "app.kubernetes.io/name"] as const;

export function hintsFromLabels(labels: Record<string, string>): ServiceHints {
  const hints: ServiceHints = { labels: { ...labels } };
  const namespace = presentText(labels.namespace);
  if (namespace) hints.namespace = namespace;
  // `job` is the scrape job — often named after the service, but weaker than explicit labels.
  for (const key of [...SERVICE_LABELS, "job"]) {
    const value = presentText(labels[key]);
    if (value) {
      hints.serviceName = value;
      break;
    }
  }
  return hints;
}

export interface AlertContext {
  groupStatus: AlertStatus;
  receivedAt: Date;
  /** Where the alert sits in the body, for error messages: "alerts[2]". */
  path: string;
}

export function normaliseGroupedAlert(alert: GroupedAlert, context: AlertContext): NormalizedAlert {
  const { labels, annotations } = alert;
  const status = alert.status ?? context.groupStatus;
  const startsAt = alert.startsAt ? parseTimestamp(alert.startsAt, `${context.path}.startsAt`) : null;
  const endsAt = alert.endsAt ? parseTimestamp(alert.endsAt, `${context.path}.endsAt`) : null;
  return {
    type: "alert",
    fingerprint: presentText(alert.fingerprint) ?? labelFingerprint(labels),
    name: presentText(labels.alertname) ?? presentText(annotations.summary) ?? "Unnamed alert",
    status,
    severity: presentText(labels.severity),
    labels,
    annotations,
    runbookUrl: presentText(annotations.runbook_url) ?? presentText(annotations.runbook) ?? null,
    summary: presentText(annotations.summary) ?? presentText(annotations.message),
    startsAt: startsAt ?? context.receivedAt,
    // A firing alert has not ended: Prometheus fills endsAt with its resolve timeout, which
    // is a guess about the future, not an end. A resolved alert always has one.
    endsAt: status === "resolved" ? (endsAt ?? context.receivedAt) : null,
    generatorUrl: presentText(alert.generatorURL),
    hints: hintsFromLabels(labels),
  };
}
