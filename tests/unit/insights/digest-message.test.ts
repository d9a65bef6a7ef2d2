import { describe, expect, it } from "vitest";
import { renderDigestMessage, type DigestContent } from "@/lib/insights/digest-message";

const empty: DigestContent = {
  since: "2026-12-01T08:00:00.000Z",
  until: "2026-12-02T08:00:00.000Z",
  scope: { team: "payments", service: null },
  incidents: { opened: [], resolved: [] },
  alerts: [],
  changes: { released: [], failed: [] },
  actionItemsDue: [],
  health: [],
};

describe("renderDigestMessage", () => {
  it("says a quiet day in one line with no sections", () => {
    expect(renderDigestMessage(empty)).toEqual({
      title: "Since yesterday for payments",
      summary: "0 incidents opened, 0 resolved; 0 alerts fired; 0 released, 0 failed to release; 0 action items due.",
      text: "Since yesterday for payments: 0 incidents opened, 0 resolved; 0 alerts fired; 0 released, 0 failed to release; 0 action items due.",
      sections: [],
    });
    expect(renderDigestMessage({ ...empty, health: [{ service: "ledger", state: "green", reasons: [] }] }).summary).toMatch(/All services green\.$/);
  });

  it("lists what needs a look first, with links and tones, and caps long sections", () => {
    const released = Array.from({ length: 12 }, (_, i) => ({ kind: "deploy_succeeded", service: "payments-api", title: `v1.${i}`, url: i === 0 ? "https://github.example/d/1" : null }));
    const message = renderDigestMessage({
      ...empty,
      scope: { team: null, service: "payments-api" },
      health: [
        { service: "payments-api", state: "red", reasons: [{ text: "INC-3 open (SEV1): Down", href: "/incidents/INC-3" }] },
        { service: "ledger", state: "green", reasons: [] },
      ],
      incidents: { opened: [{ ref: "INC-3", title: "Down", severity: "SEV1" }], resolved: [] },
      changes: { released, failed: [{ kind: "deploy_failed", service: null, title: "v2 failed", url: null }] },
      actionItemsDue: [{ title: "Add alert", incidentRef: "INC-1", dueDate: "2026-11-30", overdue: true }],
    });
    expect(message.title).toBe("Since yesterday for payments-api");
    expect(message.summary).toBe("1 incident opened, 0 resolved; 0 alerts fired; 12 released, 1 failed to release; 1 action item due. 1 red, 0 amber.");
    expect(message.sections.map((s) => s.heading)).toEqual(["Service health", "Incidents opened", "Released", "Failed to release", "Action items due"]);
    expect(message.sections[0]!.lines).toEqual([{ text: "payments-api: red — INC-3 open (SEV1): Down", href: "/incidents/INC-3", tone: "bad" }]);
    const releasedLines = message.sections[2]!.lines;
    expect(releasedLines).toHaveLength(11);
    expect(releasedLines[0]).toEqual({ text: "payments-api: v1.0", href: "https://github.example/d/1" });
    expect(releasedLines[10]).toEqual({ text: "and 2 more", href: "/changes?service=payments-api" });
    expect(message.sections[3]!.lines).toEqual([{ text: "unmapped: v2 failed", tone: "bad" }]);
    expect(message.sections[4]!.lines).toEqual([{ text: "Add alert (INC-1, due 2026-11-30, overdue)", href: "/incidents/INC-1", tone: "warning" }]);
  });
});
