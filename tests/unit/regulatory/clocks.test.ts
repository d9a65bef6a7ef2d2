import { describe, expect, it } from "vitest";
import { computeDeadlines, deadlineStatus, type ClockEvents, type Deadline } from "@/lib/regulatory/clocks";
import type { ClockEntity, ReportType } from "@/lib/regulatory/regimes";

// 2026: 5 March is a Thursday; EU summer time starts 29 March and ends 25 October.
const paymentDK: ClockEntity = { country: "DK", entityType: "payment_institution", significant: false };
const creditDK: ClockEntity = { country: "DK", entityType: "credit_institution", significant: false };
const significantDK: ClockEntity = { country: "DK", entityType: "payment_institution", significant: true };
const paymentSE: ClockEntity = { country: "SE", entityType: "payment_institution", significant: false };

function events(awareAt: string, majorAt: string | string[], submissions: Array<[ReportType, string]> = [], more: Partial<ClockEvents> = {}): ClockEvents {
  const classified = (Array.isArray(majorAt) ? majorAt : [majorAt]).map((at) => ({ at, reportable: true }));
  return { awareAt, classifications: classified, submissions: submissions.map(([report, at]) => ({ report, at })), ...more };
}

function find(deadlines: Deadline[], report: ReportType, nth = 0): Deadline {
  const found = deadlines.filter((d) => d.report === report)[nth];
  if (!found) throw new Error(`no ${report} deadline in ${JSON.stringify(deadlines)}`);
  return found;
}

const dora = (e: ClockEvents, entity: ClockEntity = paymentDK) => computeDeadlines("dora", e, entity);

describe("DORA initial notification (Delegated Regulation (EU) 2025/301 Art. 5(1)(a), 5(2))", () => {
  it("4 h after classification as major on a working day", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-05T09:05:00Z")), "initial");
    expect(d.dueAt).toBe("2026-03-05T13:05:00.000Z");
    expect(d.anchor).toEqual({ event: "classification_as_major", at: "2026-03-05T09:05:00.000Z" });
    expect(d.rule).toBe("Initial notification within 4 h of classification as major (Art. 5(1)(a) Delegated Regulation (EU) 2025/301).");
    expect(d.movedFrom).toBeNull();
  });
  it("capped at 24 h after awareness when the classification comes late in the first day", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-06T05:00:00Z")), "initial");
    expect(d.dueAt).toBe("2026-03-06T07:52:00.000Z");
    expect(d.anchor).toEqual({ event: "awareness", at: "2026-03-05T07:52:00.000Z" });
  });
  it("exactly at the cap: 4 h after classification and 24 h after awareness coincide", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-06T03:52:00Z")), "initial");
    expect(d.dueAt).toBe("2026-03-06T07:52:00.000Z");
    expect(d.anchor.event).toBe("classification_as_major");
  });
  it("classified as major more than 24 h after awareness: 4 h after the classification (Art. 5(2))", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-06T10:00:00Z")), "initial");
    expect(d.dueAt).toBe("2026-03-06T14:00:00.000Z");
    expect(d.rule).toContain("Art. 5(2) Delegated Regulation (EU) 2025/301");
  });
  it("confirming the major classification does not restart the clock", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", ["2026-03-05T12:00:00Z", "2026-03-05T09:05:00Z"])), "initial");
    expect(d.dueAt).toBe("2026-03-05T13:05:00.000Z");
  });
  it("falls on a Saturday: a payment institution may submit by 12:00 Copenhagen time on Monday (Art. 5(4))", () => {
    const d = find(dora(events("2026-03-07T08:00:00Z", "2026-03-07T10:00:00Z")), "initial");
    expect(d.movedFrom).toBe("2026-03-07T14:00:00.000Z");
    expect(d.dueAt).toBe("2026-03-09T11:00:00.000Z"); // 12:00 CET
    expect(d.rule).toContain("Saturday");
    expect(d.rule).toContain("2026-03-09 12:00 Europe/Copenhagen");
  });
  it("a credit institution's initial notification does not move (Art. 5(5))", () => {
    const d = find(dora(events("2026-03-07T08:00:00Z", "2026-03-07T10:00:00Z"), creditDK), "initial");
    expect(d.dueAt).toBe("2026-03-07T14:00:00.000Z");
    expect(d.movedFrom).toBeNull();
    expect(d.rule).toContain("Art. 5(5)");
  });
  it("nor does a significant entity's", () => {
    const d = find(dora(events("2026-03-07T08:00:00Z", "2026-03-07T10:00:00Z"), significantDK), "initial");
    expect(d.dueAt).toBe("2026-03-07T14:00:00.000Z");
    expect(d.rule).toContain("significant");
  });
  it("central counterparties and trading venues are excluded too", () => {
    for (const entityType of ["central_counterparty", "trading_venue"] as const) {
      expect(find(dora(events("2026-03-07T08:00:00Z", "2026-03-07T10:00:00Z"), { country: "DK", entityType }), "initial").dueAt).toBe("2026-03-07T14:00:00.000Z");
    }
  });
  it("the day is the Member State's local day: Friday 23:30 UTC is Saturday 00:30 in Copenhagen", () => {
    const d = find(dora(events("2026-03-06T15:00:00Z", "2026-03-06T19:30:00Z")), "initial");
    expect(d.movedFrom).toBe("2026-03-06T23:30:00.000Z");
    expect(d.dueAt).toBe("2026-03-09T11:00:00.000Z");
  });
  it("and Sunday 23:30 UTC is already Monday in Copenhagen: no move", () => {
    const d = find(dora(events("2026-03-08T15:00:00Z", "2026-03-08T19:30:00Z")), "initial");
    expect(d.dueAt).toBe("2026-03-08T23:30:00.000Z");
    expect(d.movedFrom).toBeNull();
  });
  it("submitted late: met, and marked late", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-05T09:05:00Z", [["initial", "2026-03-05T14:00:00Z"]])), "initial");
    expect(d.submittedAt).toBe("2026-03-05T14:00:00.000Z");
    expect(d.late).toBe(true);
    expect(deadlineStatus(d, new Date("2026-03-06T00:00:00Z"))).toBe("met");
  });
  it("status: due before the time limit, overdue after it", () => {
    const d = find(dora(events("2026-03-05T07:52:00Z", "2026-03-05T09:05:00Z")), "initial");
    expect(deadlineStatus(d, new Date("2026-03-05T13:04:59Z"))).toBe("due");
    expect(deadlineStatus(d, new Date("2026-03-05T13:05:01Z"))).toBe("overdue");
    expect(d.ifLate).toContain("Art. 5(3)");
  });
});

