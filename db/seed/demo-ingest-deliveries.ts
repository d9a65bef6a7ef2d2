/*
 * What the demo's senders "sent" over the last two days, in their own webhook formats, so
 * the seed can push them through the real pipeline (verify → store → normalise →
 * correlate). Times are offsets before `now`; each delivery is received when it happened.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export type DemoSender = "alertmanager" | "github" | "flux";

export interface DemoDelivery {
  sender: DemoSender;
  /** how long before now it was sent */
  agoMs: number;
  /** GitHub's X-GitHub-Event */
  event?: string;
  body: Record<string, unknown>;
  /** sent with a wrong signature: the demo's one rejected delivery */
  badSignature?: boolean;
}

const GITHUB_ORG = "demo-bank";

function repository(name: string) {
  return { full_name: `${GITHUB_ORG}/${name}`, html_url: `https://github.com/${GITHUB_ORG}/${name}`, default_branch: "main" };
}

/** A short, stable fake commit id per label, so the same "commit" shows up in a merge and its deploy. */
function sha(label: string): string {
  let hash = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 40; round++) {
    for (const char of `${label}:${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}

function iso(now: Date, agoMs: number): string {
  return new Date(now.getTime() - agoMs).toISOString();
}

let nextId = 7_410_000;

function deployStatus(now: Date, agoMs: number, repo: string, version: string, state: "success" | "failure", actor: string, description: string): DemoDelivery {
  const id = nextId++;
  const deployedAt = iso(now, agoMs);
  return {
    sender: "github",
    agoMs,
    event: "deployment_status",
    body: {
      action: "created",
      deployment_status: {
        id: id * 10,
        state,
        environment: "production",
        description,
        log_url: `https://github.com/${GITHUB_ORG}/${repo}/actions/runs/${id}`,
        created_at: deployedAt,
        updated_at: deployedAt,
      },
      deployment: { id, sha: sha(`${repo}@${version}`), ref: version, environment: "production", description: `Deploy ${version}`, created_at: iso(now, agoMs + 4 * MINUTE_MS) },
      repository: repository(repo),
      sender: { login: actor },
    },
  };
}

function mergedPr(now: Date, agoMs: number, repo: string, number: number, title: string, branch: string, actor: string): DemoDelivery {
  return {
    sender: "github",
    agoMs,
    event: "pull_request",
    body: {
      action: "closed",
      number,
      pull_request: {
        number,
        title,
        html_url: `https://github.com/${GITHUB_ORG}/${repo}/pull/${number}`,
        merged: true,
        merged_at: iso(now, agoMs),
        merge_commit_sha: sha(`${repo}#${number}`),
        base: { ref: "main" },
        head: { ref: branch },
      },
      repository: repository(repo),
      sender: { login: actor },
    },
  };
}

function release(now: Date, agoMs: number, repo: string, tag: string, name: string, actor: string): DemoDelivery {
  return {
    sender: "github",
    agoMs,
    event: "release",
    body: {
      action: "published",
      release: { id: nextId++, tag_name: tag, name, html_url: `https://github.com/${GITHUB_ORG}/${repo}/releases/tag/${tag}`, prerelease: false, published_at: iso(now, agoMs) },
      repository: repository(repo),
      sender: { login: actor },
    },
  };
}

function workflowFailed(now: Date, agoMs: number, repo: string, name: string, title: string, actor: string): DemoDelivery {
  const id = nextId++;
  return {
    sender: "github",
    agoMs,
    event: "workflow_run",
    body: {
      action: "completed",
      workflow_run: {
        id,
        name,
        display_title: title,
        head_branch: "main",
        head_sha: sha(`${repo}:${title}`),
        conclusion: "failure",
        html_url: `https://github.com/${GITHUB_ORG}/${repo}/actions/runs/${id}`,
        run_attempt: 1,
        run_number: 812,
        updated_at: iso(now, agoMs),
      },
      repository: repository(repo),
      sender: { login: actor },
    },
  };
}

function flux(
  now: Date,
  agoMs: number,
  object: { kind: string; namespace: string; name: string },
  outcome: { severity: "info" | "error"; reason: string; message: string },
  revision: string,
): DemoDelivery {
  return {
    sender: "flux",
    agoMs,
    body: {
      involvedObject: { kind: object.kind, namespace: object.namespace, name: object.name, apiVersion: "kustomize.toolkit.fluxcd.io/v1" },
      severity: outcome.severity,
      timestamp: iso(now, agoMs).replace(/\.\d{3}Z$/, "Z"),
      message: outcome.message,
      reason: outcome.reason,
      metadata: { revision: `main@sha1:${sha(revision)}`, env: "production", cluster: "prod-weu-1" },
      reportingController: object.kind === "HelmRelease" ? "helm-controller" : "kustomize-controller",
      reportingInstance: "flux-system",
    },
  };
}

const CARD_AUTHORIZER = { kind: "HelmRelease", namespace: "payments", name: "card-authorizer" };
const PAYMENTS_API = { kind: "Kustomization", namespace: "payments", name: "payments-api" };
const APPS_PROD = { kind: "Kustomization", namespace: "flux-system", name: "apps-prod" };
const INFRA_PROD = { kind: "Kustomization", namespace: "flux-system", name: "infra-prod" };
const KAFKA = { kind: "HelmRelease", namespace: "kafka", name: "kafka" };

const applied = (revision: string) => ({ severity: "info" as const, reason: "ReconciliationSucceeded", message: `Applied revision: main@sha1:${sha(revision).slice(0, 12)}` });

