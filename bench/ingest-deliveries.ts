import { createHmac, randomUUID } from "node:crypto";

export interface SignedDelivery {
  integration: "alertmanager" | "github" | "flux";
  headers: Record<string, string>;
  body: string;
  /** rows this delivery must create: alerts or changes */
  alerts: number;
  changes: number;
}

export interface BenchSecrets {
  alertmanager: string;
  github: string;
  flux: string;
}

export const BENCH_SERVICES = Array.from({ length: 20 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);

const hmac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

/**
 * Realistic, unique deliveries in the mix a busy cluster sends: Alertmanager groups of five
 * alerts, GitHub deployment statuses and Flux reconciliation events, each signed as its
 * sender would.
 */
export function makeDelivery(n: number, secrets: BenchSecrets): SignedDelivery {
  const service = BENCH_SERVICES[n % BENCH_SERVICES.length]!;
  const at = new Date().toISOString();
  switch (n % 3) {
    case 0: {
      const body = JSON.stringify({
        version: "4",
        groupKey: `{}:{app="${service}"}`,
        status: "firing",
        receiver: "logbook",
        groupLabels: { app: service },
        commonLabels: { app: service, namespace: "bench" },
        commonAnnotations: {},
        externalURL: "https://alertmanager.bench.example",
        alerts: Array.from({ length: 5 }, (_, k) => ({
          status: "firing",
          labels: { alertname: `BenchAlert${n}x${k}`, app: service, namespace: "bench", severity: k === 0 && n % 30 === 0 ? "critical" : "warning", pod: `${service}-${k}` },
          annotations: { summary: `${service} pod ${k} is unhappy`, runbook_url: `https://runbooks.bench.example/${service}` },
          startsAt: at,
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "https://prometheus.bench.example/graph",
        })),
      });
      return { integration: "alertmanager", headers: { authorization: `Bearer ${secrets.alertmanager}` }, body, alerts: 5, changes: 0 };
    }
    case 1: {
      const body = JSON.stringify({
        action: "created",
        deployment_status: { id: 900_000 + n, state: n % 10 === 1 ? "failure" : "success", environment: "production", target_url: `https://ci.bench.example/${n}`, created_at: at },
        deployment: { id: 500_000 + n, sha: hmac("sha", String(n)).slice(0, 40), ref: "main", environment: "production", created_at: at },
        repository: { full_name: `bench/${service}`, default_branch: "main", html_url: `https://github.bench.example/bench/${service}` },
        sender: { login: "bench-bot" },
      });
      const headers = { "x-github-event": "deployment_status", "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${hmac(secrets.github, body)}` };
      return { integration: "github", headers, body, alerts: 0, changes: 1 };
    }
    default: {
      const sha = hmac("flux", String(n)).slice(0, 40);
      const body = JSON.stringify({
        involvedObject: { kind: "Kustomization", namespace: "flux-system", name: service, uid: randomUUID(), apiVersion: "kustomize.toolkit.fluxcd.io/v1" },
        severity: n % 10 === 2 ? "error" : "info",
        timestamp: at,
        message: n % 10 === 2 ? "kustomize build failed: accumulating resources" : `Reconciliation finished in 1.2s, next run in 10m0s`,
        reason: n % 10 === 2 ? "BuildFailed" : "ReconciliationSucceeded",
        metadata: { revision: `main@sha1:${sha}` },
        reportingController: "kustomize-controller",
        reportingInstance: "kustomize-controller-7d9f",
      });
      return { integration: "flux", headers: { "x-signature": `sha256=${hmac(secrets.flux, body)}` }, body, alerts: 0, changes: 1 };
    }
  }
}