describe("DORA intermediate report (Art. 5(1)(b))", () => {
  it("72 h after the initial notification's submission; none before it is submitted", () => {
    expect(dora(events("2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z")).map((d) => d.report)).toEqual(["initial"]);
    const d = find(dora(events("2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z", [["initial", "2026-03-02T10:00:00Z"]])), "intermediate");
    expect(d.dueAt).toBe("2026-03-05T10:00:00.000Z");
    expect(d.anchor).toEqual({ event: "initial_submitted", at: "2026-03-02T10:00:00.000Z" });
  });
  it("on a Sunday: moves to Monday 12:00 for a payment institution, stays for a credit institution", () => {
    const e = events("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z", [["initial", "2026-03-05T12:00:00Z"]]);
    expect(find(dora(e), "intermediate").dueAt).toBe("2026-03-09T11:00:00.000Z");
    expect(find(dora(e, creditDK), "intermediate").dueAt).toBe("2026-03-08T12:00:00.000Z");
  });
  it("Danish Easter: Maundy Thursday to Easter Monday are skipped, due Tuesday 12:00 CEST", () => {
    const d = find(dora(events("2026-03-30T08:00:00Z", "2026-03-30T09:00:00Z", [["initial", "2026-03-30T10:00:00Z"]])), "intermediate");
    expect(d.movedFrom).toBe("2026-04-02T10:00:00.000Z");
    expect(d.rule).toContain("bank holiday (Skærtorsdag)");
    expect(d.dueAt).toBe("2026-04-07T10:00:00.000Z");
  });
  it("Danish Ascension Day (Thursday 14 May 2026) moves to Friday 12:00", () => {
    const d = find(dora(events("2026-05-11T08:00:00Z", "2026-05-11T09:00:00Z", [["initial", "2026-05-11T11:00:00Z"]])), "intermediate");
    expect(d.dueAt).toBe("2026-05-15T10:00:00.000Z");
  });
  it("Swedish Midsummer Eve (a bank holiday) and the weekend: due Monday 12:00 Stockholm time", () => {
    const d = find(dora(events("2026-06-16T06:00:00Z", "2026-06-16T07:00:00Z", [["initial", "2026-06-16T08:00:00Z"]]), paymentSE), "intermediate");
    expect(d.movedFrom).toBe("2026-06-19T08:00:00.000Z");
    expect(d.rule).toContain("midsommarafton");
    expect(d.dueAt).toBe("2026-06-22T10:00:00.000Z");
  });
  it("the same day is a working day in Denmark", () => {
    const d = find(dora(events("2026-06-16T06:00:00Z", "2026-06-16T07:00:00Z", [["initial", "2026-06-16T08:00:00Z"]])), "intermediate");
    expect(d.dueAt).toBe("2026-06-19T08:00:00.000Z");
  });
  it("Swedish Epiphany (Tuesday 6 January 2026) moves to Wednesday 12:00 CET", () => {
    const d = find(dora(events("2026-01-02T08:00:00Z", "2026-01-02T09:00:00Z", [["initial", "2026-01-03T09:00:00Z"]]), paymentSE), "intermediate");
    expect(d.dueAt).toBe("2026-01-07T11:00:00.000Z");
  });
  it("DST starts on Sunday 29 March 2026: Monday 12:00 is 10:00 UTC, not 11:00", () => {
    const d = find(dora(events("2026-03-26T08:00:00Z", "2026-03-26T08:30:00Z", [["initial", "2026-03-26T09:00:00Z"]])), "intermediate");
    expect(d.movedFrom).toBe("2026-03-29T09:00:00.000Z");
    expect(d.dueAt).toBe("2026-03-30T10:00:00.000Z");
  });
  it("DST ends on Sunday 25 October 2026: Monday 12:00 is 11:00 UTC again", () => {
    const d = find(dora(events("2026-10-21T13:00:00Z", "2026-10-21T14:00:00Z", [["initial", "2026-10-21T15:00:00Z"]])), "intermediate");
    expect(d.movedFrom).toBe("2026-10-24T15:00:00.000Z");
    expect(d.dueAt).toBe("2026-10-26T11:00:00.000Z");
  });
  it("regular activities recovered after the first intermediate report: an updated one without undue delay, and the final waits for it", () => {
    const e = events("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z", [["initial", "2026-03-05T12:00:00Z"], ["intermediate", "2026-03-06T10:00:00Z"]], { recoveredAt: "2026-03-10T15:00:00Z" });
    const deadlines = dora(e);
    const update = find(deadlines, "intermediate", 1);
    expect(update.dueAt).toBeNull();
    expect(update.anchor).toEqual({ event: "regular_activities_recovered", at: "2026-03-10T15:00:00.000Z" });
    expect(deadlineStatus(update, new Date("2026-03-20T00:00:00Z"))).toBe("due");
    expect(deadlines.some((d) => d.report === "final")).toBe(false);
  });
  it("recovery before the first intermediate report is covered by it", () => {
    const e = events("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z", [["initial", "2026-03-05T12:00:00Z"]], { recoveredAt: "2026-03-05T15:00:00Z" });
    expect(dora(e).filter((d) => d.report === "intermediate")).toHaveLength(1);
  });
});

