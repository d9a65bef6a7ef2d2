import { describe, expect, it } from "vitest";
import { parseSlackCommand, parseSlackEvent, parseSlackInteraction, SlackPayloadError, slackTsToDate } from "@/lib/slack/inbound-payloads";

const envelope = (event: Record<string, unknown>) => JSON.stringify({ token: "x", team_id: "T111", api_app_id: "A111", type: "event_callback", event_id: "Ev111", event_time: 1665102362, event });

describe("parseSlackEvent", () => {
  it("reads url_verification, reactions on messages, edits and deletions", () => {
    expect(parseSlackEvent(JSON.stringify({ token: "t", challenge: "abc", type: "url_verification" }))).toEqual({ kind: "url_verification", challenge: "abc" });
    expect(parseSlackEvent(envelope({ type: "reaction_added", user: "U1", reaction: "pushpin", item: { type: "message", channel: "C1", ts: "1.000100" } }))).toEqual({
      kind: "reaction_added",
      teamId: "T111",
      eventId: "Ev111",
      userId: "U1",
      reaction: "pushpin",
      channelId: "C1",
      ts: "1.000100",
    });
    const changed = parseSlackEvent(envelope({ type: "message", subtype: "message_changed", channel: "C1", message: { type: "message", text: "new", user: "U1" }, previous_message: { text: "old", ts: "1665102338.901939" } }));
    expect(changed).toMatchObject({ kind: "message_changed", channelId: "C1", message: { ts: "1665102338.901939", text: "new" } });
    expect(parseSlackEvent(envelope({ type: "message", subtype: "message_deleted", channel: "C1", deleted_ts: "1665368619.804829" }))).toMatchObject({ kind: "message_deleted", ts: "1665368619.804829" });
  });

  it("acknowledges what it does not act on, and refuses what is not Slack's format", () => {
    expect(parseSlackEvent(envelope({ type: "reaction_added", user: "U1", reaction: "pushpin", item: { type: "file", file: "F1" } }))).toMatchObject({ kind: "ignored" });
    expect(parseSlackEvent(envelope({ type: "message", channel: "C1", text: "hi", ts: "1.1" }))).toMatchObject({ kind: "ignored", type: "message" });
    expect(parseSlackEvent(envelope({ type: "app_mention", text: "<@U0LOGBOOK>" }))).toMatchObject({ kind: "ignored", type: "app_mention" });
    expect(() => parseSlackEvent("not json")).toThrow(SlackPayloadError);
    expect(() => parseSlackEvent(JSON.stringify({ type: "event_callback" }))).toThrow(SlackPayloadError);
  });
});

describe("parseSlackCommand and parseSlackInteraction", () => {
  it("reads the form of a slash command", () => {
    const command = parseSlackCommand("team_id=T111&channel_id=C111&user_id=W111&user_name=owner&command=%2Flogbook&text=status+monitoring&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F1%2Fx&trigger_id=1.1.x");
    expect(command).toMatchObject({ team_id: "T111", channel_id: "C111", user_id: "W111", text: "status monitoring", response_url: "https://hooks.slack.com/commands/T111/1/x" });
    expect(() => parseSlackCommand("text=hi")).toThrow(SlackPayloadError);
  });

  it("reads the JSON inside payload=, and names unsupported interactions", () => {
    const body = `payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", team: { id: "T1" }, user: { id: "U1" }, trigger_id: "t", actions: [{ action_id: "logbook_note", value: "inc-1" }] }))}`;
    expect(parseSlackInteraction(body)).toMatchObject({ type: "block_actions", actions: [{ action_id: "logbook_note", value: "inc-1" }] });
    expect(parseSlackInteraction(`payload=${encodeURIComponent(JSON.stringify({ type: "shortcut", callback_id: "x" }))}`)).toEqual({ type: "unsupported", name: "shortcut" });
    expect(() => parseSlackInteraction("payload=%7Bnot")).toThrow(SlackPayloadError);
    expect(() => parseSlackInteraction("nothing=here")).toThrow(SlackPayloadError);
  });
});

describe("slackTsToDate", () => {
  it("keeps the milliseconds of a message's ts", () => {
    expect(slackTsToDate("1665102338.901939").toISOString()).toBe("2022-10-07T00:25:38.901Z");
    expect(slackTsToDate("1665102338").toISOString()).toBe("2022-10-07T00:25:38.000Z");
  });
});
