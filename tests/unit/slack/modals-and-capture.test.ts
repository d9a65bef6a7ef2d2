import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { capturedMessageBody, capturedMessageTitle, type CapturedMessageContent } from "@/lib/slack/captured-message";
import { noteModal, readModalSubmission, roleModal, statusModal } from "@/lib/slack/modals";

const metadata = { incidentId: "inc-1", channelId: "C1", responseUrl: "https://hooks.slack.com/actions/T1/1/x" };

describe("modals", () => {
  it("offer what the incident may move to, and carry the incident in private_metadata", () => {
    const view = statusModal("INC-7", ["identified", "resolved"], metadata) as { callback_id: string; private_metadata: string; blocks: Array<{ element: { options: Array<{ value: string }> } }> };
    expect(view.callback_id).toBe("logbook_status_modal");
    expect(view.blocks[0]!.element.options.map((o) => o.value)).toEqual(["identified", "resolved"]);
    expect(JSON.parse(view.private_metadata)).toEqual(metadata);
    expect(JSON.stringify(roleModal("INC-7", metadata))).toContain("users_select");
    expect(JSON.stringify(noteModal("INC-7", metadata))).toContain("plain_text_input");
  });

  it("read submissions as commands, with field errors for what is missing or forged", () => {
    const meta = JSON.stringify(metadata);
    expect(readModalSubmission("logbook_status_modal", meta, { status: { value: { selected_option: { value: "resolved" } } } })).toEqual({ ok: true, metadata, command: { name: "status", status: "resolved" } });
    expect(readModalSubmission("logbook_status_modal", meta, { status: { value: { selected_option: { value: "deleted" } } } })).toEqual({ ok: false, errors: { status: "Choose a status." } });
    expect(readModalSubmission("logbook_role_modal", meta, { role: { value: { selected_option: { value: "commander" } } }, user: { value: { selected_user: "U2" } } })).toEqual({
      ok: true,
      metadata,
      command: { name: "role", role: "commander", slackUserId: "U2" },
    });
    expect(readModalSubmission("logbook_role_modal", meta, { role: { value: { selected_option: { value: "commander" } } } })).toEqual({ ok: false, errors: { user: "Choose a person." } });
    expect(readModalSubmission("logbook_note_modal", meta, { note: { value: { value: " fixed " } } })).toEqual({ ok: true, metadata, command: { name: "note", text: "fixed" } });
    expect(readModalSubmission("someone_elses_modal", meta, {})).toEqual({ ok: false, errors: null });
    expect(readModalSubmission("logbook_note_modal", "{not json", {})).toEqual({ ok: false, errors: null });
  });
});

describe("captured message", () => {
  const content: CapturedMessageContent = {
    channelId: "C1",
    ts: "1764600001.000001",
    author: "Vendor Val",
    authorSlackUserId: "U9",
    text: "see graph <@U2>",
    permalink: "https://acme.slack.com/archives/C1/p1764600001000001",
    files: [
      { id: "F1", name: "graph.png", mimetype: "image/png", permalink: "https://acme.slack.com/files/U9/F1/graph.png", stored: true },
      { id: "F2", name: "trace [1].log", mimetype: "text/plain", permalink: "javascript:alert(1)", stored: false },
    ],
    thread: [{ author: "Rhea", at: "2025-12-02T09:15:00.000Z", text: "on it" }],
    via: "reaction",
  };
  const html = renderToStaticMarkup(createElement(MarkdownView, null, capturedMessageBody(content, (id) => `/api/v1/incidents/INC-7/slack/files/${id}`, { users: { U2: "sam" } })));

  it("shows stored images from Logbook's route, other files by name, the thread with dates, and the link back", () => {
    expect(html).toContain('<img src="/api/v1/incidents/INC-7/slack/files/F1" alt="graph.png"');
    expect(html).toContain("trace [1].log");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Rhea");
    expect(html).toContain("2025-12-02 09:15 UTC");
    expect(html).toContain('href="https://acme.slack.com/archives/C1/p1764600001000001"');
    expect(html).toContain("see graph @sam");
  });

  it("names a deleted message in its title", () => {
    expect(capturedMessageTitle(content)).toBe("Slack message from Vendor Val");
    expect(capturedMessageTitle({ ...content, deletedAt: "2025-12-02T10:00:00Z" })).toBe("Slack message from Vendor Val (deleted in Slack)");
  });

  it("never shows another path of the API as an image", () => {
    const other = renderToStaticMarkup(createElement(MarkdownView, null, "![x](/api/v1/incidents/INC-7/timeline) ![y](/api/auth/sign-out)"));
    expect(other).not.toContain("<img");
  });
});
