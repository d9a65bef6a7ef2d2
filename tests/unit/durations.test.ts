import { describe, expect, it } from "vitest";
import { elapsedBetween, formatDuration } from "@/lib/core/durations";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [999, "0s"],
    [SECOND, "1s"],
    [59 * SECOND, "59s"],
    [MINUTE, "1m 00s"],
    [4 * MINUTE + 5 * SECOND, "4m 05s"],
    [59 * MINUTE + 59 * SECOND, "59m 59s"],
    [HOUR, "1h 00m"],
    [HOUR + 23 * MINUTE + 59 * SECOND, "1h 23m"],
    [23 * HOUR + 59 * MINUTE, "23h 59m"],
    [DAY, "1d 0h"],
    [2 * DAY + 3 * HOUR + 59 * MINUTE, "2d 3h"],
    [400 * DAY, "400d 0h"],
    [-5 * SECOND, "0s"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("elapsedBetween", () => {
  it("measures from one instant to another, from Dates or ISO strings", () => {
    expect(elapsedBetween("2024-03-01T10:00:00Z", "2024-03-01T11:30:00Z")).toBe(90 * MINUTE);
    expect(elapsedBetween(new Date("2024-03-01T10:00:00Z"), "2024-03-01T10:00:01.500Z")).toBe(1500);
    expect(elapsedBetween("2024-03-01T10:00:00Z", "2024-03-01T09:00:00Z")).toBe(-HOUR);
  });

  it("is null when either end is missing", () => {
    expect(elapsedBetween(null, "2024-03-01T10:00:00Z")).toBeNull();
    expect(elapsedBetween("2024-03-01T10:00:00Z", null)).toBeNull();
  });
});
