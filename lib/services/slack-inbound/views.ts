/** The three endpoints Slack calls: Events API, slash commands, interactivity. */
export type SlackEndpoint = "events" | "commands" | "interactions";

export type { SlackAnswer } from "./internal/requests";

/** POST /api/v1/incidents/{idOrRef}/slack/backfill */
export interface SlackBackfillResult {
  imported: number;
  skipped: number;
}

/** A captured image, as the file route serves it. */
export interface CapturedSlackFile {
  name: string;
  mimetype: string;
  content: Uint8Array;
}
