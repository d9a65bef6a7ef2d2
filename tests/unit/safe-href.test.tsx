import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { safeExternalHref } from "@/lib/core/safe-href";
import { withSafeLinks } from "@/lib/ingest/safe-links";
import type { NormalizedAlert, NormalizedChange } from "@/lib/ingest/types";
import { AlertSourceLinks } from "@/components/alerts/alert-source-links";

const HOSTILE = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "/relative", "not a url"];

describe("links from deliveries", () => {
  it("are kept only when they are absolute http(s) URLs", () => {
    expect(safeExternalHref("https://runbooks.example/disk?x=1#a")).toBe("https://runbooks.example/disk?x=1#a");
    expect(safeExternalHref("http://grafana.local:3000/d/abc")).toBe("http://grafana.local:3000/d/abc");
    for (const url of HOSTILE) expect(safeExternalHref(url)).toBeNull();
    expect(safeExternalHref(null)).toBeNull();
  });

  it("lose every hostile URL at normalisation, whichever field it came in", () => {
    const alert = {
      type: "alert",
      runbookUrl: "javascript:alert(1)",
      generatorUrl: "https://prometheus.example/graph",
      links: { dashboard: "data:text/html,x", panel: "https://grafana.example/d/1?viewPanel=2" },
    } as unknown as NormalizedAlert;
    const change = { type: "change", url: "javascript:alert(2)" } as unknown as NormalizedChange;
    const [safeAlert, safeChange] = withSafeLinks({ eventType: "x", dedupKey: "k", events: [alert, change] }).events;
    expect(safeAlert).toMatchObject({ runbookUrl: null, generatorUrl: "https://prometheus.example/graph", links: { panel: "https://grafana.example/d/1?viewPanel=2" } });
    expect((safeAlert as NormalizedAlert).links).not.toHaveProperty("dashboard");
    expect(safeChange).toMatchObject({ url: null });
  });

  it("are not rendered into href when a stored one is hostile", () => {
    const html = renderToStaticMarkup(
      <AlertSourceLinks alert={{ runbookUrl: "javascript:alert(1)", generatorUrl: "https://prometheus.example/graph", links: {}, startsAt: "2026-01-01T00:00:00.000Z", endsAt: null }} />,
    );
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://prometheus.example/graph"');
  });
});
