import { z } from "zod";
import { INCIDENT_STATUSES, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { INCIDENT_ROLES, type IncidentRole } from "@/lib/core/incident-roles";
import { SEVERITIES, type Severity } from "@/lib/core/severity";

/**
 * `/logbook <subcommand>` as Slack sends it in `text` (API.md, "Slack"). Parsing is pure so
 * that every refusal is a sentence the person can act on, before anything is queued.
 */
export const slashCommandSchema = z.discriminatedUnion("name", [
  z.object({ name: z.literal("declare"), title: z.string().min(1).max(200), severity: z.enum(SEVERITIES) }),
  z.object({ name: z.literal("status"), status: z.enum(INCIDENT_STATUSES) }),
  z.object({ name: z.literal("sev"), severity: z.enum(SEVERITIES) }),
  z.object({ name: z.literal("note"), text: z.string().min(1) }),
  z.object({ name: z.literal("role"), role: z.enum(INCIDENT_ROLES), slackUserId: z.string().min(1) }),
  z.object({ name: z.literal("resolve") }),
  z.object({ name: z.literal("help") }),
  // The summary message's Acknowledge button (no text form).
  z.object({ name: z.literal("acknowledge") }),
]);
/** What a person asked of an incident from Slack: a command's text, a button or a modal, parsed. */
export type SlashCommand = z.infer<typeof slashCommandSchema>;

export type ParsedSlashCommand = { ok: true; command: SlashCommand } | { ok: false; message: string };

/** An incident declared from Slack without a severity is a minor one until someone says otherwise. */
const DEFAULT_DECLARE_SEVERITY: Severity = "SEV3";
const TITLE_MAX = 200;
const NOTE_MAX = 50_000;

export const SLASH_COMMAND_USAGE = "Usage: /logbook declare <title> [sev1-4] | status <status> | sev <1-4> | note <text> | role <commander|communications|scribe> @user | resolve | help";

export const SLASH_COMMAND_HELP = [
  "*/logbook* runs the incident from Slack. In an incident's channel the command acts on that incident.",
  "• `/logbook declare <title> [sev1-4]` declares an incident (SEV3 unless you name one)",
  `• \`/logbook status <status>\` moves the incident: ${INCIDENT_STATUSES.join(", ")}`,
  "• `/logbook sev <1-4>` changes the severity",
  "• `/logbook note <text>` adds a note to the timeline",
  "• `/logbook role <commander|communications|scribe> @user` assigns a role",
  "• `/logbook resolve` resolves the incident",
  "• `/logbook help` shows this list",
].join("\n");

/** `sev2`, `SEV2`, `2` → SEV2. */
function severityOf(word: string, bare: boolean): Severity | null {
  const match = (bare ? /^(?:sev)?([1-4])$/i : /^sev([1-4])$/i).exec(word);
  return match ? (`SEV${match[1]}` as Severity) : null;
}

/** Slack escapes a mention as `<@U123ABC>` or `<@U123ABC|name>` (with "escape usernames" on, which commands should have). */
const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;

function usage(problem: string): ParsedSlashCommand {
  return { ok: false, message: `${problem}\n${SLASH_COMMAND_USAGE}` };
}

export function parseSlashCommand(text: string): ParsedSlashCommand {
  const trimmed = text.trim();
  const [head = "", ...rest] = trimmed.split(/\s+/);
  const name = head.toLowerCase();
  const argument = trimmed.slice(head.length).trim();
  switch (name) {
    case "":
    case "help":
      return { ok: true, command: { name: "help" } };
    case "declare": {
      const last = rest.at(-1);
      const severity = last !== undefined && rest.length > 1 ? severityOf(last, false) : null;
      const title = (severity ? rest.slice(0, -1).join(" ") : argument).trim();
      if (!title) return usage("Name the incident: /logbook declare <title> [sev1-4].");
      if (title.length > TITLE_MAX) return usage(`The title is too long (at most ${TITLE_MAX} characters).`);
      return { ok: true, command: { name: "declare", title, severity: severity ?? DEFAULT_DECLARE_SEVERITY } };
    }
    case "status": {
      const status = argument.toLowerCase();
      if (rest.length !== 1 || !(INCIDENT_STATUSES as readonly string[]).includes(status)) {
        return usage(`Name one status: ${INCIDENT_STATUSES.join(", ")}.`);
      }
      return { ok: true, command: { name: "status", status: status as IncidentStatus } };
    }
    case "sev":
    case "severity": {
      const severity = rest.length === 1 ? severityOf(rest[0]!, true) : null;
      if (!severity) return usage("Name a severity from 1 to 4: /logbook sev 2.");
      return { ok: true, command: { name: "sev", severity } };
    }
    case "note": {
      if (!argument) return usage("Write the note: /logbook note <text>.");
      if (argument.length > NOTE_MAX) return usage(`The note is too long (at most ${NOTE_MAX} characters).`);
      return { ok: true, command: { name: "note", text: argument } };
    }
    case "role": {
      const role = rest[0]?.toLowerCase();
      const mention = rest.length === 2 ? MENTION.exec(rest[1]!) : null;
      if (!role || !(INCIDENT_ROLES as readonly string[]).includes(role) || !mention) {
        return usage(`Name a role (${INCIDENT_ROLES.join(", ")}) and mention the person: /logbook role commander @alex.`);
      }
      return { ok: true, command: { name: "role", role: role as IncidentRole, slackUserId: mention[1]! } };
    }
    case "resolve":
      if (rest.length > 0) return usage("/logbook resolve takes no arguments.");
      return { ok: true, command: { name: "resolve" } };
    default:
      return usage(`Unknown command “${head.slice(0, 40)}”.`);
  }
}

/** Commands that change something, which an unmatched Slack user or a viewer may not run. */
export function isMutatingCommand(command: SlashCommand): boolean {
  return command.name !== "help";
}
