import { describe, expect, it } from "vitest";
import { checkKeyTimes, type KeyTimes } from "@/lib/core/incident-key-times";

const NOW = new Date("2024-03-01T12:00:00.000Z");
const min = (m: number) => new Date(NOW.getTime() + m * 60_000);
const utc = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 19)} UTC`;
const TIMES: KeyTimes = {
  occurredAt: min(-60),
  detectedAt: min(-50),
  awareAt: min(-45),
  classifiedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: min(-10),
};

describe("key times a responder sets", () => {
  it("accepts times that agree with the facts", () => {
    expect(checkKeyTimes({ ...TIMES, acknowledgedAt: min(-48), mitigatedAt: min(-20), classifiedAt: min(-30) }, ["acknowledgedAt", "mitigatedAt", "classifiedAt"], NOW)).toEqual([]);
  });

  it("refuses a time in the future, naming the field", () => {
    expect(checkKeyTimes({ ...TIMES, mitigatedAt: min(5) }, ["mitigatedAt"], NOW)).toEqual([{ field: "mitigatedAt", message: "mitigated time cannot be in the future" }]);
  });

  it("tolerates a browser clock a few seconds ahead", () => {
    expect(checkKeyTimes({ ...TIMES, resolvedAt: null, mitigatedAt: new Date(NOW.getTime() + 30_000) }, ["mitigatedAt"], NOW)).toEqual([]);
  });

  it("refuses a mitigation before detection and after resolution", () => {
    expect(checkKeyTimes({ ...TIMES, mitigatedAt: min(-55) }, ["mitigatedAt"], NOW)).toEqual([
      { field: "mitigatedAt", message: `mitigated before detected (${utc(min(-50))})` },
    ]);
    expect(checkKeyTimes({ ...TIMES, mitigatedAt: min(-5) }, ["mitigatedAt"], NOW)).toEqual([
      { field: "mitigatedAt", message: `mitigated after resolved (${utc(min(-10))})` },
    ]);
  });

  it("refuses an acknowledgement before the incident occurred", () => {
    const problems = checkKeyTimes({ ...TIMES, acknowledgedAt: min(-70) }, ["acknowledgedAt"], NOW);
    expect(problems.map((p) => p.message)).toEqual([
      `acknowledged before occurred (${utc(min(-60))})`,
      `acknowledged before detected (${utc(min(-50))})`,
    ]);
  });

  it("blames the later field when both of a pair are set, and judges only the fields being set", () => {
    expect(checkKeyTimes({ ...TIMES, awareAt: min(-20), classifiedAt: min(-30) }, ["awareAt", "classifiedAt"], NOW)).toEqual([
      { field: "classifiedAt", message: `classified before aware (${utc(min(-20))})` },
    ]);
    // An old record out of order does not block setting an unrelated time.
    expect(checkKeyTimes({ ...TIMES, detectedAt: min(-70), acknowledgedAt: min(-40) }, ["acknowledgedAt"], NOW)).toEqual([]);
  });

  it("accepts clearing a time", () => {
    expect(checkKeyTimes({ ...TIMES, mitigatedAt: null }, ["mitigatedAt"], NOW)).toEqual([]);
  });
});
