import { describe, expect, it } from "vitest";
import {
  INCIDENT_STATUSES,
  allowedNextStatuses,
  isOpenStatus,
  planStatusChange,
  timestampsForInitialStatus,
  type IncidentStatus,
  type LifecycleTimestamps,
} from "@/lib/core/incident-lifecycle";

type Stamp = keyof LifecycleTimestamps;

const EARLIER = new Date("2024-03-01T10:00:00.000Z");
const AT = new Date("2024-03-01T12:34:56.789Z");
const NONE: LifecycleTimestamps = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };

/** What an incident sitting in each status has already been stamped with. */
const STAMPS_IN: Record<IncidentStatus, LifecycleTimestamps> = {
  triggered: NONE,
  investigating: { ...NONE, acknowledgedAt: EARLIER },
  identified: { ...NONE, acknowledgedAt: EARLIER },
  monitoring: { ...NONE, acknowledgedAt: EARLIER, mitigatedAt: EARLIER },
  resolved: { ...NONE, acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER },
  closed: { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER, closedAt: EARLIER },
};

/**
 * The lifecycle as the product defines it: every allowed move, which timestamps it stamps
 * with the moment of the change, and which it clears. Any pair not listed is refused.
 */
const ALLOWED: Record<string, { stamps: Stamp[]; clears?: Stamp[] }> = {
  "triggered→investigating": { stamps: ["acknowledgedAt"] },
  "triggered→identified": { stamps: ["acknowledgedAt"] },
  // Moving to monitoring is a mitigation, not a recorded acknowledgement.
  "triggered→monitoring": { stamps: ["mitigatedAt"] },
  // Resolving straight away is neither an acknowledgement nor a mitigation: none is invented.
  "triggered→resolved": { stamps: ["resolvedAt"] },
  "investigating→identified": { stamps: [] },
  "investigating→monitoring": { stamps: ["mitigatedAt"] },
  "investigating→resolved": { stamps: ["resolvedAt"] },
  "identified→investigating": { stamps: [] },
  "identified→monitoring": { stamps: ["mitigatedAt"] },
  "identified→resolved": { stamps: ["resolvedAt"] },
  "monitoring→investigating": { stamps: [] },
  "monitoring→identified": { stamps: [] },
  // Already mitigated when it went to monitoring: the first mitigation time is kept.
  "monitoring→resolved": { stamps: ["resolvedAt"] },
  // Reopening: no longer resolved.
  "resolved→investigating": { stamps: [], clears: ["resolvedAt"] },
  "resolved→closed": { stamps: ["closedAt"] },
};

const PAIRS = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => ({ from, to, key: `${from}→${to}` })));

