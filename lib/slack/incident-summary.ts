import { INCIDENT_ROLES, INCIDENT_ROLE_LABELS, type IncidentRole } from "@/lib/core/incident-roles";
import { SUMMARY_ACTIONS } from "./modals";

/**
 * The messages Logbook writes to Slack, as Block Kit: the pinned summary of an incident
 * (edited in place on every change, so it is rendered from the incident's state alone and a
 * digest of it tells whether an edit is needed), the announcement of a new SEV1/SEV2, and the
 * one-line echo of a timeline entry. `text` is the notification fallback.
 */
export interface SummaryIncident {
  id: string;
  ref: string;
  title: string;
  summary: string;
  severity: string;
  status: string;
  services: string[];
  /** role holders by name, with their Slack user id when known (mentioned then) */
  roles: Partial<Record<IncidentRole, { name: string; slackUserId: string | null }>>;
  links: { incident: string; postmortem: string | null; runbook: string | null };
}

interface SlackBlockMessage {
  text: string;
  blocks: unknown[];
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const plain = (text: string) => ({ type: "plain_text", text, emoji: true });

/** Slack mrkdwn treats &, < and > as markup: escaped, a title cannot forge a link or a mention. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const link = (url: string, label: string) => `<${url}|${escapeMrkdwn(label)}>`;

const SEVERITY_MARK: Record<string, string> = { SEV1: ":red_circle:", SEV2: ":large_orange_circle:", SEV3: ":large_yellow_circle:", SEV4: ":white_circle:" };

export function renderIncidentSummary(incident: SummaryIncident): SlackBlockMessage {
  const holder = (role: IncidentRole) => {
    const who = incident.roles[role];
    return who ? (who.slackUserId ? `<@${who.slackUserId}>` : escapeMrkdwn(who.name)) : "_unassigned_";
  };
  const links = [
    link(incident.links.incident, `${incident.ref} in Logbook`),
    incident.links.postmortem ? link(incident.links.postmortem, "Postmortem") : null,
    incident.links.runbook ? link(incident.links.runbook, "Runbook") : null,
  ].filter(Boolean);
  const button = (actionId: string, label: string, style?: "primary") => ({ type: "button", action_id: actionId, value: incident.id, text: plain(label), ...(style ? { style } : {}) });
  const blocks: unknown[] = [
    { type: "header", text: plain(`${incident.ref}: ${incident.title}`.slice(0, 150)) },
    {
      type: "section",
      fields: [
        mrkdwn(`*Severity*\n${SEVERITY_MARK[incident.severity] ?? ""} ${incident.severity}`.trim()),
        mrkdwn(`*Status*\n${incident.status}`),
        ...INCIDENT_ROLES.map((role) => mrkdwn(`*${INCIDENT_ROLE_LABELS[role]}*\n${holder(role)}`)),
        mrkdwn(`*Services*\n${incident.services.length ? incident.services.map(escapeMrkdwn).join(", ") : "_none_"}`),
      ],
    },
    ...(incident.summary.trim() ? [{ type: "section", text: mrkdwn(escapeMrkdwn(incident.summary.slice(0, 2900))) }] : []),
    { type: "context", elements: [mrkdwn(links.join("  ·  "))] },
    {
      type: "actions",
      block_id: "logbook_summary_actions",
      elements: [
        button(SUMMARY_ACTIONS.acknowledge, "Acknowledge", "primary"),
        button(SUMMARY_ACTIONS.status, "Change status"),
        button(SUMMARY_ACTIONS.role, "Assign role"),
        button(SUMMARY_ACTIONS.note, "Add note"),
      ],
    },
  ];
  return { text: `${incident.ref} ${incident.severity} ${incident.status}: ${incident.title}`, blocks };
}

/** The announcement of a new SEV1/SEV2 incident in the organisation's announcement channel. */
export function renderIncidentAnnouncement(incident: SummaryIncident, channel: { id: string; name: string }): SlackBlockMessage {
  const text = `${SEVERITY_MARK[incident.severity] ?? ""} ${incident.severity} declared: ${incident.ref} ${incident.title}`.trim();
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(`${SEVERITY_MARK[incident.severity] ?? ""} *${incident.severity} declared:* ${link(incident.links.incident, `${incident.ref} ${incident.title}`)}`.trim()) },
      { type: "context", elements: [mrkdwn(`Join <#${channel.id}> · status ${incident.status}${incident.services.length ? ` · ${incident.services.map(escapeMrkdwn).join(", ")}` : ""}`)] },
    ],
  };
}

/** A timeline entry echoed to the channel: who, what, and the text of a note. */
export function renderTimelineEcho(entry: { kind: string; title: string; body: string | null; actorLabel: string }): SlackBlockMessage {
  const headline = entry.kind === "note" ? `:memo: *${escapeMrkdwn(entry.actorLabel)}* added a note in Logbook` : `:arrows_counterclockwise: ${escapeMrkdwn(entry.title)} (${escapeMrkdwn(entry.actorLabel)})`;
  const body = entry.kind === "note" && entry.body ? escapeMrkdwn(entry.body.slice(0, 2900)) : null;
  return {
    text: entry.kind === "note" ? `${entry.actorLabel}: ${entry.body ?? ""}`.slice(0, 3000) : entry.title,
    blocks: [{ type: "section", text: mrkdwn(headline) }, ...(body ? [{ type: "section", text: mrkdwn(body) }] : [])],
  };
}
