export { findChange, gitHubServiceError, planRollback, type RollbackPlan } from "./plan";
export { applyPullRequestUpdate, linkAppliedChange, rollbacksInFlight } from "./pull-request-state";