describe("incident status lifecycle", () => {
  it("covers all 36 pairs of the six statuses", () => {
    expect(INCIDENT_STATUSES).toEqual(["triggered", "investigating", "identified", "monitoring", "resolved", "closed"]);
    expect(PAIRS).toHaveLength(36);
    for (const key of Object.keys(ALLOWED)) expect(PAIRS.some((p) => p.key === key)).toBe(true);
  });

  it.each(PAIRS.filter((p) => ALLOWED[p.key]))("allows $key and stamps exactly the right timestamps", ({ from, to, key }) => {
    const current = STAMPS_IN[from];
    const plan = planStatusChange(from, to, current, AT);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const { stamps, clears = [] } = ALLOWED[key]!;
    const expected: LifecycleTimestamps = { ...current };
    for (const stamp of stamps) expected[stamp] = AT;
    for (const stamp of clears) expected[stamp] = null;
    expect(plan.timestamps).toEqual(expected);
    expect(allowedNextStatuses(from)).toContain(to);
  });

  it.each(PAIRS.filter((p) => !ALLOWED[p.key]))("refuses $key with a reason", ({ from, to }) => {
    const plan = planStatusChange(from, to, STAMPS_IN[from], AT);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    if (from === to) expect(plan.reason).toBe(`The incident is already ${to}.`);
    else if (from === "closed") expect(plan.reason).toBe("A closed incident cannot change status.");
    else expect(plan.reason).toContain(`from ${from} to ${to}`);
    expect(allowedNextStatuses(from)).not.toContain(to);
  });

  it("names the allowed moves when refusing one", () => {
    const plan = planStatusChange("resolved", "monitoring", STAMPS_IN.resolved, AT);
    expect(plan).toEqual({ ok: false, reason: "Cannot move an incident from resolved to monitoring; allowed: investigating, closed." });
  });

  it("never overwrites an earlier acknowledgement or mitigation", () => {
    // Acknowledged by the pager before anyone touched the status.
    const paged = { ...NONE, acknowledgedAt: EARLIER };
    const plan = planStatusChange("triggered", "monitoring", paged, AT);
    expect(plan).toEqual({ ok: true, timestamps: { ...NONE, acknowledgedAt: EARLIER, mitigatedAt: AT } });
  });

  it("restamps resolvedAt when a reopened incident is resolved again, keeping the first mitigation", () => {
    const reopened = planStatusChange("resolved", "investigating", STAMPS_IN.resolved, new Date("2024-03-02T00:00:00Z"));
    expect(reopened.ok && reopened.timestamps.resolvedAt).toBeNull();
    if (!reopened.ok) return;
    const again = planStatusChange("investigating", "resolved", reopened.timestamps, AT);
    expect(again).toEqual({ ok: true, timestamps: { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: AT, closedAt: null } });
  });

  it("does not modify the timestamps it is given", () => {
    const current = { ...NONE };
    planStatusChange("triggered", "resolved", current, AT);
    expect(current).toEqual(NONE);
  });

  it("records no acknowledgement or mitigation for an incident resolved straight from triggered", () => {
    expect(planStatusChange("triggered", "resolved", NONE, AT)).toEqual({ ok: true, timestamps: { ...NONE, resolvedAt: AT } });
  });

  it("treats picking up a reopened incident that was never acknowledged as its acknowledgement", () => {
    const resolvedUnacknowledged = { ...NONE, resolvedAt: EARLIER };
    expect(planStatusChange("resolved", "investigating", resolvedUnacknowledged, AT)).toEqual({ ok: true, timestamps: { ...NONE, acknowledgedAt: AT } });
  });

  it("knows which statuses are open", () => {
    expect(INCIDENT_STATUSES.filter(isOpenStatus)).toEqual(["triggered", "investigating", "identified", "monitoring"]);
  });
});

describe("timestamps of an incident created in a given status", () => {
  const RESOLVED_AT = new Date("2024-02-29T23:00:00.000Z");
  const PICKED_UP = new Date("2024-03-01T12:00:00.000Z");
  it.each([
    { status: "triggered", expected: NONE },
    { status: "investigating", expected: { ...NONE, acknowledgedAt: PICKED_UP } },
    { status: "identified", expected: { ...NONE, acknowledgedAt: PICKED_UP } },
    // Declared as already mitigated: when it was mitigated is not known, so it is not stamped.
    { status: "monitoring", expected: { ...NONE, acknowledgedAt: PICKED_UP } },
    // Declared as resolved: resolved by now, but never acknowledged or mitigated on record.
    { status: "resolved", expected: { ...NONE, resolvedAt: AT } },
    { status: "closed", expected: { ...NONE, resolvedAt: AT, closedAt: AT } },
  ] as const)("$status, declared by a person", ({ status, expected }) => {
    expect(timestampsForInitialStatus(status, AT, {}, PICKED_UP)).toEqual(expected);
  });

  it.each(INCIDENT_STATUSES)("%s, imported, invents no acknowledgement or mitigation", (status) => {
    const stamps = timestampsForInitialStatus(status, AT);
    expect(stamps.acknowledgedAt).toBeNull();
    expect(stamps.mitigatedAt).toBeNull();
  });

  it("uses a given resolution time for imported resolved incidents", () => {
    expect(timestampsForInitialStatus("resolved", AT, { resolvedAt: RESOLVED_AT })).toEqual({
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: RESOLVED_AT,
      closedAt: null,
    });
  });

  it("keeps acknowledgement and mitigation times a person states", () => {
    expect(timestampsForInitialStatus("resolved", AT, { resolvedAt: RESOLVED_AT, acknowledgedAt: EARLIER, mitigatedAt: EARLIER }, PICKED_UP)).toEqual({
      acknowledgedAt: EARLIER,
      mitigatedAt: EARLIER,
      resolvedAt: RESOLVED_AT,
      closedAt: null,
    });
  });
});
