import { op, path, READ, WRITE } from "./operations";

const integrationId = path("integrationId", "the Slack integration's id");
const idOrRef = path("idOrRef", "incident id or reference (INC-42)");

/** Signed by Slack, not by a Logbook caller: no session or API key. */
function fromSlack(summary: string, description: string) {
  return {
    ...op(summary, { params: [integrationId], ok: 200, content: "application/json", errors: [400, 401, 404, 413, 429], tag: "Slack" }),
    security: [],
    description: `${description} Verified with X-Slack-Signature (v0= HMAC-SHA256 of v0:{timestamp}:{raw body} with the signing secret) and X-Slack-Request-Timestamp (more than 5 minutes away → 401, stored as a rejected delivery).`,
  };
}

/** Slack's inbound endpoints (its own formats) and the channel backfill (API.md, "Slack"). */
export const SLACK_INBOUND_PATHS = {
  "/api/slack/{integrationId}/events": {
    post: fromSlack(
      "Events API: url_verification, the capture emoji (reaction_added) and edits/deletions of captured messages",
      "JSON. Retries (X-Slack-Retry-Num) of an event already handled are answered 200 and dropped.",
    ),
  },
  "/api/slack/{integrationId}/commands": {
    post: fromSlack(
      "The /logbook slash command (declare, status, sev, note, role, resolve, help)",
      "Form-encoded. Answered at once (help, usage lines and refusals directly; changes are queued and answered through response_url). A workspace or channel not connected is refused with a message.",
    ),
  },
  "/api/slack/{integrationId}/interactions": {
    post: fromSlack(
      "Interactivity: the summary message's buttons (modals through views.open), modal submissions, and the message shortcut Add to timeline",
      "Form-encoded with one field, payload, holding the JSON.",
    ),
  },
  "/api/v1/incidents/{idOrRef}/slack/backfill": {
    post: op("Import the incident channel's history into the timeline as entries that are not highlighted; idempotent (a second run imports nothing twice)", {
      params: [idOrRef],
      ok: 200,
      response: { type: "object", properties: { imported: { type: "integer" }, skipped: { type: "integer" } }, required: ["imported", "skipped"] },
      errors: [...WRITE, 404, 409, 502],
      tag: "Slack",
    }),
  },
  "/api/v1/incidents/{idOrRef}/slack/files/{fileId}": {
    get: op("An image captured from Slack with a timeline message (Slack's own URL needs the bot token, so Logbook keeps a copy)", {
      params: [idOrRef, path("fileId", "Slack file id")],
      ok: 200,
      content: "image/*",
      errors: [...READ, 404],
      tag: "Slack",
    }),
  },
};
