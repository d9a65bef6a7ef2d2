import { z } from "zod";

/**
 * The three request formats Slack sends an app (Events API JSON, slash-command forms, and
 * interactivity forms carrying `payload=<JSON>`), read with zod after the signature was
 * checked on the raw bytes. Only the fields Logbook uses are named; the rest pass through.
 */

const slackFile = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().nullish(),
  size: z.number().nullish(),
  permalink: z.string().nullish(),
  url_private: z.string().nullish(),
  thumb_720: z.string().nullish(),
  thumb_480: z.string().nullish(),
  thumb_360: z.string().nullish(),
});

const slackMessageSchema = z.looseObject({
  ts: z.string(),
  text: z.string().nullish(),
  user: z.string().nullish(),
  bot_id: z.string().nullish(),
  username: z.string().nullish(),
  subtype: z.string().nullish(),
  thread_ts: z.string().nullish(),
  reply_count: z.number().nullish(),
  files: z.array(slackFile).nullish(),
  edited: z.looseObject({ ts: z.string().nullish(), user: z.string().nullish() }).nullish(),
});
type SlackMessage = z.infer<typeof slackMessageSchema>;

const eventSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("reaction_added"),
    user: z.string(),
    reaction: z.string(),
    item: z.looseObject({ type: z.string(), channel: z.string().nullish(), ts: z.string().nullish() }),
  }),
  z.looseObject({
    type: z.literal("message"),
    channel: z.string(),
    subtype: z.string().nullish(),
    message: slackMessageSchema.partial({ ts: true }).nullish(),
    previous_message: slackMessageSchema.partial({ ts: true }).nullish(),
    deleted_ts: z.string().nullish(),
  }),
]);

const envelopeSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string() }),
  z.looseObject({ type: z.literal("event_callback"), team_id: z.string(), event_id: z.string(), event: z.looseObject({ type: z.string() }) }),
]);

export type SlackEvent =
  | { kind: "url_verification"; challenge: string }
  | { kind: "reaction_added"; teamId: string; eventId: string; userId: string; reaction: string; channelId: string; ts: string }
  | { kind: "message_changed"; teamId: string; eventId: string; channelId: string; message: SlackMessage }
  | { kind: "message_deleted"; teamId: string; eventId: string; channelId: string; ts: string }
  /** An event Logbook does not act on (a plain message, a reaction on a file…): acknowledged and dropped. */
  | { kind: "ignored"; teamId: string; eventId: string; type: string };

export class SlackPayloadError extends Error {}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new SlackPayloadError(`not a Slack ${what}: ${result.error.issues.map((i) => `${i.path.join(".") || "body"} ${i.message}`).join("; ")}`);
  return result.data;
}

function json(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new SlackPayloadError(`not a Slack ${what}: the body is not JSON`);
  }
}

/** An Events API request body. */
export function parseSlackEvent(body: string): SlackEvent {
  const envelope = parsed(envelopeSchema, json(body, "event"), "event");
  if (envelope.type === "url_verification") return { kind: "url_verification", challenge: envelope.challenge };
  const base = { teamId: envelope.team_id, eventId: envelope.event_id };
  const inner = eventSchema.safeParse(envelope.event);
  if (!inner.success) return { kind: "ignored", ...base, type: envelope.event.type };
  const event = inner.data;
  if (event.type === "reaction_added") {
    if (event.item.type !== "message" || !event.item.channel || !event.item.ts) return { kind: "ignored", ...base, type: "reaction_added" };
    return { kind: "reaction_added", ...base, userId: event.user, reaction: event.reaction, channelId: event.item.channel, ts: event.item.ts };
  }
  if (event.subtype === "message_changed" && event.message) {
    const ts = event.message.ts ?? event.previous_message?.ts;
    if (ts) return { kind: "message_changed", ...base, channelId: event.channel, message: { ...event.message, ts } };
  }
  if (event.subtype === "message_deleted") {
    const ts = event.deleted_ts ?? event.previous_message?.ts;
    if (ts) return { kind: "message_deleted", ...base, channelId: event.channel, ts };
  }
  return { kind: "ignored", ...base, type: event.subtype ? `message.${event.subtype}` : "message" };
}

const commandSchema = z.object({
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().default(""),
  command: z.string().min(1),
  text: z.string().default(""),
  response_url: z.string().min(1),
  trigger_id: z.string().default(""),
});
export type SlackSlashCommandRequest = z.infer<typeof commandSchema>;

/** A slash command's form body. */
export function parseSlackCommand(body: string): SlackSlashCommandRequest {
  return parsed(commandSchema, Object.fromEntries(new URLSearchParams(body)), "slash command");
}

const team = z.looseObject({ id: z.string() });
const user = z.looseObject({ id: z.string(), name: z.string().nullish(), username: z.string().nullish() });
const channel = z.looseObject({ id: z.string() }).nullish();

const stateValue = z.looseObject({
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
});

const interactionSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("block_actions"),
    team,
    user,
    channel,
    trigger_id: z.string().default(""),
    response_url: z.string().nullish(),
    actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().nullish() })).min(1),
  }),
  z.looseObject({
    type: z.literal("message_action"),
    callback_id: z.string(),
    team,
    user,
    channel: z.looseObject({ id: z.string() }),
    trigger_id: z.string().default(""),
    response_url: z.string().nullish(),
    message: slackMessageSchema,
  }),
  z.looseObject({
    type: z.literal("view_submission"),
    team,
    user,
    view: z.looseObject({
      callback_id: z.string(),
      private_metadata: z.string().default(""),
      state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), stateValue)) }),
    }),
  }),
]);
export type SlackInteraction = z.infer<typeof interactionSchema>;

/** An interactivity request: a form whose one field, `payload`, is the JSON. */
export function parseSlackInteraction(body: string): SlackInteraction | { type: "unsupported"; name: string } {
  const payload = new URLSearchParams(body).get("payload");
  if (payload === null) throw new SlackPayloadError("not a Slack interaction: no payload field");
  const value = json(payload, "interaction");
  const type = typeof value === "object" && value !== null && "type" in value ? String((value as { type: unknown }).type) : "";
  if (!["block_actions", "message_action", "view_submission"].includes(type)) return { type: "unsupported", name: type || "unknown" };
  return parsed(interactionSchema, value, "interaction");
}

/** A message's `ts` ("1665102338.901939": seconds and microseconds) as the instant it was posted. */
export function slackTsToDate(ts: string): Date {
  const [seconds = "0", micros = "0"] = ts.split(".");
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, "0").slice(0, 6)) / 1000));
}
