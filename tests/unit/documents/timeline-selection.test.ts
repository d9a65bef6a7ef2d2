import { describe, expect, it } from "vitest";
import { freezeDocument } from "@/lib/documents/freeze-document";
import { isUntouchedGuidance, withoutGuidance } from "@/lib/documents/guidance";
import type { DocumentControlFacts } from "@/lib/documents/incident-snapshot";
import {
  DEFAULT_TIMELINE_SELECTION,
  describeTimelineSelection,
  selectTimelineEvents,
  timelineKindName,
  timelineKindsShown,
  timelineSelectionOf,
  toggleTimelineSelection,
} from "@/lib/documents/timeline-selection";
import { SNAPSHOT } from "./sample-postmortem";

const CONTROL: DocumentControlFacts = { documentId: "INC-42-PM", revision: 1, status: "published", authors: [], reviewers: [], approvals: [], confidentiality: "Confidential" };
const event = (kind: string, highlighted = false) => ({ kind, highlighted, title: kind });

describe("timeline selection", () => {
  const events = [event("alert"), event("alert", true), event("note"), event("status_change"), event("severity_change"), event("role_change"), event("change"), event("runbook", true), event("declared")];

  it("by default shows what people did (declaration, notes, status, severity and role changes) and highlighted machine events", () => {
    expect(selectTimelineEvents(events, DEFAULT_TIMELINE_SELECTION).map((e) => `${e.kind}${e.highlighted ? "*" : ""}`)).toEqual([
      "alert*",
      "note",
      "status_change",
      "severity_change",
      "role_change",
      "runbook*",
      "declared",
    ]);
  });

  it("shows exactly the kinds picked, with or without the highlighted events of other kinds", () => {
    const alertsOnly = { kinds: ["alert" as const], highlighted: false };
    expect(selectTimelineEvents(events, alertsOnly).map((e) => e.kind)).toEqual(["alert", "alert"]);
    expect(selectTimelineEvents(events, { kinds: [], highlighted: true }).map((e) => e.kind)).toEqual(["alert", "runbook"]);
    expect(selectTimelineEvents(events, { kinds: [], highlighted: false })).toEqual([]);
  });

  it("reads the stored selection, falling back to the default and dropping unknown kinds", () => {
    expect(timelineSelectionOf(null)).toEqual(DEFAULT_TIMELINE_SELECTION);
    expect(timelineSelectionOf({ selection: "nonsense" })).toEqual(DEFAULT_TIMELINE_SELECTION);
    expect(timelineSelectionOf({ selection: { kinds: ["change", "bogus", "note"], highlighted: false } })).toEqual({ kinds: ["note", "change"], highlighted: false });
    // the default is not shared: changing a returned selection does not change the next one
    timelineSelectionOf(null).kinds.push("alert");
    expect(timelineSelectionOf(null).kinds).not.toContain("alert");
  });

  it("toggles one kind or the highlighted rule, keeping catalogue order", () => {
    const withAlerts = toggleTimelineSelection(DEFAULT_TIMELINE_SELECTION, "alert", true);
    expect(withAlerts.kinds).toEqual(["declared", "note", "status_change", "severity_change", "role_change", "alert"]);
    expect(toggleTimelineSelection(withAlerts, "note", false).kinds).not.toContain("note");
    expect(toggleTimelineSelection(withAlerts, "highlighted", false)).toEqual({ kinds: withAlerts.kinds, highlighted: false });
  });

  it("tells the reader what the timeline shows, and names kinds in words", () => {
    expect(describeTimelineSelection({ kinds: ["note"], highlighted: false })).toBe("Shows notes only.");
    expect(describeTimelineSelection({ kinds: [], highlighted: true })).toBe("Shows the highlighted events only.");
    expect(timelineKindName("status_change")).toBe("Status change");
    expect(timelineKindName("deploy_started")).toBe("Deploy started");
  });

  it("lists the kinds a document's timeline blocks show, for loading the snapshot", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "incidentTimeline", attrs: { selection: { kinds: ["alert"], highlighted: true } } },
        { type: "incidentTimeline", attrs: { selection: { kinds: ["note"], highlighted: false } } },
      ],
    };
    expect(timelineKindsShown(doc)).toEqual(["note", "alert"]);
    expect(timelineKindsShown({ type: "doc", content: [{ type: "incidentTimeline", attrs: {} }] })).toEqual(DEFAULT_TIMELINE_SELECTION.kinds);
    expect(timelineKindsShown({ type: "doc", content: [] })).toEqual([]);
  });

  it("is frozen into the published document: each block keeps its own selection", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "incidentTimeline", attrs: { incidentId: "inc-1", frozen: null, title: "People", selection: { kinds: ["note"], highlighted: false } } },
        { type: "incidentTimeline", attrs: { incidentId: "inc-1", frozen: null, title: "Alerts", selection: { kinds: ["alert"], highlighted: false } } },
      ],
    };
    const [people, alerts] = freezeDocument(doc, SNAPSHOT, CONTROL, "2030-03-05T00:00:00.000Z").content!;
    expect(people!.attrs!.frozen.rows).toEqual([["2030-03-01 10:31:00 UTC", "Note", "Note: Failed over to the replica; writes recovered", "Ada Commander"]]);
    expect(alerts!.attrs!.frozen.rows.map((r: string[]) => r[1])).toEqual(["Alert"]);
    expect(people!.attrs!.selection).toEqual({ kinds: ["note"], highlighted: false });
  });
});

describe("template guidance", () => {
  const prompt = (text: string, guidance: string | null) => ({ type: "paragraph", attrs: { guidance }, content: [{ type: "text", text, marks: [{ type: "italic" }] }] });

  it("is an untouched prompt; a prompt the author wrote over is their text", () => {
    expect(isUntouchedGuidance(prompt("Say what happened.", "Say what happened."))).toBe(true);
    expect(isUntouchedGuidance(prompt("The cache expired at 10:02.", "Say what happened."))).toBe(false);
    expect(isUntouchedGuidance(prompt("Say what happened.", null))).toBe(false);
    // documents created before prompts carried their text: the built-in wording, all italic
    expect(isUntouchedGuidance(prompt("The highlighted events from the incident timeline follow; highlight more events on the incident to add them.", null))).toBe(true);
    expect(isUntouchedGuidance({ type: "paragraph", content: [{ type: "text", text: "How did we find out? Which alert, customer report or person noticed first, and could we have known sooner?" }] })).toBe(false);
  });

  it("is left out by withoutGuidance, everything else kept", () => {
    const doc = { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Summary" }] }, prompt("Say what happened.", "Say what happened."), prompt("Written.", "Say what happened.")] };
    expect(withoutGuidance(doc).content!.map((n) => n.content?.[0]?.text)).toEqual(["Summary", "Written."]);
  });
});
