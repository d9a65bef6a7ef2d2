import { describe, expect, it } from "vitest";
import { wholeMonths } from "@/lib/insights/whole-months";

const at = (iso: string) => new Date(iso);

describe("wholeMonths", () => {
  it("a year by month up to now: eleven whole months, the current one a part-month", () => {
    expect(wholeMonths(at("2026-01-01T00:00:00Z"), at("2026-12-03T08:00:00Z"))).toEqual({ start: at("2026-01-01T00:00:00Z"), end: at("2026-12-01T00:00:00Z") });
  });
  it("starts at the next month when the range starts within one, and ends at a month boundary exactly", () => {
    expect(wholeMonths(at("2026-01-15T10:00:00Z"), at("2026-04-01T00:00:00Z"))).toEqual({ start: at("2026-02-01T00:00:00Z"), end: at("2026-04-01T00:00:00Z") });
  });
  it("months are UTC: a range starting at midnight in Oslo starts within the previous UTC month", () => {
    expect(wholeMonths(at("2025-12-31T23:00:00Z"), at("2026-03-01T00:00:00Z"))).toEqual({ start: at("2026-01-01T00:00:00Z"), end: at("2026-03-01T00:00:00Z") });
  });
  it("no whole month: an empty span at the end, so the change feed covers the whole range", () => {
    expect(wholeMonths(at("2026-01-05T00:00:00Z"), at("2026-02-20T00:00:00Z"))).toEqual({ start: at("2026-02-20T00:00:00Z"), end: at("2026-02-20T00:00:00Z") });
    expect(wholeMonths(at("2026-01-05T00:00:00Z"), at("2026-01-20T00:00:00Z"))).toEqual({ start: at("2026-01-20T00:00:00Z"), end: at("2026-01-20T00:00:00Z") });
  });
});