describe("DORA final report (Art. 5(1)(c))", () => {
  it("one month after the latest (updated) intermediate report", () => {
    const e = events("2026-03-05T07:00:00Z", "2026-03-05T08:00:00Z", [["initial", "2026-03-05T12:00:00Z"], ["intermediate", "2026-03-06T10:00:00Z"], ["intermediate", "2026-03-20T10:00:00Z"]], { recoveredAt: "2026-03-10T15:00:00Z" });
    const final = find(dora(e), "final");
    expect(final.anchor).toEqual({ event: "intermediate_submitted", at: "2026-03-20T10:00:00.000Z" });
    expect(final.dueAt).toBe("2026-04-20T10:00:00.000Z");
  });
  it("from 31 January: the end of 28 February, a Saturday, so Monday 2 March 12:00 CET, even for a credit institution", () => {
    const e = events("2026-01-28T07:00:00Z", "2026-01-28T08:00:00Z", [["initial", "2026-01-28T10:00:00Z"], ["intermediate", "2026-01-31T10:00:00Z"]]);
    const final = find(dora(e, creditDK), "final");
    expect(final.movedFrom).toBe("2026-02-28T23:59:59.999Z");
    expect(final.dueAt).toBe("2026-03-02T11:00:00.000Z");
  });
  it("Christmas: due Friday 25 December 2026 in Denmark moves to Monday 28 December (Christmas Eve is not a bank holiday in the calendar)", () => {
    const e = events("2026-11-20T07:00:00Z", "2026-11-20T08:00:00Z", [["initial", "2026-11-20T10:00:00Z"], ["intermediate", "2026-11-25T09:00:00Z"]]);
    expect(find(dora(e), "final").dueAt).toBe("2026-12-28T11:00:00.000Z");
    const eve = events("2026-11-20T07:00:00Z", "2026-11-20T08:00:00Z", [["initial", "2026-11-20T10:00:00Z"], ["intermediate", "2026-11-24T09:00:00Z"]]);
    expect(find(dora(eve), "final").dueAt).toBe("2026-12-24T09:00:00.000Z");
  });
});

