import { describe, expect, it } from "vitest";
import { rankSuspectChanges, type ChangeCandidate } from "@/lib/correlation/suspect-changes";

const onset = new Date("2026-03-02T10:00:00Z");
const before = (minutes: number) => new Date(onset.getTime() - minutes * 60_000);
const change = (id: string, overrides: Partial<ChangeCandidate>): ChangeCandidate => ({
  id,
  kind: "deploy_succeeded",
  service: "payments-api",
  environment: "production",
  revision: null,
  occurredAt: before(10),
  ...overrides,
});

describe("rankSuspectChanges", () => {
  it("ranks a recent failed production deploy of the same service first, with its reasons", () => {
    const ranked = rankSuspectChanges({
      services: ["payments-api"],
      onsetAt: onset,
      changes: [
        change("old-deploy", { occurredAt: before(100) }),
        change("other-service", { service: "ledger", occurredAt: before(5) }),
        change("failed", { kind: "deploy_failed", occurredAt: before(12) }),
        change("staging", { environment: "staging", occurredAt: before(12) }),
      ],
    });
    expect(ranked.map((r) => r.changeId)).toEqual(["failed", "staging", "old-deploy"]);
    expect(ranked[0]!.reasons).toEqual(["Same service: payments-api", "12 minutes before onset", "Failed", "Production environment"]);
  });

  it("leaves out changes after onset and outside the look-back window", () => {
    const ranked = rankSuspectChanges({
      services: ["payments-api"],
      onsetAt: onset,
      changes: [change("after", { occurredAt: new Date(onset.getTime() + 60_000) }), change("too-old", { occurredAt: before(121) }), change("in", {})],
    });
    expect(ranked.map((r) => r.changeId)).toEqual(["in"]);
  });

  it("widens the look-back on request but never past 14 days", () => {
    const changes = [change("three-days", { occurredAt: before(3 * 24 * 60) }), change("twenty-days", { occurredAt: before(20 * 24 * 60) })];
    const ranked = rankSuspectChanges({ services: ["payments-api"], onsetAt: onset, changes, lookbackMs: 30 * 24 * 60 * 60_000 });
    expect(ranked.map((r) => r.changeId)).toEqual(["three-days"]);
  });

  it("flags configuration errors and the same revision as a failing change", () => {
    const ranked = rankSuspectChanges({
      services: ["payments-api"],
      onsetAt: onset,
      changes: [
        change("flux-failed", { kind: "reconcile_failed", service: null, environment: null, revision: "abc123", occurredAt: before(20) }),
        change("merge", { kind: "pr_merged", environment: null, revision: "abc123", occurredAt: before(40) }),
      ],
    });
    const byId = Object.fromEntries(ranked.map((r) => [r.changeId, r]));
    expect(byId["flux-failed"]!.reasons).toContain("Configuration error");
    expect(byId["merge"]!.reasons).toContain("Same revision as a failing change (abc123)");
  });

  it("considers every change when the incident has no services yet", () => {
    const ranked = rankSuspectChanges({ services: [], onsetAt: onset, changes: [change("a", { service: "ledger" }), change("b", { service: null })] });
    expect(ranked).toHaveLength(2);
    expect(ranked.every((r) => !r.reasons.some((reason) => reason.startsWith("Same service")))).toBe(true);
  });

  it("is deterministic for ties", () => {
    const changes = [change("b", {}), change("a", {})];
    expect(rankSuspectChanges({ services: ["payments-api"], onsetAt: onset, changes }).map((r) => r.changeId)).toEqual(["a", "b"]);
  });
});
