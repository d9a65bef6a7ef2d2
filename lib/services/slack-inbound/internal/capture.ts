import { and, eq, inArray } from "drizzle-orm";
import { slackCapturedFile, slackCapturedMessage, slackUser } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { downloadSlackImage, isCapturableImage } from "@/lib/integrations/slack/file-download";
import type { SlackAccess, SlackMessagePage } from "@/lib/integrations/slack/slack-client";

type SlackHistoryMessage = SlackMessagePage["messages"][number];
import { capturedMessageBody, capturedMessageTitle, type CapturedFile, type CapturedMessageContent, type CapturedReply } from "@/lib/slack/captured-message";
import { slackTsToDate } from "@/lib/slack/inbound-payloads";
import type { SlackNames } from "@/lib/slack/mrkdwn";
import { appendTimelineEvent } from "../../incidents/append-timeline-event";
import { resolveSlackPerson, type SlackInstallation } from "./installation";

/** A message ready to store: everything fetched from Slack, nothing of the database yet. */
export interface FetchedMessage {
  content: CapturedMessageContent;
  authorActor: Actor;
  occurredAt: Date;
  images: Array<{ fileId: string; name: string; mimetype: string; permalink: string | null; size: number | null; bytes: Uint8Array | null }>;
}

/** Files per message and replies per thread that are copied: a message is evidence, not an archive. */
const MAX_FILES = 10;
const MAX_REPLIES = 100;

/** The author of a message as a timeline actor: the matched member, the Slack user, or the bot that posted it. */
async function authorOf(db: Queryable, installation: SlackInstallation, message: SlackHistoryMessage): Promise<{ actor: Actor; name: string }> {
  if (message.user) {
    const person = await resolveSlackPerson(db, installation, message.user);
    return { actor: person.actor, name: person.actor.type === "user" ? person.actor.label : person.name || message.user };
  }
  const name = (message as { username?: string }).username || "a Slack app";
  return { actor: { type: "integration", id: installation.integrationId, label: `${name} (Slack)` }, name };
}

/**
 * Reads what a capture needs from Slack (outside any transaction): the authors, the
 * permalink, the images' bytes. `thread` is the message's replies, when it has them.
 */
export async function fetchCapturedMessage(
  db: Queryable,
  installation: SlackInstallation,
  access: SlackAccess,
  input: { channelId: string; message: SlackHistoryMessage; thread: SlackHistoryMessage[]; permalink: string | null; via: CapturedMessageContent["via"] },
): Promise<FetchedMessage> {
  const author = await authorOf(db, installation, input.message);
  const thread: CapturedReply[] = [];
  for (const reply of input.thread.slice(0, MAX_REPLIES)) {
    thread.push({ author: (await authorOf(db, installation, reply)).name, at: slackTsToDate(reply.ts).toISOString(), text: reply.text ?? "" });
  }
  const images: FetchedMessage["images"] = [];
  const files: CapturedFile[] = [];
  for (const file of (input.message.files ?? []).slice(0, MAX_FILES)) {
    if (!file.id) continue;
    const name = file.name || file.id;
    const mimetype = file.mimetype ?? "application/octet-stream";
    const source = file.url_private ?? file.thumb_360;
    const downloaded = isCapturableImage(mimetype) && source ? await downloadSlackImage(access, source) : null;
    images.push({ fileId: file.id, name, mimetype: downloaded?.mimetype ?? mimetype, permalink: file.permalink ?? null, size: downloaded?.bytes.byteLength ?? null, bytes: downloaded?.bytes ?? null });
    files.push({ id: file.id, name, mimetype, permalink: file.permalink ?? null, stored: downloaded !== null });
  }
  return {
    authorActor: author.actor,
    occurredAt: slackTsToDate(input.message.ts),
    images,
    content: {
      channelId: input.channelId,
      ts: input.message.ts,
      author: author.name,
      authorSlackUserId: input.message.user ?? null,
      text: input.message.text ?? "",
      permalink: input.permalink,
      files,
      thread,
      via: input.via,
    },
  };
}

/** Names of the people a text mentions, as far as Logbook has met them (no Slack call). */
export async function knownNames(db: Queryable, installation: SlackInstallation, texts: string[]): Promise<SlackNames> {
  const ids = [...new Set(texts.flatMap((text) => [...text.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((m) => m[1]!)))];
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: slackUser.slackUserId, name: slackUser.name })
    .from(slackUser)
    .where(and(eq(slackUser.integrationId, installation.integrationId), inArray(slackUser.slackUserId, ids)));
  return { users: Object.fromEntries(rows.map((row) => [row.id, row.name])) };
}

export function capturedFileUrl(incidentNumber: number): (fileId: string) => string {
  return (fileId) => `/api/v1/incidents/${formatIncidentRef(incidentNumber)}/slack/files/${encodeURIComponent(fileId)}`;
}

/**
 * Stores one fetched message on the incident's timeline, inside the caller's transaction;
 * null when that message is already there (a message captured twice is one entry).
 */
export async function storeCapturedMessage(
  tx: Queryable,
  installation: SlackInstallation,
  incidentRef: { id: string; number: number },
  fetched: FetchedMessage,
  options: { highlighted: boolean; names: SlackNames },
): Promise<{ eventId: string } | null> {
  const { content } = fetched;
  const [existing] = await tx
    .select({ id: slackCapturedMessage.timelineEventId })
    .from(slackCapturedMessage)
    .where(and(eq(slackCapturedMessage.incidentId, incidentRef.id), eq(slackCapturedMessage.channelId, content.channelId), eq(slackCapturedMessage.messageTs, content.ts)));
  if (existing) return null;
  const event = await appendTimelineEvent(tx, {
    organizationId: installation.organizationId,
    incidentId: incidentRef.id,
    kind: "slack_message",
    source: "slack",
    actor: fetched.authorActor,
    title: capturedMessageTitle(content),
    body: capturedMessageBody(content, capturedFileUrl(incidentRef.number), options.names),
    payload: { ...content },
    highlighted: options.highlighted,
    occurredAt: fetched.occurredAt,
  });
  const inserted = await tx
    .insert(slackCapturedMessage)
    .values({
      timelineEventId: event.id,
      organizationId: installation.organizationId,
      integrationId: installation.integrationId,
      incidentId: incidentRef.id,
      channelId: content.channelId,
      messageTs: content.ts,
      capturedVia: content.via,
      text: content.text,
    })
    .onConflictDoNothing()
    .returning({ id: slackCapturedMessage.timelineEventId });
  // Captured concurrently by another job: that one's entry stands (this transaction rolls back).
  if (inserted.length === 0) throw new CaptureRaceError();
  for (const image of fetched.images) {
    await tx
      .insert(slackCapturedFile)
      .values({ incidentId: incidentRef.id, fileId: image.fileId, timelineEventId: event.id, name: image.name, mimetype: image.mimetype, size: image.size, permalink: image.permalink, content: image.bytes })
      .onConflictDoNothing();
  }
  return { eventId: event.id };
}

export class CaptureRaceError extends Error {
  constructor() {
    super("the message was captured by another job at the same time");
  }
}
