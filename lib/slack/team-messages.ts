import type { DigestMessage } from "@/lib/insights/digest-message";
import { escapeMrkdwn } from "./incident-summary";

/** The changes a team channel hears about: deploys and rollouts, and failed reconciliations and syncs. */
export const TEAM_CHANGE_KINDS = ["deploy_succeeded", "deploy_failed", "rollout_completed", "rollout_failed", "reconcile_failed", "sync_failed"] as const;

const FAILED = new Set(["deploy_failed", "rollout_failed", "reconcile_failed", "sync_failed"]);

const mrkdwn = (text: string) => ({ type: "mrkdwn", text });

export function renderChangeMessage(change: { kind: string; title: string; url: string | null; service: string; environment: string | null; actor: string | null }): { text: string; blocks: unknown[] } {
  const mark = FAILED.has(change.kind) ? ":x:" : ":rocket:";
  const title = change.url?.startsWith("https://") || change.url?.startsWith("http://") ? `<${change.url}|${escapeMrkdwn(change.title)}>` : escapeMrkdwn(change.title);
  const context = [change.kind.replaceAll("_", " "), change.environment, change.actor].filter(Boolean).map((s) => escapeMrkdwn(String(s)));
  return {
    text: `${change.service}: ${change.title}`,
    blocks: [
      { type: "section", text: mrkdwn(`${mark} *${escapeMrkdwn(change.service)}*: ${title}`) },
      { type: "context", elements: [mrkdwn(context.join(" · "))] },
    ],
  };
}

/** The "since yesterday" digest (lib/insights/digest-message.ts) as blocks; relative links made absolute. */
export function renderDigestBlocks(message: DigestMessage, baseUrl: string): { text: string; blocks: unknown[] } {
  const absolute = (href: string) => (href.startsWith("/") ? `${baseUrl}${href}` : href);
  const TONE = { good: ":large_green_circle: ", warning: ":large_orange_circle: ", bad: ":red_circle: " } as const;
  const blocks: unknown[] = [
    { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150), emoji: true } },
    { type: "section", text: mrkdwn(escapeMrkdwn(message.summary)) },
  ];
  for (const section of message.sections) {
    const lines = section.lines.map((line) => {
      const text = escapeMrkdwn(line.text);
      return `${line.tone ? TONE[line.tone] : "• "}${line.href ? `<${absolute(line.href)}|${text}>` : text}`;
    });
    blocks.push({ type: "section", text: mrkdwn(`*${escapeMrkdwn(section.heading)}*\n${lines.join("\n")}`.slice(0, 3000)) });
  }
  return { text: message.text, blocks: blocks.slice(0, 50) };
}
