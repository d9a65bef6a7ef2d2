/**
 * Slack's mrkdwn (as found in a message's `text`) → Markdown for the timeline, which renders
 * it through the safe Markdown view (no raw HTML). What a person typed stays literal: every
 * character Markdown would read as syntax is escaped, so `[x](javascript:…)` typed in Slack
 * is shown as typed, not turned into a link. Only Slack's own markup becomes Markdown:
 * mentions, channel links, http(s) links, bold, italic, strike, code and quotes.
 */

/** Display names for the ids Slack leaves bare (`<@U123>`, `<#C123>`), when the caller looked them up. */
export interface SlackNames {
  users?: Readonly<Record<string, string>>;
  channels?: Readonly<Record<string, string>>;
}

const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** Slack encodes exactly these three in text; anything else that looks like an entity was typed by someone. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === "amp" ? "&" : name === "lt" ? "<" : ">"));
}

/** Characters that are Markdown syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~!]/g;

function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SYNTAX, (c) => `\\${c}`);
}

/** Characters that are Markdown syntax only at the start of a line (headings, lists, setext underlines). */
function escapeLineStart(line: string): string {
  // Four spaces would make an indented code block of an ordinary line.
  const indented = line.replace(/^[ \t]{4,}/, "   ");
  return indented.replace(/^(\s*)([#+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** An http(s) URL as a Markdown link destination, or null for any other scheme (javascript:, data:, mailto:, slack:…). */
function safeDestination(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.replace(/[()\\ ]/g, (c) => encodeURIComponent(c)).replace(/&/g, "\\&");
}

/** One `<…>` token of Slack markup, as Markdown. */
function angleToken(token: string, names: SlackNames): string {
  const [target = "", ...labelParts] = token.split("|");
  const label = labelParts.length > 0 ? decodeEntities(labelParts.join("|")) : null;
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return escapeMarkdown(`@${label ?? names.users?.[id] ?? id}`);
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return escapeMarkdown(`#${label ?? names.channels?.[id] ?? id}`);
  }
  if (target.startsWith("!")) {
    const [command = "", ...args] = target.slice(1).split("^");
    if (["here", "channel", "everyone"].includes(command)) return escapeMarkdown(`@${command}`);
    if (command === "subteam") return escapeMarkdown(label ?? "@group");
    if (command === "date") {
      const seconds = Number(args[0]);
      return escapeMarkdown(label ?? (Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : "a date"));
    }
    return escapeMarkdown(label ?? "");
  }
  const url = decodeEntities(target);
  const destination = safeDestination(url);
  const text = label && label.trim() !== "" ? label : url;
  if (!destination) return escapeMarkdown(text);
  return `[${escapeMarkdown(text).replace(/\n/g, " ")}](${destination})`;
}

/** The longest run of backticks in `text`, so a fence can be longer than any of them. */
function fenceFor(text: string, minimum: number): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(minimum, longest + 1));
}

function inlineCode(code: string): string {
  const fence = fenceFor(code, 1);
  const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

function codeBlock(code: string): string {
  const body = code.replace(/^\n/, "").replace(/\n$/, "");
  const fence = fenceFor(body, 3);
  return `\n${fence}\n${body}\n${fence}\n`;
}

/** Slack's emphasis: a marker after a non-word character (or the start), around text that neither starts nor ends with a space. */
const EMPHASIS: Array<{ marker: string; pattern: RegExp; open: string; close: string }> = [
  { marker: "*", pattern: /(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/u, open: "**", close: "**" },
  { marker: "_", pattern: /(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/u, open: "*", close: "*" },
  { marker: "~", pattern: /(^|[^\p{L}\p{N}~])~(?=\S)([^~\n]*?\S)~(?![\p{L}\p{N}~])/u, open: "~~", close: "~~" },
];

function formatText(text: string, depth = 0): string {
  let best: { index: number; match: RegExpExecArray; rule: (typeof EMPHASIS)[number] } | null = null;
  if (depth < 4) {
    for (const rule of EMPHASIS) {
      const match = rule.pattern.exec(text);
      if (match && (best === null || match.index + match[1]!.length < best.index)) best = { index: match.index + match[1]!.length, match, rule };
    }
  }
  if (!best) return escapeMarkdown(text);
  const { index, match, rule } = best;
  const inner = match[2]!;
  const end = index + inner.length + 2;
  return escapeMarkdown(text.slice(0, index)) + rule.open + formatText(inner, depth + 1) + rule.close + formatText(text.slice(end), depth);
}

export function slackMrkdwnToMarkdown(text: string, names: SlackNames = {}): string {
  const pieces: string[] = [];
  const hold = (markdown: string) => `${OPEN}${pieces.push(markdown) - 1}${CLOSE}`;
  // Slack sends `<`, `>` and `&` typed by people as entities, so every literal `<` is markup.
  const held = text
    .replace(/[\uE000\uE001]/g, "")
    .replace(/```([\s\S]*?)```/g, (_, code: string) => hold(codeBlock(decodeEntities(code.replace(/<([^<>]*)>/g, (_m, t: string) => t.split("|").at(-1) ?? t)))))
    .replace(/`([^`\n]+)`/g, (_, code: string) => hold(inlineCode(decodeEntities(code))))
    .replace(/<([^<>\n]+)>/g, (_, token: string) => hold(angleToken(token, names)));

  const lines = held.split("\n").map((line) => {
    const quote = /^&gt;\s?/.exec(line);
    const content = quote ? line.slice(quote[0].length) : line;
    const rendered = escapeLineStart(formatText(decodeEntities(content)));
    return quote ? `> ${rendered}` : rendered;
  });
  // Slack shows every newline; in Markdown a lone newline is a space, so end such lines with
  // a hard break (not next to a code block, which is a block of its own).
  const isBlock = (placeholder: string | undefined) => placeholder !== undefined && pieces[Number(placeholder)]!.startsWith("\n");
  const breaks = (line: string, next: string | undefined) =>
    next !== undefined && line.trim() !== "" && next.trim() !== "" && !isBlock(/\uE000(\d+)\uE001$/.exec(line)?.[1]) && !isBlock(/^\uE000(\d+)\uE001/.exec(next)?.[1]);
  const joined = lines.map((line, i) => (breaks(line, lines[i + 1]) ? `${line}\\` : line)).join("\n");
  return joined.replace(PLACEHOLDER, (_, index: string) => pieces[Number(index)] ?? "").trim();
}
