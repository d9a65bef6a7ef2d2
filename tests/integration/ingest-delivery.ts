// Posts webhook deliveries through the real ingest route, signed the way each sender signs
// them, for the API tests that need alerts, changes and deliveries to exist.
import { createHmac } from "node:crypto";
import { POST as ingestRoute } from "@/app/api/ingest/[integrationId]/route";
import { callRoute, type RouteAnswer } from "./route-request";

export interface IngestTarget {
  id: string;
  secret: string;
}

export function postDelivery(integrationId: string, body: string, headers: Record<string, string>): Promise<RouteAnswer<Record<string, unknown>>> {
  return callRoute(ingestRoute, {
    method: "POST",
    path: `/api/ingest/${integrationId}`,
    raw: body,
    headers: { "content-type": "application/json", ...headers },
    params: { integrationId },
  });
}

export const hmacHex = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

export function postBearer(target: IngestTarget, payload: unknown) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return postDelivery(target.id, body, { authorization: `Bearer ${target.secret}` });
}

export function postGitHub(target: IngestTarget, event: string, delivery: string, payload: unknown) {
  const body = JSON.stringify(payload);
  return postDelivery(target.id, body, { "x-github-event": event, "x-github-delivery": delivery, "x-hub-signature-256": `sha256=${hmacHex(target.secret, body)}` });
}

export function postFlux(target: IngestTarget, payload: unknown) {
  const body = JSON.stringify(payload);
  return postDelivery(target.id, body, { "x-signature": `sha256=${hmacHex(target.secret, body)}` });
}

export function amAlert(name: string, options: { status?: "firing" | "resolved"; app?: string; severity?: string; startsAt?: string } = {}) {
  const status = options.status ?? "firing";
  return {
    status,
    labels: { alertname: name, app: options.app ?? "payments-api", severity: options.severity ?? "critical", namespace: "payments" },
    annotations: { summary: `${name} fired`, runbook_url: `https://runbooks.example/${name}` },
    startsAt: options.startsAt ?? new Date(Date.now() - 5 * 60_000).toISOString(),
    endsAt: status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z",
    generatorURL: "https://prometheus.example/graph",
  };
}

export function amGroup(alerts: unknown[], extra: Record<string, unknown> = {}) {
  return { version: "4", groupKey: "{}:{}", status: "firing", receiver: "logbook", groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: "https://am.example", alerts, ...extra };
}

export function fluxEvent(options: { name: string; namespace?: string; severity?: "info" | "error"; reason?: string; revision?: string; timestamp?: string; message?: string }) {
  return {
    involvedObject: { kind: "Kustomization", namespace: options.namespace ?? "flux-system", name: options.name, uid: "b1f4", apiVersion: "kustomize.toolkit.fluxcd.io/v1" },
    severity: options.severity ?? "info",
    timestamp: options.timestamp ?? new Date().toISOString(),
    message: options.message ?? "Reconciliation finished in 2s, next run in 10m",
    reason: options.reason ?? "ReconciliationSucceeded",
    metadata: { revision: options.revision ?? "main@sha1:0123456789abcdef0123456789abcdef01234567", env: "production" },
    reportingController: "kustomize-controller",
    reportingInstance: "kustomize-controller-7d9",
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
}

/** The error envelope of an answer whose success body has another type. */
export function errorOf(answer: { body: unknown }): ErrorBody["error"] {
  return (answer.body as ErrorBody).error;
}
