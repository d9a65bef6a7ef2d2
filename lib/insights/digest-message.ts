/**
 * The "since yesterday" digest as a plain message: a title, a one-line summary and sections
 * of lines with optional links. The digest page reads the same digest; a Slack job posting it
 * to a team's channel maps this to Block Kit (a section per section, mrkdwn links) without
 * knowing the digest's shape, and uses `text` as the notification fallback.
 */
import type { HealthState } from "./service-health";

/** The parts of a digest the message needs (the digest API's answer has them all). */
export interface DigestContent {
  since: string;
  until: string;
  scope: { team: string | null; service: string | null };
  incidents: { opened: DigestIncidentLine[]; resolved: DigestIncidentLine[] };
  alerts: Array<{ name: string; service: string | null; status: string; incidentRef: string | null }>;
  changes: { released: DigestChangeLine[]; failed: DigestChangeLine[] };
  actionItemsDue: Array<{ title: string; incidentRef: string; dueDate: string; overdue: boolean }>;
  health: Array<{ service: string; state: HealthState; reasons: Array<{ text: string; href: string }> }>;
}

interface DigestIncidentLine {
  ref: string;
  title: string;
  severity: string;
}

interface DigestChangeLine {
  kind: string;
  service: string | null;
  title: string;
  url: string | null;
}

interface MessageLine {
  text: string;
  /** app-relative (`/incidents/INC-4`) or absolute; the poster makes relative links absolute */
  href?: string;
  tone?: "good" | "warning" | "bad";
}

export interface DigestMessage {
  title: string;
  summary: string;
  /** plain-text fallback for notifications */
  text: string;
  sections: Array<{ heading: string; lines: MessageLine[] }>;
}

const TONE: Record<HealthState, MessageLine["tone"]> = { green: "good", amber: "warning", red: "bad" };

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** At most this many lines per section; the rest become "and N more". */
const SECTION_LINES = 10;

function capped(lines: MessageLine[], more: (n: number) => MessageLine): MessageLine[] {
  return lines.length <= SECTION_LINES ? lines : [...lines.slice(0, SECTION_LINES), more(lines.length - SECTION_LINES)];
}

export function renderDigestMessage(digest: DigestContent): DigestMessage {
  const subject = digest.scope.service ?? digest.scope.team ?? "the organisation";
  const red = digest.health.filter((h) => h.state === "red").length;
  const amber = digest.health.filter((h) => h.state === "amber").length;
  const summary = [
    `${count(digest.incidents.opened.length, "incident")} opened, ${digest.incidents.resolved.length} resolved`,
    `${count(digest.alerts.length, "alert")} fired`,
    `${digest.changes.released.length} released, ${digest.changes.failed.length} failed to release`,
    `${count(digest.actionItemsDue.length, "action item")} due`,
  ].join("; ");
  const sections: DigestMessage["sections"] = [];
  const add = (heading: string, lines: MessageLine[], link: string) => {
    if (lines.length > 0) sections.push({ heading, lines: capped(lines, (n) => ({ text: `and ${n} more`, href: link })) });
  };
  const scopeQuery = digest.scope.service ? `service=${digest.scope.service}` : digest.scope.team ? `team=${digest.scope.team}` : "";
  add(
    "Service health",
    digest.health
      .filter((h) => h.state !== "green")
      .map((h) => ({ text: `${h.service}: ${h.state} — ${h.reasons.map((r) => r.text).join("; ")}`, href: h.reasons[0]?.href, tone: TONE[h.state] })),
    `/insights/health${scopeQuery ? `?${scopeQuery}` : ""}`,
  );
  add("Incidents opened", digest.incidents.opened.map((i) => ({ text: `${i.ref} ${i.severity} ${i.title}`, href: `/incidents/${i.ref}`, tone: "bad" as const })), "/incidents");
  add("Incidents resolved", digest.incidents.resolved.map((i) => ({ text: `${i.ref} ${i.title}`, href: `/incidents/${i.ref}`, tone: "good" as const })), "/incidents");
  add(
    "Alerts that fired",
    digest.alerts.map((a) => ({ text: `${a.name}${a.service ? ` on ${a.service}` : ""} (${a.status})`, href: a.incidentRef ? `/incidents/${a.incidentRef}` : "/triage" })),
    "/triage",
  );
  add("Released", digest.changes.released.map((c) => ({ text: `${c.service ?? "unmapped"}: ${c.title}`, ...(c.url ? { href: c.url } : {}) })), `/changes${scopeQuery ? `?${scopeQuery}` : ""}`);
  add(
    "Failed to release",
    digest.changes.failed.map((c) => ({ text: `${c.service ?? "unmapped"}: ${c.title}`, ...(c.url ? { href: c.url } : {}), tone: "bad" as const })),
    `/changes${scopeQuery ? `?${scopeQuery}` : ""}`,
  );
  add(
    "Action items due",
    digest.actionItemsDue.map((a) => ({ text: `${a.title} (${a.incidentRef}, due ${a.dueDate}${a.overdue ? ", overdue" : ""})`, href: `/incidents/${a.incidentRef}`, ...(a.overdue ? { tone: "warning" as const } : {}) })),
    "/action-items",
  );
  const healthLine = red + amber > 0 ? ` ${red} red, ${amber} amber.` : " All services green.";
  const title = `Since yesterday for ${subject}`;
  return { title, summary: `${summary}.${digest.health.length > 0 ? healthLine : ""}`, text: `${title}: ${summary}.`, sections };
}
