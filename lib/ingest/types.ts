/**
 * The vocabulary shared by every ingest adapter: what a delivery looks like on the way in,
 * and the normalised events it turns into. Adapters are pure (DESIGN.md §5): the route
 * handler stores the raw delivery, then asks the adapter to verify and parse it.
 */

import type { IngestSource } from "./registry";

/** The kinds of source are the keys of the adapter registry (./registry.ts), the one list. */
export type { IngestSource };

/** One webhook request as received. Header names are lower-cased; `body` is the exact bytes signed by the sender. */
export interface RawDelivery {
  headers: Record<string, string>;
  body: Uint8Array;
  receivedAt: Date;
}

/** What an event says about where it came from, for matching it to a catalogue service (see service-mapping.ts). */
export interface ServiceHints {
  labels?: Record<string, string>;
  namespace?: string;
  /** GitHub-style owner/repo. */
  repository?: string;
  /** `${kind}/${namespace}/${name}`, e.g. Kustomization/flux-system/apps. */
  fluxObject?: string;
  argoApplication?: string;
  serviceName?: string;
}

export type AlertStatus = "firing" | "resolved";

export interface NormalizedAlert {
  type: "alert";
  /** The sender's fingerprint, or sha256 of the sorted labels (first 16 hex) when it sent none. */
  fingerprint: string;
  name: string;
  status: AlertStatus;
  severity: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The `runbook_url` annotation, or `runbook`. */
  runbookUrl: string | null;
  summary: string | null;
  startsAt: Date;
  /** Null while firing, and for Go's zero time ("0001-01-01T00:00:00Z"). */
  endsAt: Date | null;
  generatorUrl: string | null;
  /** Extra links a sender offers next to the alert (Grafana: silence, dashboard, panel, image). */
  links?: Record<string, string>;
  hints: ServiceHints;
}

export const CHANGE_KINDS = [
  "deploy_started",
  "deploy_succeeded",
  "deploy_failed",
  "push",
  "pr_merged",
  "release_published",
  "workflow_failed",
  "reconcile_succeeded",
  "reconcile_failed",
  "sync_succeeded",
  "sync_failed",
  "health_degraded",
  "rollout_started",
  "rollout_completed",
  "rollout_failed",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface NormalizedChange {
  type: "change";
  kind: ChangeKind;
  title: string;
  description: string | null;
  revision: string | null;
  environment: string | null;
  actor: string | null;
  url: string | null;
  occurredAt: Date;
  /** Stable per change across redeliveries and related deliveries, so storing it is idempotent. */
  externalId: string;
  hints: ServiceHints;
}

export const PAGERDUTY_ACTIONS = [
  "triggered",
  "acknowledged",
  "resolved",
  "annotated",
  "reassigned",
  "escalated",
  "priority_updated",
  "reopened",
  "delegated",
  "unacknowledged",
] as const;
export type PagerDutyAction = (typeof PAGERDUTY_ACTIONS)[number];

export interface NormalizedPagerDutyEvent {
  type: "pagerduty";
  action: PagerDutyAction;
  incidentId: string;
  incidentNumber: number | null;
  title: string;
  urgency: string | null;
  status: string | null;
  serviceName: string | null;
  htmlUrl: string | null;
  actor: string | null;
  /** The note's text for `annotated`; a one-line description of the new assignee or priority otherwise. */
  note: string | null;
  /** The incident's key: an Events API dedup key when Logbook paged (so the event lands on the paging incident). */
  incidentKey: string | null;
  occurredAt: Date;
  hints: ServiceHints;
}

/**
 * A pull request that Logbook opened to roll a change back (its head branch is
 * logbook/revert-…) moved: opened, closed (merged or not), reopened, or reviewed. Other pull
 * requests bring no such event, only the pr_merged change.
 */
export interface NormalizedPullRequestEvent {
  type: "pull_request";
  repository: string;
  number: number;
  action: "opened" | "closed" | "reopened" | "reviewed";
  merged: boolean;
  mergeCommitSha: string | null;
  headRef: string;
  /** for `reviewed`: the review's verdict */
  reviewState: "approved" | "changes_requested" | "commented" | null;
  actor: string | null;
  url: string | null;
  occurredAt: Date;
}

export type NormalizedEvent = NormalizedAlert | NormalizedChange | NormalizedPagerDutyEvent | NormalizedPullRequestEvent;

export interface ParsedDelivery {
  /** What the sender says happened, e.g. "pull_request.closed", "incident.acknowledged", "firing". */
  eventType: string;
  /** Identifies the delivery for deduplication within one integration (see each adapter). */
  dedupKey: string;
  /** Empty for event types Logbook does not use; the delivery is still accepted. */
  events: NormalizedEvent[];
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface IngestAdapter {
  source: IngestSource;
  /** Checks the delivery's credentials against the integration's secret, over the raw bytes. */
  verify(raw: RawDelivery, secret: string): VerifyResult;
  /** Throws IngestParseError for a body that is not the source's format. */
  parse(raw: RawDelivery): ParsedDelivery;
}