/**
 * Two days of changes across the demo services, shaped so the live incident (payments-api
 * and card-authorizer, started 27 minutes ago) has suspects: a payments-api deploy and a
 * card-authorizer Flux change shortly before it, and yesterday's salary-day incident has a
 * failed infra reconciliation before it.
 */
export function demoChangeDeliveries(now: Date): DemoDelivery[] {
  const h = (hours: number, minutes = 0) => hours * HOUR_MS + minutes * MINUTE_MS;
  nextId = 7_410_000;
  const deliveries: DemoDelivery[] = [
    mergedPr(now, h(46, 10), "ledger", 612, "Batch postings in groups of 500", "feat/batch-postings", "sofia-l"),
    deployStatus(now, h(45, 30), "ledger", "v5.8.0", "success", "ci-deployer", "Rolled out 6/6 replicas"),
    release(now, h(44), "mobile-bff", "v3.21.0", "Mobile BFF 3.21.0", "jonas-k"),
    deployStatus(now, h(43, 40), "mobile-bff", "v3.21.0", "success", "ci-deployer", "Rolled out 8/8 replicas"),
    flux(now, h(40, 5), KAFKA, applied("kafka-chart-26.4.1"), "kafka-chart-26.4.1"),
    mergedPr(now, h(30, 45), "platform-gitops", 8928, "infra: move workload-pool to Ddsv5 nodes", "infra/ddsv5-pool", "rafael-l"),
    flux(
      now,
      h(30, 5),
      INFRA_PROD,
      { severity: "error", reason: "HealthCheckFailed", message: "health check failed after 5m0s: timeout waiting for: [Deployment/kube-system/cluster-autoscaler status: 'InProgress']" },
      "platform-gitops#8928",
    ),
    flux(now, h(29, 20), INFRA_PROD, applied("platform-gitops#8928-fix"), "platform-gitops#8928-fix"),
    workflowFailed(now, h(20, 10), "payments-api", "integration-tests", "Nightly contract tests against Nordpay sandbox", "github-actions"),
    mergedPr(now, h(6, 30), "card-authorizer", 733, "Lower scheme gateway timeout to 1.5 s", "perf/scheme-timeout", "amir-h"),
    deployStatus(now, h(5, 50), "card-authorizer", "v4.12.0", "failure", "ci-deployer", "Rollout stalled: 2/6 replicas unavailable"),
    deployStatus(now, h(5, 20), "card-authorizer", "v4.12.1", "success", "ci-deployer", "Rolled out 6/6 replicas"),
    mergedPr(now, h(2, 5), "payments-api", 1497, "Retry PSP calls on 503 with jittered backoff", "fix/psp-retries", "erin-h"),
    release(now, h(1, 40), "payments-api", "v2.14.3", "Payments API 2.14.3", "erin-h"),
    deployStatus(now, h(1, 20), "payments-api", "v2.14.3", "success", "ci-deployer", "Rolled out 12/12 replicas"),
    flux(now, h(1, 10), PAYMENTS_API, applied("payments-api@v2.14.3"), "payments-api@v2.14.3"),
    flux(now, h(0, 50), CARD_AUTHORIZER, applied("card-authorizer-values-pspTimeout"), "card-authorizer-values-pspTimeout"),
    flux(now, h(0, 45), APPS_PROD, applied("platform-gitops#8941"), "platform-gitops#8941"),
  ];
  // A delivery a misconfigured sender signed with an old secret: it shows on the rejected list.
  deliveries.push({ ...flux(now, h(3, 15), APPS_PROD, applied("platform-gitops#8939"), "platform-gitops#8939"), badSignature: true });
  return deliveries.sort((a, b) => b.agoMs - a.agoMs);
}

/** Warnings no routing rule declares on: they wait in triage. */
export function demoTriageAlerts(now: Date): DemoDelivery {
  const alertOn = (name: string, service: string, namespace: string, startedAgoMs: number, summary: string, description: string, extra: Record<string, string> = {}) => ({
    status: "firing",
    labels: { alertname: name, severity: "warning", service, namespace, cluster: "prod-weu-1", ...extra },
    annotations: { summary, description, runbook_url: `https://runbooks.demo-bank.example/${service}/${name.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase())}` },
    startsAt: iso(now, startedAgoMs),
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: `https://prometheus.demo-bank.example/graph?g0.expr=${encodeURIComponent(name)}`,
  });
  return {
    sender: "alertmanager",
    agoMs: 2 * MINUTE_MS,
    body: {
      version: "4",
      status: "firing",
      receiver: "logbook",
      groupKey: '{}/{severity=~"warning"}:{alertname="platform-warnings"}',
      alerts: [
        alertOn(
          "KafkaConsumerLagHigh",
          "kafka",
          "kafka",
          38 * MINUTE_MS,
          "Consumer group ledger-postings is 48k messages behind",
          "Lag on topic payments.settled has grown for 30 minutes; ledger postings are delayed.",
          { consumergroup: "ledger-postings", topic: "payments.settled" },
        ),
        alertOn("KafkaUnderReplicatedPartitions", "kafka", "kafka", 21 * MINUTE_MS, "3 partitions under-replicated on broker kafka-2", "Broker kafka-2 is behind on replication since its disk latency rose."),
        alertOn("LedgerDiskFillingUp", "ledger", "core", 95 * MINUTE_MS, "ledger-db-0 volume will be full in about 9 hours", "Disk usage 81% and growing 2%/h after the batch postings change."),
      ],
      externalURL: "https://alertmanager.demo-bank.example",
    },
  };
}
