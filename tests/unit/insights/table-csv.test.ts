import { describe, expect, it } from "vitest";
import { tableCsv } from "@/components/insights/table-csv";
import { monthLabel, monthsBetween } from "@/components/insights/month-label";

describe("tableCsv", () => {
  it("writes RFC 4180 rows: CRLF, quotes where needed, empty for null, numbers as they are", () => {
    expect(tableCsv(["team", "median_s", "share"], [["payments", 600, 0.5], ['say "hi", twice', null, 1], ["two\nlines", 0, null]])).toBe(
      'team,median_s,share\r\npayments,600,0.5\r\n"say ""hi"", twice",,1\r\n"two\nlines",0,\r\n',
    );
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(tableCsv(["a"], [["=HYPERLINK(1)"], ["-2+3"], ["@x"], ["+1"]])).toBe("a\r\n'=HYPERLINK(1)\r\n'-2+3\r\n'@x\r\n'+1\r\n");
    expect(tableCsv(["a"], [[-2]])).toBe("a\r\n-2\r\n");
  });
});

describe("months", () => {
  it("lists every month of a range, the last one exclusive", () => {
    expect(monthsBetween("2025-11-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z")).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(monthsBetween("2026-01-15T00:00:00.000Z", "2026-02-10T00:00:00.000Z")).toEqual(["2026-01", "2026-02"]);
    expect(monthLabel("2026-03")).toBe("Mar 26");
    expect(monthLabel("2026-03", true)).toBe("Mar 2026");
  });
});
