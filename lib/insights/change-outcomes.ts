import type { ChangeKind } from "@/lib/ingest/types";

/**
 * What counts as a deployment in delivery health: a finished GitHub deployment or Argo CD
 * sync, whether it succeeded or not. `deploy_started` is left out (it pairs with its outcome
 * and would count each deployment twice); Flux reconciliations are left out because Flux
 * reconciles on an interval, so most of them deploy nothing.
 */
export const DEPLOYMENT_KINDS = ["deploy_succeeded", "deploy_failed", "sync_succeeded", "sync_failed"] as const satisfies readonly ChangeKind[];

/** "What was released" in the digest. */
export const RELEASED_KINDS = ["deploy_succeeded", "sync_succeeded", "reconcile_succeeded", "release_published"] as const satisfies readonly ChangeKind[];

/** "What failed to release" in the digest. */
export const FAILED_RELEASE_KINDS = ["deploy_failed", "sync_failed", "reconcile_failed", "workflow_failed"] as const satisfies readonly ChangeKind[];

/** Marks that say a responder linked the change to the incident as a cause. */
export const CAUSE_MARKS = ["suspect", "culprit"] as const;
