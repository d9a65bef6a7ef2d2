import { slackMrkdwnToMarkdown, type SlackNames } from "./mrkdwn";

/**
 * A Slack message as a timeline entry: its text (safe Markdown), its images (served by
 * Logbook, never Slack's token-only URLs), other files by name and permalink, its thread
 * with each reply's author and full date, and the link back to Slack. The inputs are kept in
 * the entry's payload, so an edit in Slack re-renders the same entry with the new text.
 */

export interface CapturedFile {
  id: string;
  name: string;
  mimetype: string;
  permalink: string | null;
  /** whether Logbook holds the image's bytes (then it is shown inline) */
  stored: boolean;
}

export interface CapturedReply {
  author: string;
  /** ISO time of the reply */
  at: string;
  text: string;
}

export interface CapturedMessageContent {
  channelId: string;
  ts: string;
  author: string;
  authorSlackUserId: string | null;
  text: string;
  permalink: string | null;
  files: CapturedFile[];
  thread: CapturedReply[];
  via: "reaction" | "shortcut" | "backfill";
  deletedAt?: string | null;
}

/** Timestamps with the date and the zone: incidents run over several days. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function escapeLabel(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~!]/g, (c) => `\\${c}`);
}

function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? parsed.href.replace(/[()\\ ]/g, (c) => encodeURIComponent(c)) : null;
  } catch {
    return null;
  }
}

export function capturedMessageTitle(content: Pick<CapturedMessageContent, "author" | "deletedAt">): string {
  return `Slack message from ${content.author}${content.deletedAt ? " (deleted in Slack)" : ""}`;
}

/** `fileUrl(id)`: where Logbook serves a stored image (a same-origin, authenticated route). */
export function capturedMessageBody(content: CapturedMessageContent, fileUrl: (fileId: string) => string, names: SlackNames = {}): string {
  const parts = [slackMrkdwnToMarkdown(content.text, names) || "_(no text)_"];
  const images = content.files.filter((file) => file.stored);
  if (images.length > 0) parts.push(images.map((file) => `![${escapeLabel(file.name)}](${fileUrl(file.id)})`).join("\n"));
  const others = content.files.filter((file) => !file.stored);
  if (others.length > 0) {
    parts.push(
      others
        .map((file) => {
          const link = safeLink(file.permalink);
          return link ? `- [${escapeLabel(file.name)}](${link})` : `- ${escapeLabel(file.name)}`;
        })
        .join("\n"),
    );
  }
  if (content.thread.length > 0) {
    const replies = content.thread.map((reply) => `> **${escapeLabel(reply.author)}** · ${when(reply.at)}\\\n> ${slackMrkdwnToMarkdown(reply.text, names).replace(/\n/g, "\n> ")}`);
    parts.push(`**Thread** (${content.thread.length} ${content.thread.length === 1 ? "reply" : "replies"})\n\n${replies.join("\n>\n")}`);
  }
  const permalink = safeLink(content.permalink);
  if (permalink) parts.push(`[View in Slack](${permalink})`);
  return parts.join("\n\n");
}