describe("DORA reclassification as non-major", () => {
  const aware = "2026-03-05T07:00:00Z";
  it("never classified as major: no deadlines", () => {
    expect(dora({ awareAt: aware, classifications: [{ at: "2026-03-05T08:00:00Z", reportable: false }], submissions: [] })).toEqual([]);
  });
  it("reclassified before the initial notification: nothing is due", () => {
    const e: ClockEvents = { awareAt: aware, classifications: [{ at: "2026-03-05T08:00:00Z", reportable: true }, { at: "2026-03-05T10:00:00Z", reportable: false }], submissions: [] };
    expect(dora(e)).toEqual([]);
  });
  it("reclassified after the initial notification: the authority is told by the running intermediate time limit; the intermediate falls away", () => {
    const e: ClockEvents = {
      awareAt: aware,
      classifications: [{ at: "2026-03-05T08:00:00Z", reportable: true }, { at: "2026-03-06T09:00:00Z", reportable: false }],
      submissions: [{ report: "initial", at: "2026-03-05T11:00:00Z" }],
    };
    const deadlines = dora(e);
    expect(deadlines.map((d) => d.report)).toEqual(["initial", "reclassification"]);
    const r = find(deadlines, "reclassification");
    expect(r.dueAt).toBe("2026-03-09T11:00:00.000Z"); // 72 h = Sunday 8 March 11:00 → Monday 12:00 CET
    expect(r.anchor).toEqual({ event: "reclassification_as_non_major", at: "2026-03-06T09:00:00.000Z" });
    expect(r.rule).toContain("field 1.1");
  });
  it("the reclassification submission meets it", () => {
    const e: ClockEvents = {
      awareAt: aware,
      classifications: [{ at: "2026-03-05T08:00:00Z", reportable: true }, { at: "2026-03-06T09:00:00Z", reportable: false }],
      submissions: [{ report: "initial", at: "2026-03-05T11:00:00Z" }, { report: "reclassification", at: "2026-03-06T12:00:00Z" }],
    };
    expect(deadlineStatus(find(dora(e), "reclassification"), new Date("2026-03-07T00:00:00Z"))).toBe("met");
  });
  it("major again after a reclassification: the clock runs from the new classification", () => {
    const e: ClockEvents = {
      awareAt: aware,
      classifications: [{ at: "2026-03-05T08:00:00Z", reportable: true }, { at: "2026-03-05T09:00:00Z", reportable: false }, { at: "2026-03-09T09:00:00Z", reportable: true }],
      submissions: [],
    };
    expect(find(dora(e), "initial").dueAt).toBe("2026-03-09T13:00:00.000Z");
  });
});

describe("NIS2 (Directive (EU) 2022/2555 Art. 23(4)) and GDPR (Art. 33(1))", () => {
  const significant = { awareAt: "2026-03-06T10:00:00Z", classifications: [{ at: "2026-03-06T11:00:00Z", reportable: true }], submissions: [] };
  it("NIS2: early warning 24 h and notification 72 h after awareness; weekends do not move them", () => {
    const d = computeDeadlines("nis2", significant, paymentDK);
    expect(find(d, "initial").dueAt).toBe("2026-03-07T10:00:00.000Z");
    expect(find(d, "intermediate").dueAt).toBe("2026-03-09T10:00:00.000Z");
    expect(d.some((x) => x.report === "final")).toBe(false);
    expect(find(d, "initial").rule).toContain("Art. 23(4)(a)");
  });
  it("NIS2: final report one month after the incident notification", () => {
    const d = computeDeadlines("nis2", { ...significant, submissions: [{ report: "intermediate", at: "2026-03-08T09:00:00Z" }] }, paymentDK);
    expect(find(d, "final").dueAt).toBe("2026-04-08T09:00:00.000Z");
  });
  it("NIS2: not significant, nothing due", () => {
    expect(computeDeadlines("nis2", { ...significant, classifications: [{ at: "2026-03-06T11:00:00Z", reportable: false }] }, paymentDK)).toEqual([]);
  });
  it("GDPR: notification 72 h after awareness, a Monday 10:00 even from a Friday", () => {
    const d = computeDeadlines("gdpr", significant, paymentDK);
    expect(d).toHaveLength(1);
    expect(d[0]?.dueAt).toBe("2026-03-09T10:00:00.000Z");
    expect(d[0]?.ifLate).toContain("reasons for the delay");
  });
  it("GDPR: a breach unlikely to be a risk is documented, not notified", () => {
    expect(computeDeadlines("gdpr", { ...significant, classifications: [{ at: "2026-03-06T11:00:00Z", reportable: false }] }, paymentDK)).toEqual([]);
  });
});
