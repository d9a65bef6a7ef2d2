import { describe, expect, it } from "vitest";
import { channelNameFor, channelNameWithSuffix } from "@/lib/slack/channel-name";
import { escapeMrkdwn, renderIncidentSummary } from "@/lib/slack/incident-summary";

describe("incident channel names", () => {
  const incident = { ref: "INC-42", title: "Checkout: 502s on /pay — Zürich!", severity: "SEV1" };
  it("fills the template and keeps only what Slack allows", () => {
    expect(channelNameFor("inc-{ref}-{title}", incident)).toBe("inc-inc-42-checkout-502s-on-pay-zurich");
    expect(channelNameFor("{severity}_{number}", incident)).toBe("sev1_42");
  });
  it("stays within 80 characters, suffix included", () => {
    const long = channelNameFor("inc-{ref}-{title}", { ...incident, title: "x".repeat(200) });
    expect(long).toHaveLength(80);
    expect(channelNameWithSuffix(long, 0)).toBe(long);
    expect(channelNameWithSuffix(long, 1)).toHaveLength(80);
    expect(channelNameWithSuffix(long, 1).endsWith("-2")).toBe(true);
    expect(channelNameWithSuffix("inc-1-db", 2)).toBe("inc-1-db-3");
  });
  it("falls back to the reference when nothing usable is left", () => {
    expect(channelNameFor("{title}", { ...incident, title: "!!!" })).toBe("inc-42");
  });
});

describe("the summary message", () => {
  it("escapes Slack markup in what people typed, so a title cannot mention or link", () => {
    expect(escapeMrkdwn("<!channel> & <https://evil|x>")).toBe("&lt;!channel&gt; &amp; &lt;https://evil|x&gt;");
    const message = renderIncidentSummary({
      id: "i1",
      ref: "INC-1",
      title: "t",
      summary: "<!here> look",
      severity: "SEV2",
      status: "investigating",
      services: ["pay"],
      roles: {},
      links: { incident: "https://logbook.test/incidents/INC-1", postmortem: null, runbook: null },
    });
    expect(JSON.stringify(message.blocks)).toContain("&lt;!here&gt; look");
    expect(JSON.stringify(message.blocks)).not.toContain("<!here>");
  });
});
