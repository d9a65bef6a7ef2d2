import { describe, expect, it } from "vitest";
import { detectRollbacks, sameRevision, type Rollout } from "@/lib/correlation/rollback-detection";

const t0 = Date.parse("2024-05-01T10:00:00Z");
let seq = 0;
function rollout(revision: string | null, minutes: number, overrides: Partial<Rollout> = {}): Rollout {
  return { id: `r${++seq}-${revision}`, kind: "deploy_succeeded", service: "payments-api", environment: "production", revision, occurredAt: new Date(t0 + minutes * 60_000), ...overrides };
}

describe("sameRevision", () => {
  it.each([
    ["abc1234", "abc1234", true],
    ["abc1234", "ABC1234def5678abc1234def5678abc1234def56", true],
    ["abc123", "abc1234def", false],
    ["v1.2", "v1.2.3", false],
    ["abc1234", "abd1234", false],
  ])("%s vs %s → %s", (a, b, expected) => {
    expect(sameRevision(a, b)).toBe(expected);
  });
});

describe("detectRollbacks", () => {
  it("flags a rollout whose predecessor came back later", () => {
    const v1 = rollout("1111111", 0);
    const v2 = rollout("2222222", 10);
    const back = rollout("1111111aaaa", 20);
    expect([...detectRollbacks([back, v2, v1])]).toEqual([v2.id]);
  });

  it("does not flag a roll forward, a redeploy of the same revision, or the first rollout", () => {
    const v1 = rollout("1111111", 0);
    const v2 = rollout("2222222", 10);
    const again = rollout("2222222", 15);
    const v3 = rollout("3333333", 20);
    expect(detectRollbacks([v1, v2, again, v3]).size).toBe(0);
  });

  it("keeps services, environments and kinds apart", () => {
    const prod1 = rollout("1111111", 0);
    const prod2 = rollout("2222222", 10);
    const stagingBack = rollout("1111111", 20, { environment: "staging" });
    const otherServiceBack = rollout("1111111", 20, { service: "ledger" });
    const failedBack = rollout("1111111", 25, { kind: "deploy_failed" });
    const unmapped = rollout("1111111", 30, { service: null });
    expect(detectRollbacks([prod1, prod2, stagingBack, otherServiceBack, failedBack, unmapped]).size).toBe(0);
    const realBack = rollout("1111111", 40, { kind: "sync_succeeded" });
    expect([...detectRollbacks([prod1, prod2, realBack])]).toEqual([prod2.id]);
  });

  it("ignores rollouts without a revision", () => {
    expect(detectRollbacks([rollout(null, 0), rollout("2222222", 10), rollout(null, 20)]).size).toBe(0);
  });
});
