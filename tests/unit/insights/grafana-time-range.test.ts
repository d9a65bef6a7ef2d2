import { describe, expect, it } from "vitest";
import { withGrafanaTimeRange } from "@/lib/core/grafana-time-range";

describe("withGrafanaTimeRange", () => {
  const from = new Date("2026-12-02T08:00:00Z");
  const to = new Date("2026-12-02T09:30:00Z");

  it("sets from and to in epoch milliseconds with 15 minutes either side, keeping the other parameters", () => {
    const url = new URL(withGrafanaTimeRange("https://grafana.example/d/abc/payments?orgId=1&viewPanel=4&from=now-6h&to=now", { from, to }));
    expect(url.searchParams.get("orgId")).toBe("1");
    expect(url.searchParams.get("viewPanel")).toBe("4");
    expect(url.searchParams.get("from")).toBe(String(from.getTime() - 900_000));
    expect(url.searchParams.get("to")).toBe(String(to.getTime() + 900_000));
  });

  it("runs to now while the incident is open, and leaves an unparseable link alone", () => {
    expect(new URL(withGrafanaTimeRange("https://grafana.example/d/abc", { from, to: null })).searchParams.get("to")).toBe("now");
    expect(withGrafanaTimeRange("not a url", { from, to })).toBe("not a url");
  });
});
